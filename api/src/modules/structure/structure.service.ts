import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/reads';
import { ErrorCode, UserInputError } from '../../common/errors';
import { hitRateLimits, RATE_LIMITS } from '../../common/rate-limit/rate-limit';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { rowIdOf } from '../../common/relay/global-id';
import {
  assertTerritoryCodeFormats,
  assertTerritoryCodes,
  missingTerritoryCodesSql,
  searchWords,
  unknownTerritoryCode,
} from '../territory/territory.service';
import { EssFamily } from './ess-family';
import { isValidSiret, normaliseIdentifier } from './siret';
import { WORKFORCE_RANGES } from './workforce-range';
import { StructureSubmission, SubmissionKind, SubmissionStatus } from './structure-submission.entity';
import { Structure } from './structure.entity';
import { canSeeStructure } from './structure.permissions';

export interface StructureFilter {
  search?: string | null;
  commune?: string[] | null;
  epci?: string[] | null;
  departement?: string[] | null;
  sector?: string[] | null;
  network?: string[] | null;
  essFamily?: EssFamily[] | null;
  legalCategory?: string[] | null;
  workforceRange?: string[] | null;
  acceptsInterns?: boolean | null;
  seeksVolunteers?: boolean | null;
}

/** Checks the formats of a filter's codes (no SQL); throws the typed error of the first bad one. */
export function assertFilterFormats(f: StructureFilter): void {
  const badCategory = f.legalCategory?.find((c) => !/^[0-9]{4}$/.test(c));
  if (badCategory !== undefined) {
    throw new UserInputError(
      ErrorCode.BAD_USER_INPUT,
      `Catégorie juridique invalide : « ${badCategory.slice(0, 10)} » (4 chiffres).`,
      {
        field: 'legalCategory',
      },
    );
  }
  const badRange = f.workforceRange?.find((c) => !WORKFORCE_RANGES.includes(c));
  if (badRange !== undefined) {
    throw new UserInputError(ErrorCode.UNKNOWN_REFERENCE, `Tranche d'effectifs inconnue : « ${badRange.slice(0, 10)} ».`, {
      field: 'workforceRange',
    });
  }
  assertTerritoryCodeFormats({ commune: f.commune, epci: f.epci, departement: f.departement });
}

/**
 * SQL rows `(kind, code)` of the filter's codes that do not exist (territories, sectors,
 * networks), pushing their parameters; null when there is nothing to check.
 */
export function missingFilterCodesSql(f: StructureFilter, params: unknown[]): string | null {
  const parts: string[] = [];
  const territory = missingTerritoryCodesSql({ commune: f.commune, epci: f.epci, departement: f.departement }, params);
  if (territory) parts.push(territory);
  if (f.sector?.length) {
    parts.push(
      `SELECT 'sector', c FROM unnest($${params.push(f.sector)}::text[]) c WHERE NOT EXISTS (SELECT 1 FROM sector WHERE slug = c)`,
    );
  }
  if (f.network?.length) {
    parts.push(
      `SELECT 'network', c FROM unnest($${params.push(f.network)}::text[]) c WHERE NOT EXISTS (SELECT 1 FROM network WHERE slug = c)`,
    );
  }
  return parts.length ? parts.join(' UNION ALL ') : null;
}

/** The typed error of an unknown code reported by missingFilterCodesSql. */
export function unknownFilterCode(kind: string, code: string): UserInputError {
  if (kind === 'sector' || kind === 'network') {
    return new UserInputError(
      ErrorCode.UNKNOWN_REFERENCE,
      `${kind === 'sector' ? 'Secteur' : 'Réseau'} inconnu : « ${code.slice(0, 80)} ».`,
      { field: kind, value: code.slice(0, 80) },
    );
  }
  return unknownTerritoryCode(kind, code);
}

/** Validates the codes of a filter: formats first, then existence (one statement). */
export async function assertFilterCodes(ctx: Context, f: StructureFilter): Promise<void> {
  assertFilterFormats(f);
  const params: unknown[] = [];
  const sql = missingFilterCodesSql(f, params);
  if (!sql) return;
  const [row]: Array<{ kind: string; code: string }> = await ctx.ds.query(
    `SELECT m.kind, m.code FROM (${sql}) m(kind, code) LIMIT 1`,
    params,
  );
  if (row) throw unknownFilterCode(row.kind, row.code);
}

export const FACETS = [
  'essFamily',
  'sector',
  'network',
  'epci',
  'commune',
  'workforceRange',
  'acceptsInterns',
  'seeksVolunteers',
] as const;
export type FacetName = (typeof FACETS)[number];

/**
 * SQL conditions (on alias `t`, the structure) of a filter, pushing their parameters:
 * `common` ones always apply; `faceted` ones are left out of their own facet's counts.
 */
export function filterConditions(
  f: StructureFilter,
  params: unknown[],
): { common: string[]; faceted: Partial<Record<FacetName, string>> } {
  const p = (v: unknown) => `$${params.push(v)}`;
  const common = [`t.status = 'PUBLISHED'`];
  const faceted: Partial<Record<FacetName, string>> = {};
  if (f.departement?.length) {
    common.push(`t.commune_code IN (SELECT code FROM commune WHERE departement_code = ANY(${p(f.departement)}::text[]))`);
  }
  if (f.legalCategory?.length) common.push(`t.legal_category = ANY(${p(f.legalCategory)}::text[])`);
  if (f.commune?.length) faceted.commune = `t.commune_code = ANY(${p(f.commune)}::text[])`;
  if (f.epci?.length) faceted.epci = `t.commune_code IN (SELECT code FROM commune WHERE epci_siren = ANY(${p(f.epci)}::text[]))`;
  if (f.sector?.length) {
    faceted.sector = `EXISTS (SELECT 1 FROM structure_sector ss JOIN sector s ON s.id = ss.sector_id
      WHERE ss.structure_id = t.id AND s.slug = ANY(${p(f.sector)}::text[]))`;
  }
  if (f.network?.length) {
    faceted.network = `EXISTS (SELECT 1 FROM network_membership m JOIN network n ON n.id = m.network_id
      WHERE m.structure_id = t.id AND n.slug = ANY(${p(f.network)}::text[]))`;
  }
  if (f.essFamily?.length) faceted.essFamily = `t.ess_family = ANY(${p(f.essFamily)}::text[])`;
  if (f.workforceRange?.length) faceted.workforceRange = `t.workforce_range = ANY(${p(f.workforceRange)}::text[])`;
  if (f.acceptsInterns != null) faceted.acceptsInterns = `t.accepts_interns = ${p(f.acceptsInterns)}`;
  if (f.seeksVolunteers != null) faceted.seeksVolunteers = `t.seeks_volunteers = ${p(f.seeksVolunteers)}`;
  // Words of the name (`search`), in every list that takes the filter: the directory search too.
  for (const word of searchWords(f.search)) {
    common.push(`t.search_name LIKE '%' || lower(essor_unaccent(${p(word)})) || '%'`);
  }
  return { common, faceted };
}

/** WHERE clause of the public structure list; pushes its parameters. */
function whereOf(f: StructureFilter, params: unknown[]): string[] {
  const { common, faceted } = filterConditions(f, params);
  return [...common, ...Object.values(faceted)];
}

/** Published structures, alphabetical (accent-insensitive), keyset-paginated on (search_name, id). */
export async function listStructures(
  ctx: Context,
  f: StructureFilter & { first?: number | null; after?: string | null },
): Promise<Connection<Structure>> {
  const size = pageSize(f.first);
  const after = decodeCursor(f.after, ['text', 'id']);
  await assertFilterCodes(ctx, f);
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const countParams = [...params];
  const countWhere = [...where];
  if (after) {
    where.push(`(t.search_name, t.id) > ($${params.push(after[0])}, $${params.push(after[1])}::bigint)`);
  }
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT ${columnsOf(ctx.ds, Structure, 't')}, t.search_name AS "__sort" FROM structure t
     WHERE ${where.join(' AND ')} ORDER BY t.search_name, t.id LIMIT $${params.push(size + 1)}`,
    params,
  );
  const sortKeys = new Map<Structure, unknown[]>();
  const nodes = rows.map((r) => {
    const s = hydrate(ctx.ds, Structure, r);
    sortKeys.set(s, [r.__sort, s.id]);
    return s;
  });
  return toConnection(
    nodes,
    size,
    after,
    (s) => sortKeys.get(s)!,
    async () => {
      const [{ n }] = await ctx.ds.query(
        `SELECT count(*)::int AS n FROM structure t WHERE ${countWhere.join(' AND ')}`,
        countParams,
      );
      return n;
    },
  );
}

export async function findStructure(ctx: Context, id: string): Promise<Structure | null> {
  const s = await ctx.loaders.structure.byId.load(id);
  return s && canSeeStructure(ctx, s) ? s : null;
}

export async function findStructureBySiret(ctx: Context, siret: string): Promise<Structure | null> {
  const normalised = assertSiret(siret);
  const [row] = await ctx.ds.query(`SELECT ${columnsOf(ctx.ds, Structure, 't')} FROM structure t WHERE t.siret = $1`, [
    normalised,
  ]);
  const s = row ? hydrate(ctx.ds, Structure, row) : null;
  return s && canSeeStructure(ctx, s) ? s : null;
}

export function assertSiret(value: string): string {
  const normalised = normaliseIdentifier(value);
  if (!isValidSiret(normalised)) {
    throw new UserInputError(
      ErrorCode.INVALID_SIRET,
      'Le SIRET doit comporter 14 chiffres et sa clé de contrôle (Luhn) doit être juste.',
      { field: 'siret', value: value.slice(0, 30) },
    );
  }
  return normalised;
}

export interface ProposeStructureData {
  name: string;
  siret?: string | null;
  communeCode: string;
  address?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  submitterName?: string | null;
  submitterEmail: string;
  message?: string | null;
}

/** Public proposals fill the moderation queue: both forms share one budget per IP (RATE_LIMITED beyond). */
function hitSubmissionLimit(ctx: Context): Promise<void> {
  return hitRateLimits(ctx, 'propositions envoyées depuis votre connexion', [[RATE_LIMITS.submissionsPerIp, ctx.http.ip]]);
}

/**
 * "Ajouter ma structure": validates everything, then stores a pending submission (nothing else is
 * written). Rate-limited per IP.
 */
export async function proposeStructure(ctx: Context, data: ProposeStructureData): Promise<StructureSubmission> {
  const siret = data.siret?.trim() ? assertSiret(data.siret) : null;
  await assertTerritoryCodes(ctx, { commune: [data.communeCode] });
  await hitSubmissionLimit(ctx);
  const { submitterName, submitterEmail, message, ...structure } = data;
  const repo = ctx.ds.getRepository(StructureSubmission);
  return repo.save(
    repo.create({
      kind: SubmissionKind.NEW,
      payload: { ...structure, name: structure.name.trim(), siret },
      submitterName: submitterName?.trim() || null,
      submitterEmail: submitterEmail.trim(),
      message: message?.trim() || null,
      status: SubmissionStatus.PENDING,
    }),
  );
}

export interface SuggestCorrectionData {
  structureId: string;
  name?: string | null;
  address?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  services?: string | null;
  message: string;
  submitterName?: string | null;
  submitterEmail: string;
}

/**
 * « Proposer une correction »: stores the proposed values of a visible structure as a pending
 * submission. Rate-limited per IP.
 */
export async function suggestCorrection(ctx: Context, data: SuggestCorrectionData): Promise<StructureSubmission> {
  const structure = await findStructure(ctx, rowIdOf(data.structureId, 'Structure'));
  if (!structure) {
    throw new UserInputError(ErrorCode.NOT_FOUND, "Cette structure n'existe pas ou n'est pas publiée.", { field: 'structureId' });
  }
  await hitSubmissionLimit(ctx);
  const { structureId: _id, message, submitterName, submitterEmail, ...fields } = data;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v != null && String(v).trim() !== ''));
  const repo = ctx.ds.getRepository(StructureSubmission);
  return repo.save(
    repo.create({
      kind: SubmissionKind.CORRECTION,
      structureId: structure.id,
      payload: changes,
      submitterName: submitterName?.trim() || null,
      submitterEmail: submitterEmail.trim(),
      message: message.trim(),
      status: SubmissionStatus.PENDING,
    }),
  );
}
