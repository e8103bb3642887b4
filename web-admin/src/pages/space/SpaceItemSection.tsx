import { useState, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import type { SpaceItem } from '../../gql/graphql';
import { CompactTable } from '../../components/CompactTable';
import { ConfirmDialog } from '../../components/Dialog';
import { Success, errorMessage } from '@essor/web-ui';
import type { Space } from './model';
import { REMOVE_SPACE_ITEM_MUTATION } from './operations';

/** What the confirmation of a removal says. */
interface Removal {
  item: SpaceItem;
  itemId: string;
  title: string;
  what: ReactNode;
}

/** Removal of a session, participant or deliverable, after a confirmation. */
function useRemoval(space: Space, onChanged: () => void) {
  const [pending, setPending] = useState<Removal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(REMOVE_SPACE_ITEM_MUTATION);
  const dialog = pending && (
    <ConfirmDialog
      title={pending.title}
      description={<p>{pending.what}</p>}
      confirmLabel="Retirer"
      danger
      busy={loading}
      error={error}
      onConfirm={() => {
        setError(null);
        remove({ variables: { spaceId: space.id, item: pending.item, itemId: pending.itemId } })
          .then(() => {
            setPending(null);
            setDone('Élément retiré.');
            onChanged();
          })
          .catch((err: unknown) => setError(errorMessage(err)));
      }}
      onCancel={() => {
        setPending(null);
        setError(null);
      }}
    />
  );
  return {
    ask: (p: Removal) => {
      setDone(null);
      setPending(p);
    },
    dialog,
    done,
  };
}

export interface ItemsProps {
  space: Space;
  /** The viewer may edit this space (`viewerCanEdit`). */
  canEdit: boolean;
  /** After a change (the history of the space is refreshed). */
  onChanged: () => void;
}

/** What tells the sessions, participants and deliverables apart in their section. */
export interface SectionSpec<T> {
  /** The kind of item: it names the removal and the ids (`<item>s-title`). */
  item: SpaceItem;
  /** The title of the section (« Séances »), also the start of the table's caption. */
  heading: string;
  /** Shown instead of the table when there is no item. */
  empty: string;
  /** Each column's header and cell; the first cell heads its row, an « Actions » column follows for an editor. */
  columns: ReadonlyArray<readonly [header: string, cell: (row: T) => ReactNode]>;
  /** The remove button's accessible name and the confirmation's title and text. */
  removal: (row: T, space: Space) => { label: string; title: string; what: ReactNode };
}

/** The sessions, participants or deliverables of a space: a table, a remove button per row, an add form. */
export function SpaceItemSection<T extends { id: string }>({
  space,
  canEdit,
  onChanged,
  spec: { item, heading, empty, columns, removal },
  rows,
  form,
}: ItemsProps & {
  spec: SectionSpec<T>;
  rows: readonly T[];
  /** The form that adds items, shown to an editor. */
  form: ReactNode;
}) {
  const remover = useRemoval(space, onChanged);
  return (
    <section className="section" aria-labelledby={`${item}s-title`}>
      <h2 id={`${item}s-title`}>{heading}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <CompactTable
          hiddenCaption
          caption={
            <>
              {heading} de « {space.title} »
            </>
          }
          columns={[...columns.map(([header]) => header), ...(canEdit ? ['Actions'] : [])]}
        >
          {rows.map((row) => {
            const [head, ...rest] = columns.map(([, cell]) => cell(row));
            const { label, title, what } = removal(row, space);
            return (
              <tr key={row.id}>
                <th scope="row">{head}</th>
                {rest.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="button button--danger-outline button--small"
                      aria-label={label}
                      onClick={() => remover.ask({ item, itemId: row.id, title, what })}
                    >
                      Retirer
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </CompactTable>
      )}
      {remover.done && <Success>{remover.done}</Success>}
      {canEdit && form}
      {remover.dialog}
    </section>
  );
}
