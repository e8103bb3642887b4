import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { RequiredNote, TextField, Success, errorCode, errorMessage, fieldErrorsOf } from '@essor/web-ui';
import { usePageTitle } from '../lib/usePageTitle';

export const REQUEST_PASSWORD_RESET_MUTATION = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const RESET_PASSWORD_MUTATION = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`);

export const MIN_PASSWORD_LENGTH = 12;
export const RESET_SENT_MESSAGE = 'Si un compte existe, un e-mail a été envoyé.';

export function ForgotPasswordPage() {
  usePageTitle('Mot de passe oublié');
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string[] | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [request, { loading }] = useMutation(REQUEST_PASSWORD_RESET_MUTATION);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!email.trim()) {
      setEmailError(['Indiquez votre adresse e-mail.']);
      document.getElementById('reset-email')?.focus();
      return;
    }
    setEmailError(undefined);
    try {
      await request({ variables: { email: email.trim() } });
      setSent(true);
    } catch (err) {
      // The answer never says whether the account exists; only a rate limit or an outage is shown.
      if (errorCode(err) === 'RATE_LIMITED') setFormError(errorMessage(err));
      else if (errorCode(err)) setSent(true);
      else setFormError(errorMessage(err));
    }
  };

  return (
    <div className="auth-card">
      <h1>Mot de passe oublié</h1>
      {sent ? (
        <>
          <Success>{RESET_SENT_MESSAGE}</Success>
          <p>Le lien reçu est valable une heure et ne sert qu'une fois.</p>
          <p>
            <Link to="/connexion">Retour à la connexion</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">Indiquez l'adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
          {formError && (
            <div role="alert" className="notice notice--error">
              <p>{formError}</p>
            </div>
          )}
          <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
            <RequiredNote />
            <TextField
              id="reset-email"
              label="Adresse e-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={setEmail}
              errors={emailError}
            />
            <div className="actions">
              <button type="submit" className="button button--primary" disabled={loading}>
                Envoyer le lien
              </button>
              <Link to="/connexion">Retour à la connexion</Link>
            </div>
          </form>
        </>
      )}
    </div>
  );
}

export function ResetPasswordPage() {
  usePageTitle('Nouveau mot de passe');
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string[]; confirm?: string[] }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [reset, { loading }] = useMutation(RESET_PASSWORD_MUTATION);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const next: typeof errors = {};
    if (password.length < MIN_PASSWORD_LENGTH)
      next.password = [`Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`];
    if (confirm !== password) next.confirm = ['Les deux mots de passe ne correspondent pas.'];
    setErrors(next);
    if (next.password || next.confirm) {
      document.getElementById(next.password ? 'new-password' : 'confirm-password')?.focus();
      return;
    }
    try {
      await reset({ variables: { token, password } });
      setDone(true);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields.password) {
        setErrors({ password: fields.password });
        document.getElementById('new-password')?.focus();
      } else {
        setFormError(errorMessage(err));
      }
    }
  };

  return (
    <div className="auth-card">
      <h1>Choisir un nouveau mot de passe</h1>
      {!token ? (
        <div role="alert" className="notice notice--error">
          <p>Ce lien est incomplet : ouvrez le lien reçu par e-mail, ou demandez-en un nouveau.</p>
          <p>
            <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        </div>
      ) : done ? (
        <>
          <Success>Votre mot de passe a été enregistré.</Success>
          <p>
            <Link to="/connexion">Se connecter</Link>
          </p>
        </>
      ) : (
        <>
          {formError && (
            <div role="alert" className="notice notice--error">
              <p>{formError}</p>
              <p>
                <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
              </p>
            </div>
          )}
          <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
            <RequiredNote />
            <TextField
              id="new-password"
              label="Nouveau mot de passe"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              hint={`Au moins ${MIN_PASSWORD_LENGTH} caractères ; une phrase de plusieurs mots convient très bien.`}
              value={password}
              onChange={setPassword}
              errors={errors.password}
            />
            <TextField
              id="confirm-password"
              label="Confirmation du nouveau mot de passe"
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={setConfirm}
              errors={errors.confirm}
            />
            <div className="actions">
              <button type="submit" className="button button--primary" disabled={loading}>
                Enregistrer le mot de passe
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
