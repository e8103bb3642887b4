import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { Person } from './person.entity';
import { canListPrivatePersons, canSeePersonalData } from './person.permissions';

/** Persons by id; anonymous visitors only list the persons who chose to be public. */
export async function listPersons(
  ctx: Context,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<Person>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, 1);
  const where = canListPrivatePersons(ctx) ? ['true'] : ['t.is_public'];
  const countWhere = [...where];
  const params: unknown[] = [];
  if (after) where.push(`t.id > $${params.push(after[0])}::bigint`);
  const rows = await queryEntities(
    ctx.ds,
    Person,
    `SELECT t.* FROM person t WHERE ${where.join(' AND ')} ORDER BY t.id LIMIT $${params.push(size + 1)}`,
    params,
  );
  return toConnection(
    rows,
    size,
    after,
    (p) => [p.id],
    async () => {
      const [{ n }] = await ctx.ds.query(`SELECT count(*)::int AS n FROM person t WHERE ${countWhere.join(' AND ')}`);
      return n;
    },
  );
}

export async function findPerson(ctx: Context, id: string): Promise<Person | null> {
  const p = await ctx.loaders.person.byId.load(id);
  return p && (p.isPublic || canListPrivatePersons(ctx)) ? p : null;
}

/** A personal field as the viewer may see it. */
export function personalField<K extends 'firstName' | 'lastName' | 'email' | 'phone' | 'bio'>(ctx: Context, p: Person, key: K) {
  return canSeePersonalData(ctx, p) ? p[key] : null;
}

export function displayName(ctx: Context, p: Person): string {
  if (!canSeePersonalData(ctx, p)) return p.jobTitle ? `${p.jobTitle} (coordonnées non publiques)` : 'Contact non public';
  return [p.firstName, p.lastName].filter(Boolean).join(' ') || p.jobTitle || 'Sans nom';
}
