import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { StructurePicker, type PickedStructure } from '../../components/StructurePicker';
import { ErrorNotice, Loading, Success, plural, errorMessage, findError } from '@essor/web-ui';
import { ADD_NETWORK_MEMBER_MUTATION, NETWORK_MEMBERS_QUERY, REMOVE_NETWORK_MEMBER_MUTATION } from './operations';

export const MEMBERS_PAGE = 100;

/**
 * The member structures of a network. Each addition or removal is one atomic call
 * (`addNetworkMember` / `removeNetworkMember`): the structure's other memberships are not touched,
 * and a call that finds things already so says it (`changed: false`) and writes nothing.
 */
export function NetworkMembers({
  networkId,
  slug,
  name,
  canEdit,
}: {
  networkId: string;
  slug: string;
  name: string;
  canEdit: boolean;
}) {
  const { data, error, refetch } = useQuery(NETWORK_MEMBERS_QUERY, {
    variables: { slug, first: MEMBERS_PAGE },
    fetchPolicy: 'network-only',
  });
  const [addMember] = useMutation(ADD_NETWORK_MEMBER_MUTATION);
  const [removeMember] = useMutation(REMOVE_NETWORK_MEMBER_MUTATION);
  // After a change, the list as the person sees it (a draft structure is a member too, but the API lists published ones).
  const [changed, setChanged] = useState<PickedStructure[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const loaded = data?.network?.members;
  const members = changed ?? loaded?.nodes.map((s) => ({ id: s.id, name: s.name })) ?? [];

  const onChange = async (next: PickedStructure[]) => {
    const added = next.find((s) => !members.some((m) => m.id === s.id));
    const removed = members.find((m) => !next.some((s) => s.id === m.id));
    const target = added ?? removed;
    if (!target || busy) return;
    setBusy(true);
    setNotice(null);
    setFailure(null);
    try {
      const variables = { networkId, structureId: target.id };
      const result = added
        ? (await addMember({ variables })).data?.addNetworkMember
        : (await removeMember({ variables })).data?.removeNetworkMember;
      if (!result) throw new Error('Réponse vide du serveur.');
      setChanged(next);
      const who = `« ${target.name} »`;
      setNotice(
        added
          ? result.changed
            ? `${who} fait maintenant partie du réseau.`
            : `${who} faisait déjà partie du réseau : rien n'a changé.`
          : result.changed
            ? `${who} ne fait plus partie du réseau.`
            : `${who} ne faisait déjà plus partie du réseau : rien n'a changé.`,
      );
    } catch (err) {
      const gone = findError(err, 'NOT_FOUND');
      setFailure(
        `${added ? `« ${target.name} » n'a pas pu être ajoutée` : `« ${target.name} » n'a pas pu être retirée`}. ${
          gone ? `${gone.message} Rechargez la page.` : errorMessage(err)
        }`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="members-title">
      <h2 id="members-title">Structures membres</h2>
      {error && !data ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`Les membres n'ont pas pu être chargés. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !data ? (
        <Loading>Chargement des membres…</Loading>
      ) : (
        <>
          {loaded && loaded.totalCount > MEMBERS_PAGE && (
            <p className="notice">
              {plural(loaded.totalCount, 'structure publiée', 'structures publiées')} : seules les {MEMBERS_PAGE} premières sont
              listées ici.
            </p>
          )}
          {canEdit ? (
            <StructurePicker
              id="network-members"
              legend={`Membres de « ${name} »`}
              hint="Seules les structures publiées sont listées ici ; une structure en brouillon ajoutée paraîtra une fois publiée."
              selected={members}
              onChange={(next) => void onChange(next)}
              busy={busy}
            />
          ) : members.length ? (
            <ul>
              {members.map((s) => (
                <li key={s.id}>
                  <Link to={`/structures/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Aucune structure publiée n'est membre de ce réseau.</p>
          )}
          {notice && <Success>{notice}</Success>}
          {failure && (
            <p role="alert" className="notice notice--error">
              {failure}
            </p>
          )}
        </>
      )}
    </section>
  );
}
