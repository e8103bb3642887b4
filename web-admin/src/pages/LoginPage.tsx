import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { graphql } from '../gql';
import { VIEWER_QUERY, useViewer } from '../auth/viewer';
import { homeOf } from '../auth/permissions';
import { RequiredNote, TextField, Loading, Success, errorCode, errorMessage } from '@essor/web-ui';
import { usePageTitle } from '../lib/usePageTitle';

export const LOGIN_MUTATION = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      email
      displayName
      roles
    }
  }
`);

export const INVALID_CREDENTIALS_MESSAGE = 'Adresse e-mail ou mot de passe incorrect.';

interface LoginState {
  from?: string;
  loggedOut?: boolean;
}

export function LoginPage() {
  usePageTitle('Connexion');
  const { viewer, known } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string[]; password?: string[] }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [justLoggedIn, setJustLoggedIn] = useState(false);
  const [login, { loading }] = useMutation(LOGIN_MUTATION);

  if (!known) return <Loading>Vérification de la session…</Loading>;
  if (viewer && !justLoggedIn) return <Navigate to={homeOf(viewer.roles)} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const errors: typeof fieldErrors = {};
    if (!email.trim()) errors.email = ['Indiquez votre adresse e-mail.'];
    if (!password) errors.password = ['Indiquez votre mot de passe.'];
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) {
      document.getElementById(errors.email ? 'login-email' : 'login-password')?.focus();
      return;
    }
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (!data) throw new Error('Réponse vide');
      setJustLoggedIn(true);
      // Nothing cached anonymously may leak into the session: start from an empty cache.
      await client.clearStore();
      client.writeQuery({ query: VIEWER_QUERY, data: { viewer: data.login } });
      const target = state.from && state.from !== '/connexion' ? state.from : homeOf(data.login.roles);
      void navigate(target, { replace: true });
    } catch (err) {
      const code = errorCode(err);
      setPassword('');
      setFormError(
        code === 'INVALID_CREDENTIALS'
          ? INVALID_CREDENTIALS_MESSAGE
          : code === 'RATE_LIMITED'
            ? errorMessage(err)
            : errorMessage(err, 'La connexion a échoué. Réessayez.'),
      );
    }
  };

  return (
    <div className="auth-card">
      <h1>Connexion</h1>
      <p className="lead">Espace de pilotage de la mission territoriale de l'ESS.</p>
      {state.loggedOut && !formError && <Success>Vous êtes déconnecté·e.</Success>}
      {formError && (
        <div role="alert" className="notice notice--error">
          <p>{formError}</p>
        </div>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
        <RequiredNote />
        <TextField
          id="login-email"
          label="Adresse e-mail"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={setEmail}
          errors={fieldErrors.email}
        />
        <TextField
          id="login-password"
          label="Mot de passe"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          errors={fieldErrors.password}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading || undefined}>
            Se connecter
          </button>
          <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        </div>
      </form>
    </div>
  );
}
