/**
 * `npm run bench:data -- --structures 1000000 [--seed N] [--database-url URL] [--reset]`
 *
 * Fills a database with a national-scale ESS graph, deterministic by seed: migrations, the
 * territory of France, 40 sectors, 300 networks, N structures spread over the communes by
 * population, their sectors, memberships and contacts, and some participatory spaces; then the
 * observatory's yearly snapshots and reference figures (bench/observatory.ts).
 * Loaded with COPY … FROM STDIN, secondary indexes and foreign keys dropped during the load
 * and rebuilt after it, then VACUUM ANALYZE.
 *
 * By default it (re)creates the database `essor_bench` of the embedded PostgreSQL dedicated to
 * the benchmarks (.data/bench-pg, port ESSOR_BENCH_PG_PORT or 54339). With --database-url it
 * loads that database, which must hold no structure unless --reset (TRUNCATE … CASCADE).
 */
import 'reflect-metadata';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createAppDataSource } from '../src/data-source';
import { Prng } from '../src/modules/demo/prng';
import {
  ARCHETYPES,
  CONTACT_TITLES,
  DEFAULT_LEGAL_CATEGORIES,
  DELIVERABLES,
  FIRST_NAMES,
  FOUNDING_YEARS,
  GENERIC_EVOCATIVE,
  GENERIC_HEADS,
  LAST_NAMES,
  PLACES,
  SECTORS,
  SESSION_NOTES,
  SPACES,
  STREETS,
  WORKFORCE_WEIGHTS,
  composeDescription,
  composeServices,
  composeValues,
  ofPlace,
  sectorVocabulary,
  slugify,
  type Archetype,
  type FamilyGroup,
  type SectorSlug,
} from '../src/modules/demo/vocabulary';
import { deriveEssFamily } from '../src/modules/structure/ess-family';
import { withLuhnKey } from '../src/modules/structure/siret';
import { loadTerritory } from '../src/modules/territory/territory-reference';
import { BENCH_DB, checkMigrationHashes, openBenchDatabase, withClient } from './db';
import { DEPARTEMENT_CENTRES } from './departements';
import { prepareObservatory } from './observatory';
import { ALL_SECTORS, EXTRA_SECTORS, buildNetworks, ofTerritory, type NetworkSpec } from './vocabulary';
import { WeightedIndex } from './weighted-index';

export const DEFAULT_SEED = 20261127;
const REF = Date.parse('2026-11-01T00:00:00.000Z');
const DAY = 86_400_000;

const GROUP_SHARES: ReadonlyArray<readonly [FamilyGroup, number]> = [
  ['ASSOCIATION', 0.8],
  ['COOPERATIVE', 0.09],
  ['MUTUELLE', 0.03],
  ['FONDATION', 0.03],
  ['ENTREPRISE', 0.05],
];

/** Tables the generator fills (their secondary indexes and foreign keys are rebuilt after the load). */
const LOADED_TABLES = [
  'sector',
  'network',
  'structure',
  'structure_sector',
  'network_membership',
  'person',
  'sector_facilitator',
  'participatory_space',
  'space_session',
  'space_participant',
  'space_deliverable',
];

export interface GenerateOptions {
  structures: number;
  seed: number;
  databaseUrl?: string;
  reset?: boolean;
  /** Only apply the migrations (and load the territory if missing). */
  migrateOnly?: boolean;
  log?: (m: string) => void;
}

// ------------------------------------------------------------------ helpers

/** An independent stream per part (FNV-1a of the label mixed into the seed). */
function stream(seed: number, label: string): Prng {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return new Prng((seed ^ h) >>> 0);
}

/** A value in COPY's text format. */
function c(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}
const row = (values: Array<string | number | boolean | null | undefined>) => values.map(c).join('\t') + '\n';
const iso = (ms: number) => new Date(ms).toISOString();
const dateOnly = (ms: number) => iso(ms).slice(0, 10);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A point within `radiusKm` of a centre, uniform over the disc. */
function jitter(rng: Prng, lat: number, lon: number, radiusKm: number): [number, number] {
  const r = radiusKm * Math.sqrt(rng.next());
  const a = rng.next() * 2 * Math.PI;
  const dLat = (r * Math.cos(a)) / 111.32;
  const dLon = (r * Math.sin(a)) / (111.32 * Math.max(0.05, Math.cos((lat * Math.PI) / 180)));
  const la = Math.max(-89.9, Math.min(89.9, lat + dLat));
  let lo = lon + dLon;
  if (lo > 180) lo -= 360;
  if (lo < -180) lo += 360;
  return [round6(la), round6(lo)];
}

/** A COPY stream with backpressure. */
class CopyWriter {
  private readonly stream: NodeJS.WritableStream & { on: NodeJS.EventEmitter['on'] };
  private buffer: string[] = [];
  private bytes = 0;
  rows = 0;
  constructor(
    private readonly client: Client,
    sql: string,
  ) {
    this.stream = client.query(copyFrom(sql)) as never;
  }
  async add(line: string): Promise<void> {
    this.buffer.push(line);
    this.rows++;
    this.bytes += line.length;
    if (this.bytes >= 256 * 1024) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bytes = 0;
    if (!this.stream.write(chunk)) await once(this.stream as never, 'drain');
  }
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream as never);
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'essor-bench-data' });
  await client.connect();
  // The load is replayable from the seed: no need to wait for the WAL flush of each COPY.
  await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");
  return client;
}

// ------------------------------------------------------------------ territory

interface CommuneInfo {
  code: string;
  name: string;
  dep: string;
  region: string;
  population: number;
  postalCode: string | null;
  lat: number;
  lon: number;
  /** Radius (km) of the structures around the commune's point. */
  spreadKm: number;
}

async function loadCommunes(client: Client, log: (m: string) => void): Promise<CommuneInfo[]> {
  const { rows } = await client.query(
    `SELECT c.code, c.name, c.departement_code AS dep, d.region_code AS region, coalesce(c.population, 0) AS population,
            c.postal_codes[1] AS postal_code, c.latitude, c.longitude
     FROM commune c JOIN departement d ON d.code = c.departement_code ORDER BY c.code`,
  );
  // Communes without a centroid (all but Sambre-Avesnois): a point drawn from the code alone
  // (same geography whatever the seed) within the département's radius around its centre.
  const missing: Array<{ code: string; lat: number; lon: number }> = [];
  const communes: CommuneInfo[] = [];
  for (const r of rows) {
    let lat = r.latitude as number | null;
    let lon = r.longitude as number | null;
    if (lat == null || lon == null) {
      const centre = DEPARTEMENT_CENTRES[r.dep] ?? [46.6, 2.4, 300];
      [lat, lon] = jitter(stream(0, `commune:${r.code}`), centre[0], centre[1], centre[2]);
      missing.push({ code: r.code, lat, lon });
    }
    const population = Number(r.population);
    communes.push({
      code: r.code,
      name: r.name,
      dep: r.dep,
      region: r.region,
      population,
      postalCode: r.postal_code && /^[0-9]{5}$/.test(r.postal_code) ? r.postal_code : null,
      lat,
      lon,
      spreadKm: Math.min(6, 0.5 + Math.sqrt(population) / 250),
    });
  }
  if (missing.length) {
    await client.query(
      `UPDATE commune c SET latitude = u.lat, longitude = u.lon
       FROM unnest($1::text[], $2::float8[], $3::float8[]) AS u(code, lat, lon) WHERE c.code = u.code`,
      [missing.map((m) => m.code), missing.map((m) => m.lat), missing.map((m) => m.lon)],
    );
    log(`gave a derived point to ${missing.length} communes without a centroid`);
  }
  return communes;
}

// ------------------------------------------------------------------ structures

const ARCHETYPES_BY_GROUP = new Map<FamilyGroup, readonly Archetype[]>(
  GROUP_SHARES.map(([g]) => [g, ARCHETYPES.filter((a) => a.group === g)]),
);
const SECTOR_ID = new Map<string, number>(ALL_SECTORS.map((s, i) => [s.slug, i + 1]));
const EXTRAS_NEAR = new Map<SectorSlug, number[]>(
  SECTORS.map((s) => [s.slug, EXTRA_SECTORS.filter((e) => e.near.includes(s.slug)).map((e) => SECTOR_ID.get(e.slug)!)]),
);

/** The demo's evocative names, less those that name places of Sambre-Avesnois. */
const LOCAL_WORDS = /Sambre|Avesnois|Mormal|Helpe|Thiérache|Fagne|Hainaut|Bocage/;
const EVOCATIVE = new Map<SectorSlug, readonly string[]>(
  SECTORS.map((s) => [s.slug, s.evocative.filter((e) => !LOCAL_WORDS.test(e))]),
);
const GENERIC = GENERIC_EVOCATIVE.filter((e) => !LOCAL_WORDS.test(e));

function structureName(rng: Prng, archetype: Archetype, commune: CommuneInfo, depOf: string): string {
  const sector = sectorVocabulary(archetype.sector);
  const evocatives = EVOCATIVE.get(archetype.sector)!;
  let noun = rng.pick(archetype.nouns);
  if (archetype.group === 'ASSOCIATION' && archetype.sector !== 'sport' && rng.chance(0.15)) noun = 'Association';
  const weights = noun === '' || noun === 'Association' ? ([0, 0, 1] as const) : (archetype.naming ?? ([3, 2, 3] as const));
  const kind = rng.weighted(['commune', 'territory', 'evocative'] as const, weights);
  if (kind === 'commune') return `${noun} ${ofPlace(commune.name)}`;
  if (kind === 'territory') return `${noun} ${depOf}`;
  let evocative = evocatives.length && rng.chance(0.75) ? rng.pick(evocatives) : rng.pick(GENERIC);
  if (rng.chance(0.12)) evocative = `${rng.pick([...sector.heads, ...GENERIC_HEADS])} ${ofPlace(commune.name)}`;
  else if (rng.chance(0.1)) evocative = `${evocative} ${ofPlace(commune.name)}`;
  return noun ? `${noun} ${evocative}` : evocative;
}

interface Counts {
  structures: number;
  published: number;
  structureSectors: number;
  memberships: number;
  persons: number;
  spaces: number;
  sessions: number;
  participants: number;
  deliverables: number;
}

// ------------------------------------------------------------------ main

export async function generate(opts: GenerateOptions): Promise<Counts | null> {
  const log = opts.log ?? ((m: string) => console.log(`[bench:data] ${m}`));
  const t0 = Date.now();
  const db = await openBenchDatabase({ databaseUrl: opts.databaseUrl, log });
  try {
    if (db.dedicated) {
      await withClient(db.serverUrl, async (cl) => {
        const exists = (await cl.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB])).rowCount === 1;
        if (exists && !opts.migrateOnly) await cl.query(`DROP DATABASE ${BENCH_DB} WITH (FORCE)`);
        if (!exists || !opts.migrateOnly) await cl.query(`CREATE DATABASE ${BENCH_DB}`);
      });
    }
    // Migrations and territory through the API's own code.
    process.env.ESSOR_QUIET_MIGRATIONS ??= '1';
    process.env.ESSOR_SLOW_QUERY_MS ??= '600000';
    const ds = createAppDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      if (applied.length) log(`applied ${applied.length} migration(s)`);
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM commune');
      if (n === 0) {
        const t = await loadTerritory(ds);
        log(`loaded the territory of France: ${t.communes} communes, ${t.epcis} EPCIs`);
      }
    } finally {
      await ds.destroy();
    }
    await checkMigrationHashes(db.url);
    if (opts.migrateOnly) return null;

    const counts = await load(db.url, opts, log);
    await withClient(db.url, async (cl) => {
      await cl.query(`CREATE SCHEMA IF NOT EXISTS essor_bench;
        CREATE TABLE IF NOT EXISTS essor_bench.dataset (generated_at timestamptz NOT NULL, seed bigint NOT NULL,
          structures integer NOT NULL, seconds real NOT NULL, counts jsonb NOT NULL)`);
      await cl.query('DELETE FROM essor_bench.dataset');
      await cl.query('INSERT INTO essor_bench.dataset VALUES (now(), $1, $2, $3, $4)', [
        opts.seed,
        opts.structures,
        (Date.now() - t0) / 1000,
        JSON.stringify(counts),
      ]);
    });
    // The observatory's yearly snapshots and reference figures, through the API's own code (after the
    // dataset row: a snapshot older than the data set is rebuilt by `npm run bench`).
    await prepareObservatory(db.url, log);
    log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);
    return counts;
  } finally {
    await db.stop();
  }
}

async function load(url: string, opts: GenerateOptions, log: (m: string) => void): Promise<Counts> {
  const N = opts.structures;
  const seed = opts.seed;
  const main = await connect(url);
  try {
    const { rows: existing } = await main.query('SELECT count(*)::int AS n FROM structure');
    if (existing[0].n > 0) {
      if (!opts.reset) {
        throw new Error(
          `The database already holds ${existing[0].n} structures: pass --reset to empty it (TRUNCATE … CASCADE) or use another database.`,
        );
      }
      await main.query(`TRUNCATE ${LOADED_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
      log('emptied the bench tables (--reset)');
    }

    const communes = await loadCommunes(main, log);
    const deps = (await main.query('SELECT code, name FROM departement ORDER BY code')).rows as Array<{
      code: string;
      name: string;
    }>;
    const regions = (await main.query('SELECT code, name FROM region ORDER BY code')).rows as Array<{
      code: string;
      name: string;
    }>;
    /* eslint-disable @typescript-eslint/no-require-imports */
    const etalabDeps: Array<{
      code: string;
      typeLiaison?: number;
      zone: string;
    }> = require('@etalab/decoupage-administratif/data/departements.json');
    const etalabRegions: Array<{
      code: string;
      typeLiaison?: number;
      zone: string;
    }> = require('@etalab/decoupage-administratif/data/regions.json');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const depInfo = new Map(etalabDeps.map((d) => [d.code, d]));
    const regionInfo = new Map(etalabRegions.map((r) => [r.code, r]));
    const depOf = new Map(deps.map((d) => [d.code, ofTerritory(d.name, depInfo.get(d.code)?.typeLiaison)]));
    const depName = new Map(deps.map((d) => [d.code, d.name]));

    // ---- drop secondary indexes and foreign keys of the loaded tables; rebuilt after the load
    const { rows: indexes } = await main.query(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, c.relname AS tbl
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
       WHERE ns.nspname = 'public' AND c.relname = ANY($1) AND NOT i.indisprimary
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [LOADED_TABLES],
    );
    const { rows: fks } = await main.query(
      `SELECT k.conrelid::regclass::text AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
       WHERE k.contype = 'f' AND ns.nspname = 'public' AND c.relname = ANY($1)`,
      [LOADED_TABLES],
    );
    for (const f of fks) await main.query(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${quoteIdent(f.name)}`);
    for (const i of indexes) await main.query(`DROP INDEX ${i.name}`);
    log(`dropped ${indexes.length} secondary indexes and ${fks.length} foreign keys for the load`);

    // ---- sectors and networks
    const created = iso(REF - 3 * 365 * DAY);
    const sectorCopy = new CopyWriter(main, 'COPY sector (id, slug, name, description, created_at, updated_at) FROM STDIN');
    for (const [i, s] of ALL_SECTORS.entries())
      await sectorCopy.add(row([i + 1, s.slug, s.name, s.description, created, created]));
    await sectorCopy.end();

    const metroDrom = (code: string, info: Map<string, { zone: string }>) => info.get(code)?.zone !== 'com';
    const networks = buildNetworks(
      regions
        .filter((r) => metroDrom(r.code, regionInfo))
        .map((r) => ({ ...r, typeLiaison: regionInfo.get(r.code)?.typeLiaison })),
      deps.filter((d) => metroDrom(d.code, depInfo)).map((d) => ({ ...d, typeLiaison: depInfo.get(d.code)?.typeLiaison })),
    );
    const networkCopy = new CopyWriter(
      main,
      'COPY network (id, slug, name, acronym, kind, scope, description, website, created_at, updated_at) FROM STDIN',
    );
    for (const n of networks) {
      await networkCopy.add(
        row([n.id, n.slug, n.name, n.acronym, n.kind, n.scope, n.description, `https://${n.slug}.exemple.org`, created, created]),
      );
    }
    await networkCopy.end();

    // Membership picks: national networks by a Zipf law (a few very large ones), regional and
    // departmental ones uniformly among those of the structure's region / département.
    const national = networks.filter((n) => n.scope === 'NATIONAL');
    const nationalIndex = new WeightedIndex(national.map((_, k) => 1 / Math.pow(k + 1, 1.1)));
    const byArea = new Map<string, NetworkSpec[]>();
    for (const n of networks) {
      if (!n.area) continue;
      const key = `${n.scope}:${n.area}`;
      if (!byArea.has(key)) byArea.set(key, []);
      byArea.get(key)!.push(n);
    }

    // ---- structures, their sectors, memberships and contacts: four COPY streams at once
    const extra = await Promise.all([connect(url), connect(url), connect(url)]);
    const structureCopy = new CopyWriter(
      main,
      `COPY structure (id, name, siren, siret, legal_category, ess_family, naf_code, workforce_range, volunteer_count,
        address, postal_code, commune_code, latitude, longitude, website, email, phone, description, services,
        values_statement, accepts_interns, seeks_volunteers, esus, status, is_demo, created_at, updated_at, last_verified_at)
       FROM STDIN`,
    );
    const linkCopy = new CopyWriter(extra[0], 'COPY structure_sector (structure_id, sector_id) FROM STDIN');
    const memberCopy = new CopyWriter(extra[1], 'COPY network_membership (network_id, structure_id, since) FROM STDIN');
    const personCopy = new CopyWriter(
      extra[2],
      `COPY person (id, first_name, last_name, email, phone, job_title, bio, structure_id, is_public, is_demo, created_at, updated_at)
       FROM STDIN`,
    );

    const communeIndex = new WeightedIndex(communes.map((cm) => Math.max(cm.population, 20)));
    const rng = stream(seed, 'structures');
    const publishedByDep = new Map<string, number[]>();
    let published = 0;
    let personId = 0;
    const tLoad = Date.now();
    for (let id = 1; id <= N; id++) {
      const group = rng.weightedPairs(GROUP_SHARES);
      const candidates = ARCHETYPES_BY_GROUP.get(group)!;
      const archetype = rng.weighted(
        candidates,
        candidates.map((a) => a.weight),
      );
      const legalCategory = rng.weightedPairs(archetype.legal ?? DEFAULT_LEGAL_CATEGORIES[group]);
      const esus =
        group === 'ENTREPRISE' ||
        legalCategory === '5710' ||
        (archetype.sector === 'iae' ? rng.chance(0.6) : rng.chance(group === 'COOPERATIVE' ? 0.15 : 0.02));
      const essFamily = deriveEssFamily({ legalCategory, essFlag: esus }).family;
      const commune = communes[communeIndex.pick(rng)];
      const name = structureName(rng, archetype, commune, depOf.get(commune.dep) ?? ofPlace(commune.name));

      // Sectors: the archetype's, then related / neighbouring ones, sometimes one of the 26 extra sectors.
      const sectorCount = rng.weighted([1, 2, 3], [50, 35, 15]);
      const sectors: number[] = [SECTOR_ID.get(archetype.sector)!];
      const vocabSecondary: SectorSlug[] = [];
      for (const s of [...(archetype.related ?? []), ...sectorVocabulary(archetype.sector).neighbours]) {
        if (sectors.length >= sectorCount) break;
        const sid = SECTOR_ID.get(s)!;
        if (!sectors.includes(sid) && rng.chance(0.6)) {
          sectors.push(sid);
          vocabSecondary.push(s);
        }
      }
      const extras = EXTRAS_NEAR.get(archetype.sector) ?? [];
      if (rng.chance(0.45)) {
        const e = extras.length && rng.chance(0.8) ? rng.pick(extras) : rng.int(SECTORS.length + 1, ALL_SECTORS.length);
        if (!sectors.includes(e)) sectors.push(e);
      }

      const sirenBase = String((id - 1) % 1_000_000).padStart(6, '0');
      const siren = withLuhnKey(`99${sirenBase}`);
      const siret = withLuhnKey(siren + String(Math.floor((id - 1) / 1_000_000) + 1).padStart(4, '0'));
      const workforce = rng.weightedPairs(WORKFORCE_WEIGHTS[archetype.size]);
      const volunteerCount =
        group === 'ASSOCIATION' || (group === 'FONDATION' && rng.chance(0.5))
          ? Math.round(Math.exp(rng.float(Math.log(3), Math.log(150))))
          : null;
      const [fromYear, toYear] = FOUNDING_YEARS[group];
      const foundedYear = rng.int(fromYear, toYear);
      const [lat, lon] = jitter(rng, commune.lat, commune.lon, commune.spreadKm);
      const slug = `${slugify(name, 40)}-${id}`;
      const createdAt = REF - rng.float(1, 6 * 365) * DAY;
      const updatedAt = rng.chance(0.4) ? createdAt : createdAt + rng.next() * (REF - createdAt);
      const u = rng.next();
      const status = u < 0.96 ? 'PUBLISHED' : u < 0.99 ? 'DRAFT' : 'ARCHIVED';
      const description = composeDescription(rng, {
        group,
        archetype,
        communeName: commune.name,
        territory: ofPlace(commune.name),
        foundedYear,
        secondarySectors: vocabSecondary,
        volunteerCount,
        esus,
      });
      await structureCopy.add(
        row([
          id,
          name,
          siren,
          siret,
          legalCategory,
          essFamily,
          rng.pick(archetype.naf),
          workforce,
          volunteerCount,
          `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
          commune.postalCode,
          commune.code,
          lat,
          lon,
          rng.chance(group === 'ASSOCIATION' ? 0.55 : 0.9) ? `https://www.${slug}.exemple.org` : null,
          rng.chance(0.85) ? `contact@${slug}.exemple.org` : null,
          rng.chance(0.8) ? phone(rng) : null,
          description,
          composeServices(rng, archetype),
          rng.chance(0.5) ? composeValues(rng) : null,
          rng.chance(0.2),
          group === 'ASSOCIATION' ? rng.chance(0.35) : rng.chance(0.05),
          esus,
          status,
          true,
          iso(createdAt),
          iso(updatedAt),
          status !== 'DRAFT' && rng.chance(0.6) ? iso(updatedAt + rng.next() * (REF - updatedAt)) : null,
        ]),
      );
      for (const s of sectors) await linkCopy.add(`${id}\t${s}\n`);

      // 0–3 networks.
      const networkCount = rng.weighted([0, 1, 2, 3], [45, 35, 15, 5]);
      const chosen = new Set<number>();
      for (let k = 0; k < networkCount; k++) {
        const u2 = rng.next();
        const pool =
          u2 < 0.5 ? null : u2 < 0.75 ? byArea.get(`REGION:${commune.region}`) : byArea.get(`DEPARTEMENT:${commune.dep}`);
        const n = pool?.length ? rng.pick(pool) : national[nationalIndex.pick(rng)];
        if (chosen.has(n.id)) continue;
        chosen.add(n.id);
        await memberCopy.add(`${n.id}\t${id}\t${dateOnly(REF - rng.float(30, 20 * 365) * DAY)}\n`);
      }

      // Contacts: 0–2 persons.
      const contacts = rng.weighted([0, 1, 2], [65, 25, 10]);
      for (let k = 0; k < contacts; k++) {
        const gender = rng.chance(0.55) ? 'F' : 'M';
        const first = rng.pick(FIRST_NAMES[gender]);
        const last = rng.pick(LAST_NAMES);
        const title = rng.pick(CONTACT_TITLES[group]);
        await personCopy.add(
          row([
            ++personId,
            first,
            last,
            `${slugify(first, 20)}.${slugify(last, 20)}@${slug}.exemple.org`,
            rng.chance(0.5) ? phone(rng) : null,
            gender === 'F' ? title[1] : title[0],
            null,
            id,
            rng.chance(0.3),
            true,
            iso(createdAt),
            iso(createdAt),
          ]),
        );
      }

      if (status === 'PUBLISHED') {
        published++;
        let list = publishedByDep.get(commune.dep);
        if (!list) publishedByDep.set(commune.dep, (list = []));
        list.push(id);
      }
      if (id % 100_000 === 0) {
        const s = (Date.now() - tLoad) / 1000;
        log(`${id.toLocaleString('en')} structures (${Math.round(id / s).toLocaleString('en')}/s)`);
      }
    }
    await Promise.all([structureCopy.end(), linkCopy.end(), memberCopy.end(), personCopy.end()]);
    log(
      `loaded ${N.toLocaleString('en')} structures, ${linkCopy.rows.toLocaleString('en')} sector links, ` +
        `${memberCopy.rows.toLocaleString('en')} memberships, ${personCopy.rows.toLocaleString('en')} contacts ` +
        `in ${((Date.now() - tLoad) / 1000).toFixed(0)} s`,
    );

    // ---- sector facilitators (2 per sector), participatory spaces, sessions, participants, deliverables
    const srng = stream(seed, 'spaces');
    const facilitatorCopy = new CopyWriter(extra[2], 'COPY sector_facilitator (sector_id, person_id) FROM STDIN');
    const facilitatorPersons = new CopyWriter(
      extra[1],
      `COPY person (id, first_name, last_name, email, phone, job_title, bio, structure_id, is_public, is_demo, created_at, updated_at)
       FROM STDIN`,
    );
    for (let s = 1; s <= ALL_SECTORS.length; s++) {
      for (let k = 0; k < 2; k++) {
        const gender = srng.chance(0.55) ? 'F' : 'M';
        const first = srng.pick(FIRST_NAMES[gender]);
        const last = srng.pick(LAST_NAMES);
        const pid = ++personId;
        await facilitatorPersons.add(
          row([
            pid,
            first,
            last,
            `${slugify(first, 20)}.${slugify(last, 20)}@reseau-ess.exemple.org`,
            phone(srng),
            gender === 'F' ? 'Animatrice de secteur' : 'Animateur de secteur',
            `Anime le secteur « ${ALL_SECTORS[s - 1].name} » du réseau.`,
            null,
            true,
            true,
            created,
            created,
          ]),
        );
        await facilitatorCopy.add(`${s}\t${pid}\n`);
      }
    }
    await facilitatorPersons.end();
    await facilitatorCopy.end();

    const spaceCount = Math.max(20, Math.round(N / 500));
    const spaceCopy = new CopyWriter(
      main,
      'COPY participatory_space (id, kind, sector_id, title, goal, description, status, is_demo, created_at, updated_at) FROM STDIN',
    );
    const sessionCopy = new CopyWriter(
      extra[0],
      'COPY space_session (id, space_id, starts_at, ends_at, place, commune_code, notes) FROM STDIN',
    );
    const participantCopy = new CopyWriter(
      extra[1],
      'COPY space_participant (id, space_id, structure_id, person_id, role, joined_at) FROM STDIN',
    );
    const deliverableCopy = new CopyWriter(
      extra[2],
      'COPY space_deliverable (id, space_id, title, kind, description, url, delivered_at) FROM STDIN',
    );
    const communesByDep = new Map<string, CommuneInfo[]>();
    for (const cm of communes) {
      if (!communesByDep.has(cm.dep)) communesByDep.set(cm.dep, []);
      communesByDep.get(cm.dep)!.push(cm);
    }
    const depsWithStructures = [...publishedByDep.keys()].sort();
    const depWeights = new WeightedIndex(depsWithStructures.map((d) => publishedByDep.get(d)!.length));
    let sessionId = 0;
    let participantId = 0;
    let deliverableId = 0;
    for (let sp = 1; sp <= spaceCount && depsWithStructures.length; sp++) {
      const tpl = SPACES[(sp - 1) % SPACES.length];
      const dep = depsWithStructures[depWeights.pick(srng)];
      const startedAt = REF - srng.float(0, 400) * DAY;
      const status =
        startedAt > REF - 30 * DAY
          ? 'PLANNED'
          : srng.weightedPairs([
              ['ACTIVE', 5],
              ['COMPLETED', 4],
              ['CANCELLED', 1],
            ] as const);
      await spaceCopy.add(
        row([
          sp,
          tpl.kind,
          SECTOR_ID.get(tpl.sector)!,
          `${tpl.title} (${depName.get(dep)})`,
          tpl.goal,
          tpl.description,
          status,
          true,
          iso(startedAt - 30 * DAY),
          iso(startedAt - 30 * DAY),
        ]),
      );
      const depCommunes = communesByDep.get(dep) ?? communes;
      const sessions = srng.int(2, 8);
      for (let k = 0; k < sessions; k++) {
        const day = Math.floor((startedAt + k * srng.int(7, 35) * DAY) / DAY) * DAY;
        const start = day + (srng.chance(0.5) ? 9.5 : 14) * 3_600_000;
        const cm = depCommunes[srng.int(0, depCommunes.length - 1)];
        await sessionCopy.add(
          row([
            ++sessionId,
            sp,
            iso(start),
            iso(start + srng.int(2, 3) * 3_600_000),
            srng.pick(PLACES).replace('{de}', ofPlace(cm.name)),
            cm.code,
            srng.chance(0.4) ? srng.pick(SESSION_NOTES) : null,
          ]),
        );
      }
      const pool = publishedByDep.get(dep)!;
      const wanted = Math.min(pool.length, srng.int(5, 30));
      const picked = new Set<number>();
      while (picked.size < wanted) picked.add(pool[srng.int(0, pool.length - 1)]);
      let k = 0;
      for (const sid of picked) {
        const role = k++ === 0 ? 'FACILITATOR' : srng.chance(0.2) ? 'CONTRIBUTOR' : 'PARTICIPANT';
        await participantCopy.add(row([++participantId, sp, sid, null, role, dateOnly(startedAt + srng.int(0, 60) * DAY)]));
      }
      if (status === 'COMPLETED') {
        for (let d = srng.int(0, 2); d > 0; d--) {
          const t = srng.pick(DELIVERABLES);
          await deliverableCopy.add(
            row([
              ++deliverableId,
              sp,
              t.title(tpl.title.toLowerCase()),
              t.kind,
              t.description,
              null,
              dateOnly(startedAt + 90 * DAY),
            ]),
          );
        }
      }
    }
    await Promise.all([spaceCopy.end(), sessionCopy.end(), participantCopy.end(), deliverableCopy.end()]);
    await Promise.all(extra.map((cl) => cl.end()));

    // ---- rebuild: sequences, indexes (two at a time), foreign keys, statistics
    for (const t of [
      'sector',
      'network',
      'structure',
      'person',
      'participatory_space',
      'space_session',
      'space_participant',
      'space_deliverable',
    ]) {
      await main.query(
        `SELECT setval(pg_get_serial_sequence('${t}', 'id'), greatest(1, (SELECT coalesce(max(id), 0) FROM ${t})))`,
      );
    }
    const tIdx = Date.now();
    const builders = await Promise.all([connect(url), connect(url)]);
    const queue = [...indexes].sort((a, b) => indexCost(b.def) - indexCost(a.def));
    await Promise.all(
      builders.map(async (cl) => {
        for (let i = queue.shift(); i; i = queue.shift()) {
          const t = Date.now();
          await cl.query(i.def);
          if (Date.now() - t > 5000) log(`  index ${i.name}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
        }
      }),
    );
    await Promise.all(builders.map((cl) => cl.end()));
    log(`rebuilt ${indexes.length} indexes in ${((Date.now() - tIdx) / 1000).toFixed(0)} s`);
    const tFk = Date.now();
    for (const f of fks) await main.query(`ALTER TABLE ${f.tbl} ADD CONSTRAINT ${quoteIdent(f.name)} ${f.def}`);
    log(`re-added ${fks.length} foreign keys in ${((Date.now() - tFk) / 1000).toFixed(0)} s`);
    const tVac = Date.now();
    await main.query(`VACUUM (ANALYZE) ${[...LOADED_TABLES, 'commune'].join(', ')}`);
    await main.query('CHECKPOINT');
    log(`VACUUM ANALYZE in ${((Date.now() - tVac) / 1000).toFixed(0)} s`);

    return {
      structures: N,
      published,
      structureSectors: linkCopy.rows,
      memberships: memberCopy.rows,
      persons: personId,
      spaces: spaceCount,
      sessions: sessionId,
      participants: participantId,
      deliverables: deliverableId,
    };
  } finally {
    await main.end().catch(() => {});
  }
}

/** Slowest first, so the two builders finish together. */
function indexCost(def: string): number {
  if (/USING gin/i.test(def)) return 3;
  if (/USING gist/i.test(def)) return 2;
  return 1;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function phone(rng: Prng): string {
  const pair = () => String(rng.int(0, 99)).padStart(2, '0');
  return `0${rng.int(1, 5)} ${pair()} ${pair()} ${pair()} ${pair()}`;
}

// ------------------------------------------------------------------ CLI

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      structures: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'database-url': { type: 'string' },
      reset: { type: 'boolean', default: false },
      'migrate-only': { type: 'boolean', default: false },
    },
  });
  const structures = Number(values.structures);
  const seed = Number(values.seed);
  if (!Number.isInteger(structures) || structures < 1 || structures > 9_000_000) {
    console.error('--structures must be an integer between 1 and 9000000');
    process.exit(2);
  }
  if (!Number.isInteger(seed)) {
    console.error('--seed must be an integer');
    process.exit(2);
  }
  generate({
    structures,
    seed,
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
    reset: values.reset,
    migrateOnly: values['migrate-only'],
  }).then(
    () => process.exit(0),
    (e) => {
      console.error(`[bench:data] ${e instanceof Error ? e.message : String(e)}`);
      if (process.env.ESSOR_BENCH_DEBUG) console.error(e);
      process.exit(1);
    },
  );
}
