import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { AccountFieldsFragment, Role } from '../gql/graphql';
import { Dialog } from '../components/Dialog';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  RequiredNote,
  TextField,
  EmptyState,
  ErrorNotice,
  Loading,
  Success,
  formatShortDateTime,
  formatNumber,
  errorMessage,
  fieldErrorsOf,
  findError,
} from '@essor/web-ui';
import { StructurePicker, type PickedStructure } from '../components/StructurePicker';
import { ROLES, ROLE_LABELS } from '../lib/labels';
import { usePageTitle } from '../lib/usePageTitle';
import { MIN_PASSWORD_LENGTH } from './PasswordPages';

export const ACCOUNT_FIELDS = graphql(`
  fragment AccountFields on Account {
    id
    email
    displayName
    roles
    disabled
    locked
    lastLoginAt
    version
    structures {
      id
      name
    }
    sectors {
      id
      slug
      name
    }
  }
`);

export const ACCOUNTS_QUERY = graphql(`
  query Accounts($first: Int, $after: String) {
    accounts(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...AccountFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    sectors {
      id
      slug
      name
    }
  }
`);

export const CREATE_ACCOUNT_MUTATION = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      ...AccountFields
    }
  }
`);

export const UPDATE_ACCOUNT_MUTATION = graphql(`
  mutation UpdateAccount($id: ID!, $version: Int!, $input: UpdateAccountInput!) {
    updateAccount(id: $id, version: $version, input: $input) {
      ...AccountFields
    }
  }
`);

type Account = AccountFieldsFragment;
type Sector = { slug: string; name: string };

function stateOf(a: Account): string {
  if (a.disabled) return 'Désactivé';
  if (a.locked) return 'Verrouillé';
  return 'Actif';
}

export function AccountsPage() {
  usePageTitle('Comptes');
  const { data, loading, error, refetch, fetchMore } = useQuery(ACCOUNTS_QUERY, { variables: { first: 50 } });
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const accounts = data?.accounts;

  return (
    <>
      <div className="page-header">
        <h1>Comptes</h1>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          Nouveau compte
        </button>
      </div>
      <p className="lead">Les comptes de la mission, du comité de pilotage, des animateur·rices et des structures.</p>
      {notice && <Success>{notice}</Success>}
      {error && !accounts ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`Les comptes n'ont pas pu être chargés. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !accounts ? (
        <Loading>Chargement des comptes…</Loading>
      ) : accounts.edges.length === 0 ? (
        <EmptyState>Aucun compte.</EmptyState>
      ) : (
        <>
          <p className="result-count">{formatNumber(accounts.totalCount)} comptes</p>
          <div className="table-wrapper" tabIndex={0} role="region" aria-label="Liste des comptes">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Adresse</th>
                  <th scope="col">Rôles</th>
                  <th scope="col">Périmètre</th>
                  <th scope="col">État</th>
                  <th scope="col">Dernière connexion</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {accounts.edges.map(({ node: a }) => (
                  <tr key={a.id}>
                    <th scope="row">{a.displayName}</th>
                    <td>{a.email}</td>
                    <td>{a.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                    <td>
                      {[...a.structures.map((s) => s.name), ...a.sectors.map((s) => `Secteur ${s.name}`)].join(', ') || '—'}
                    </td>
                    <td>
                      <span className={`badge badge--${a.disabled ? 'archived' : a.locked ? 'draft' : 'published'}`}>
                        {stateOf(a)}
                      </span>
                    </td>
                    <td className="nowrap">{a.lastLoginAt ? formatShortDateTime(a.lastLoginAt) : 'Jamais'}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setEditing(a)}
                        aria-label={`Modifier le compte de ${a.displayName}`}
                      >
                        Modifier
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {moreError && <ErrorNotice>{moreError}</ErrorNotice>}
          {accounts.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={loading}
              onClick={() => {
                setMoreError(null);
                fetchMore({ variables: { after: accounts.pageInfo.endCursor } }).catch((e: unknown) =>
                  setMoreError(errorMessage(e)),
                );
              }}
            >
              Voir plus
            </button>
          )}
        </>
      )}
      {editing && (
        <AccountDialog
          account={editing === 'new' ? null : editing}
          sectors={data?.sectors ?? []}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            void refetch().catch(() => undefined);
          }}
        />
      )}
    </>
  );
}

type Errors = Record<string, string[]>;

function AccountDialog({
  account,
  sectors,
  onClose,
  onDone,
}: {
  account: Account | null;
  sectors: readonly Sector[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [email, setEmail] = useState(account?.email ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(account?.roles ?? []);
  const [structures, setStructures] = useState<PickedStructure[]>(account?.structures ?? []);
  const [sectorSlugs, setSectorSlugs] = useState<string[]>(account?.sectors.map((s) => s.slug) ?? []);
  const [disabled, setDisabled] = useState(account?.disabled ?? false);
  const [unlock, setUnlock] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading: creating }] = useMutation(CREATE_ACCOUNT_MUTATION);
  const [update, { loading: updating }] = useMutation(UPDATE_ACCOUNT_MUTATION);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const next: Errors = {};
    if (!displayName.trim()) next.displayName = ['Indiquez le nom affiché.'];
    if (!account && !email.trim()) next.email = ["Indiquez l'adresse e-mail."];
    if (!account && password && password.length < MIN_PASSWORD_LENGTH)
      next.password = [`Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`];
    if (!roles.length) next.roles = ['Choisissez au moins un rôle.'];
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      if (!account) {
        await create({
          variables: {
            input: {
              displayName: displayName.trim(),
              email: email.trim(),
              password: password || null,
              roles: roles as Role[],
              structureIds: structures.map((s) => s.id),
              sectorSlugs,
            },
          },
        });
        onDone(
          password
            ? `Compte de ${displayName.trim()} créé.`
            : `Compte de ${displayName.trim()} créé : une invitation a été envoyée à ${email.trim()}.`,
        );
      } else {
        const sameList = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
        const input = {
          ...(displayName.trim() !== account.displayName ? { displayName: displayName.trim() } : {}),
          ...(!sameList(roles, account.roles) ? { roles: roles as Role[] } : {}),
          ...(!sameList(
            structures.map((s) => s.id),
            account.structures.map((s) => s.id),
          )
            ? { structureIds: structures.map((s) => s.id) }
            : {}),
          ...(!sameList(
            sectorSlugs,
            account.sectors.map((s) => s.slug),
          )
            ? { sectorSlugs }
            : {}),
          ...(disabled !== account.disabled ? { disabled } : {}),
          ...(unlock ? { unlock: true } : {}),
        };
        if (!Object.keys(input).length) {
          onClose();
          return;
        }
        await update({ variables: { id: account.id, version: account.version, input } });
        onDone(`Compte de ${displayName.trim()} modifié.`);
      }
    } catch (err) {
      if (findError(err, 'CONFLICT')) {
        setFormError(
          'Ce compte a été modifié entre-temps par quelqu’un d’autre : fermez cette fenêtre et rouvrez-la pour repartir de la version actuelle.',
        );
        return;
      }
      const fields = fieldErrorsOf(err, { structureIds: 'structures', sectorSlugs: 'sectors' });
      setErrors(fields);
      if (!Object.keys(fields).length) setFormError(errorMessage(err));
    }
  };

  return (
    <Dialog title={account ? `Modifier le compte de ${account.displayName}` : 'Nouveau compte'} onClose={onClose}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <RequiredNote />
        {formError && (
          <p role="alert" className="notice notice--error">
            {formError}
          </p>
        )}
        <ErrorSummary
          items={Object.entries(errors).map(([k, m]) => ({ fieldId: `account-${k}`, message: m.join(' ') }))}
          title="Le compte n'a pas été enregistré"
        />
        <TextField
          id="account-displayName"
          label="Nom affiché"
          required
          value={displayName}
          onChange={setDisplayName}
          errors={errors.displayName}
        />
        {account ? (
          <p>
            <strong>Adresse e-mail :</strong> {account.email}
          </p>
        ) : (
          <>
            <TextField
              id="account-email"
              label="Adresse e-mail"
              type="email"
              required
              value={email}
              onChange={setEmail}
              errors={errors.email}
            />
            <TextField
              id="account-password"
              label="Mot de passe (facultatif)"
              type="password"
              autoComplete="new-password"
              hint={`Laissez vide : la personne recevra une invitation par e-mail pour choisir le sien. Sinon, ${MIN_PASSWORD_LENGTH} caractères au moins.`}
              value={password}
              onChange={setPassword}
              errors={errors.password}
            />
          </>
        )}
        <CheckboxGroup
          id="account-roles"
          legend="Rôles"
          options={ROLES.map((r) => [r, ROLE_LABELS[r]] as const)}
          selected={roles}
          onChange={setRoles}
          errors={errors.roles}
        />
        <StructurePicker id="account-structures" selected={structures} onChange={setStructures} errors={errors.structures} />
        <CheckboxGroup
          id="account-sectors"
          legend="Secteurs animés"
          hint="Pour un compte d'animateur·rice de secteur."
          options={sectors.map((s) => [s.slug, s.name] as const)}
          selected={sectorSlugs}
          onChange={setSectorSlugs}
          errors={errors.sectors}
          columns
        />
        {account && (
          <fieldset className="fieldset">
            <legend>Accès</legend>
            <CheckboxField
              id="account-disabled"
              label="Compte désactivé (plus de connexion possible)"
              checked={disabled}
              onChange={setDisabled}
            />
            {account.locked && (
              <CheckboxField
                id="account-unlock"
                label="Déverrouiller le compte (bloqué après des échecs de connexion)"
                checked={unlock}
                onChange={setUnlock}
              />
            )}
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={creating || updating}>
            {account ? 'Enregistrer le compte' : 'Créer le compte'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Annuler
          </button>
        </div>
      </form>
    </Dialog>
  );
}
