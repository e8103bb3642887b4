import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { deriveEssFamily } from '../../src/modules/structure/ess-family';
import { withLuhnKey } from '../../src/modules/structure/siret';
import { hashPassword } from '../../src/modules/account/password';

/** A unique token for names, so tests can find exactly their own rows among the demo data. */
export const uniqueToken = (prefix = 'zz') => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10)}`;

export interface StructureOverrides {
  name?: string;
  legalCategory?: string;
  communeCode?: string | null;
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  workforceRange?: string | null;
  siret?: string | null;
  acceptsInterns?: boolean;
  seeksVolunteers?: boolean;
  description?: string | null;
  services?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  createdAt?: string;
}

export async function createStructure(
  ds: DataSource,
  o: StructureOverrides = {},
): Promise<{ id: string; name: string; siret: string }> {
  const name = o.name ?? `Structure de test ${uniqueToken()}`;
  const legalCategory = o.legalCategory ?? '9220';
  // Random fictional identifiers (prefix 98): unique across test files and workers.
  const siren = withLuhnKey(`98${String(randomInt(1_000_000)).padStart(6, '0')}`);
  const siret = o.siret === undefined ? withLuhnKey(`${siren}${String(randomInt(10_000)).padStart(4, '0')}`) : o.siret;
  const [row] = await ds.query(
    `INSERT INTO structure (name, siren, siret, legal_category, ess_family, commune_code, status, workforce_range, accepts_interns,
       seeks_volunteers, description, services, latitude, longitude, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, coalesce($15::timestamptz, now())) RETURNING id::text`,
    [
      name,
      siret ? siret.slice(0, 9) : siren,
      siret,
      legalCategory,
      deriveEssFamily({ legalCategory }).family,
      o.communeCode === undefined ? '59392' : o.communeCode,
      o.status ?? 'PUBLISHED',
      o.workforceRange ?? '01',
      o.acceptsInterns ?? false,
      o.seeksVolunteers ?? false,
      o.description ?? null,
      o.services ?? null,
      o.latitude ?? null,
      o.longitude ?? null,
      o.createdAt ?? null,
    ],
  );
  return { id: row.id, name, siret: siret ?? '' };
}

export async function createSector(ds: DataSource, name = `Secteur ${uniqueToken()}`): Promise<{ id: string; slug: string }> {
  const slug = uniqueToken('sect-');
  const [row] = await ds.query(`INSERT INTO sector (slug, name) VALUES ($1, $2) RETURNING id::text`, [slug, name]);
  return { id: row.id, slug };
}

export async function createNetwork(ds: DataSource, name = `Réseau ${uniqueToken()}`): Promise<{ id: string; slug: string }> {
  const slug = uniqueToken('net-');
  const [row] = await ds.query(
    `INSERT INTO network (slug, name, kind, scope) VALUES ($1, $2, 'FEDERATION', 'REGION') RETURNING id::text`,
    [slug, name],
  );
  return { id: row.id, slug };
}

export async function addToSector(ds: DataSource, structureId: string, sectorId: string) {
  await ds.query('INSERT INTO structure_sector (structure_id, sector_id) VALUES ($1, $2)', [structureId, sectorId]);
}

export async function addToNetwork(ds: DataSource, structureId: string, networkId: string) {
  await ds.query('INSERT INTO network_membership (network_id, structure_id) VALUES ($1, $2)', [networkId, structureId]);
}

export async function createPerson(
  ds: DataSource,
  o: { isPublic: boolean; structureId?: string; firstName?: string; lastName?: string },
): Promise<{ id: string; firstName: string; lastName: string; email: string }> {
  const firstName = o.firstName ?? 'Camille';
  const lastName = o.lastName ?? uniqueToken('Nom');
  const email = `${lastName.toLowerCase()}@exemple.org`;
  const [row] = await ds.query(
    `INSERT INTO person (first_name, last_name, email, phone, job_title, structure_id, is_public)
     VALUES ($1, $2, $3, '03 27 00 00 00', 'Chargée de mission', $4, $5) RETURNING id::text`,
    [firstName, lastName, email, o.structureId ?? null, o.isPublic],
  );
  return { id: row.id, firstName, lastName, email };
}

export const toGlobal = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

const PASSWORD_HASHES = new Map<string, Promise<string>>();

/** An account with roles and scopes; the password defaults to a shared test password. */
export async function createAccount(
  ds: DataSource,
  o: { roles: string[]; structureIds?: string[]; sectorIds?: string[]; password?: string; email?: string },
): Promise<{ id: string; email: string; password: string }> {
  const password = o.password ?? 'mot de passe de test 2026';
  if (!PASSWORD_HASHES.has(password)) PASSWORD_HASHES.set(password, hashPassword(password));
  const email = o.email ?? `${uniqueToken('compte')}@exemple.org`;
  const [row] = await ds.query(
    `INSERT INTO account (email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4::text[]) RETURNING id::text`,
    [email, `Compte ${email}`, await PASSWORD_HASHES.get(password), o.roles],
  );
  for (const s of o.structureIds ?? []) await ds.query('INSERT INTO account_structure VALUES ($1, $2)', [row.id, s]);
  for (const s of o.sectorIds ?? []) await ds.query('INSERT INTO account_sector VALUES ($1, $2)', [row.id, s]);
  return { id: row.id, email, password };
}

/** A mentor offer of a new (non-public) mentor. */
export async function createMentorOffer(ds: DataSource, status: 'OPEN' | 'FULL' | 'CLOSED' = 'OPEN'): Promise<{ id: string }> {
  const mentor = await createPerson(ds, { isPublic: false });
  const [row] = await ds.query(
    `INSERT INTO mentor_offer (mentor_id, title, themes, status) VALUES ($1, $2, ARRAY['GOVERNANCE'], $3) RETURNING id::text`,
    [mentor.id, `Tutorat ${uniqueToken()}`, status],
  );
  return { id: row.id };
}

/**
 * A carrier's project (a new non-public person unless given), at a stage, with its first row of stage
 * history; `db` may be a transaction (EntityManager or QueryRunner).
 */
export async function createCarrierProject(
  db: Pick<DataSource, 'query'>,
  o: {
    personId?: string;
    title?: string;
    stage?: string;
    communeCode?: string | null;
    sectorId?: string | null;
    archived?: boolean;
    mentorOfferId?: string | null;
    mentorshipStartsOn?: string | null;
    mentorshipEndsOn?: string | null;
  } = {},
): Promise<{ id: string; personId: string; title: string }> {
  const personId = o.personId ?? (await createPerson(db as DataSource, { isPublic: false })).id;
  const title = o.title ?? `Projet ${uniqueToken()}`;
  const stage = o.stage ?? 'RECEIVED';
  const [row] = await db.query(
    `INSERT INTO carrier_project (person_id, title, commune_code, sector_id, stage, archived, mentor_offer_id,
       mentorship_starts_on, mentorship_ends_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text`,
    [
      personId,
      title,
      o.communeCode === undefined ? '59392' : o.communeCode,
      o.sectorId ?? null,
      stage,
      o.archived ?? false,
      o.mentorOfferId ?? null,
      o.mentorshipStartsOn ?? null,
      o.mentorshipEndsOn ?? null,
    ],
  );
  await db.query(`INSERT INTO carrier_project_stage_change (project_id, to_stage, changed_on) VALUES ($1, $2, current_date)`, [
    row.id,
    stage,
  ]);
  return { id: row.id, personId, title };
}
