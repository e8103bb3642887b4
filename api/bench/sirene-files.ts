/**
 * Synthetic SIRENE stock files for the import benchmark (`npm run bench:sirene`): StockUniteLegale
 * and StockEtablissement with the columns and headers of the official-format fixture
 * (api/test/fixtures/sirene, INSEE's variable names), comma-separated, quoted where needed, sorted
 * by SIREN like INSEE's files. Deterministic by seed (and by the version of
 * @etalab/decoupage-administratif, which gives the communes), written as a stream in bounded memory.
 *
 * What the files hold, per establishment line:
 * - a commune of the territory (weighted by population), or with probability `outsideShare` one
 *   outside it (the import skips those);
 * - a legal unit of the ESS perimeter (associations, foundations, mutuals, cooperatives, SAS with
 *   SIRENE's ESS flag) or outside it (commercial companies, individual entrepreneurs: no
 *   `denominationUniteLegale`, which the import rejects as « sans dénomination »);
 * - 2 % of the units are non-diffusible (`statutDiffusionUniteLegale = P`, then their establishments
 *   too), 0.5 % more establishments are non-diffusible alone, 5 % are closed (`F`), 1 % of the units
 *   have ceased (`C`);
 * - 1 line in 20,000 has a wrong SIRET key and 1 in 50,000 an unknown workforce range (rejected lines);
 * - Lambert-93 coordinates for 85 % of the establishments.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Prng } from '../src/modules/demo/prng';
import { ZONES } from '../src/modules/observatory/reference-figures';
import { withLuhnKey } from '../src/modules/structure/siret';
import { API_DIR } from './db';
import { DEPARTEMENT_CENTRES } from './departements';
import { WeightedIndex } from './weighted-index';

/** Bump when the content of the files changes for the same options (the manifest then mismatches). */
export const SIRENE_FILES_VERSION = 1;

export interface SireneFilesOptions {
  establishments: number;
  seed: number;
  /** Territory codes as the import takes them: départements, EPCI SIRENs, commune codes, named zones. */
  territory: string[];
  /** Share of the establishment lines in communes outside the territory. */
  outsideShare: number;
  dir: string;
  log?: (m: string) => void;
}

export interface SireneFilesManifest {
  version: number;
  establishments: number;
  seed: number;
  territory: string[];
  outsideShare: number;
  decoupageAdministratif: string;
  etablissementsFile: string;
  unitesFile: string;
  bytes: { etablissements: number; unites: number };
  sha256: { etablissements: string; unites: string };
  counts: {
    units: number;
    insideLines: number;
    outsideLines: number;
    territoryCommunes: number;
    /** Lines in the territory whose unit is in the ESS perimeter by the current rules (category, ESS flag), valid or not. */
    perimeterLines: number;
    nonDiffusibleLines: number;
    closedLines: number;
    individualEntrepreneurUnits: number;
    badSiretLines: number;
    badRangeLines: number;
  };
  seconds: number;
  generatedAt: string;
}

export const ETABLISSEMENTS_FILE = 'StockEtablissement_bench.csv';
export const UNITES_FILE = 'StockUniteLegale_bench.csv';
const FIXTURE_DIR = path.join(API_DIR, 'test', 'fixtures', 'sirene');

/** The header line of an official-format fixture file (INSEE's variable names). */
function headerOf(file: string): string[] {
  const text = fs.readFileSync(path.join(FIXTURE_DIR, file), 'utf8');
  return text
    .slice(0, text.indexOf('\n'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(',');
}

// ------------------------------------------------------------------ reference data

interface Commune {
  code: string;
  name: string;
  dep: string;
  postalCode: string;
  population: number;
  /** Lambert-93 centre (metres) and spread (metres). */
  x: number;
  y: number;
  spread: number;
}

/** WGS84 → Lambert-93 (IGN's conformal conic projection on GRS80), the inverse of src/modules/observatory/lambert93.ts. */
export function wgs84ToLambert93(latitude: number, longitude: number): { x: number; y: number } {
  const n = 0.725607765053267;
  const c = 11754255.426096;
  const xs = 700000;
  const ys = 12655612.049876;
  const e = 0.0818191910428158;
  const lat = (latitude * Math.PI) / 180;
  const s = e * Math.sin(lat);
  const latIso = Math.log(Math.tan(Math.PI / 4 + lat / 2) * Math.pow((1 - s) / (1 + s), e / 2));
  const r = c * Math.exp(-n * latIso);
  const gamma = n * ((longitude * Math.PI) / 180 - (3 * Math.PI) / 180);
  return { x: xs + r * Math.sin(gamma), y: ys - r * Math.cos(gamma) };
}

function labelStream(seed: number, label: string): Prng {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return new Prng((seed ^ h) >>> 0);
}

/** Communes of France (COG, current communes), split by the territory filter the import applies. */
function communesOf(territory: string[]): { inside: Commune[]; outside: Commune[] } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const all: Array<{
    code: string;
    nom: string;
    departement: string;
    type: string;
    codesPostaux?: string[];
    population?: number;
  }> = require('@etalab/decoupage-administratif/data/communes.json');
  const epcis: Array<{
    code: string;
    membres: Array<{ code: string }>;
  }> = require('@etalab/decoupage-administratif/data/epci.json');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const codes = new Set(territory.flatMap((t) => ZONES[t]?.epcis ?? [t]));
  const epciOf = new Map<string, string>();
  for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);
  const inside: Commune[] = [];
  const outside: Commune[] = [];
  for (const c of all) {
    if (c.type !== 'commune-actuelle') continue;
    const centre = DEPARTEMENT_CENTRES[c.departement];
    if (!centre) continue;
    // A point of the commune drawn from its code alone, within its département (like bench/generate.ts).
    const rng = labelStream(0, `commune:${c.code}`);
    const r = centre[2] * Math.sqrt(rng.next());
    const a = rng.next() * 2 * Math.PI;
    const lat = centre[0] + (r * Math.cos(a)) / 111.32;
    const lon = centre[1] + (r * Math.sin(a)) / (111.32 * Math.cos((lat * Math.PI) / 180));
    const { x, y } = wgs84ToLambert93(lat, lon);
    const population = c.population ?? 0;
    const commune: Commune = {
      code: c.code,
      name: c.nom.toUpperCase(),
      dep: c.departement,
      postalCode: c.codesPostaux?.[0] ?? '',
      population,
      x,
      y,
      spread: Math.min(6000, 500 + Math.sqrt(population) * 4),
    };
    const epci = epciOf.get(c.code);
    if (codes.has(c.code) || codes.has(c.departement) || (epci && codes.has(epci))) inside.push(commune);
    else outside.push(commune);
  }
  if (!inside.length) throw new Error(`no commune matches the territory ${territory.join(', ')}`);
  return { inside, outside };
}

// ------------------------------------------------------------------ vocabulary

type Kind = 'asso' | 'fondation' | 'mutuelle' | 'coop' | 'agri' | 'scic' | 'commerce' | 'ei';

/** Legal category, kind, weight. The ESS families first (in the perimeter), then the others. */
const UNIT_KINDS: ReadonlyArray<readonly [category: string, kind: Kind, weight: number]> = [
  ['9220', 'asso', 58],
  ['9210', 'asso', 1],
  ['9221', 'asso', 2],
  ['9222', 'asso', 1],
  ['9230', 'asso', 3],
  ['9260', 'asso', 1],
  ['9300', 'fondation', 1],
  ['8210', 'mutuelle', 0.6],
  ['8250', 'mutuelle', 0.3],
  ['5458', 'coop', 0.7],
  ['5459', 'coop', 0.4],
  ['5460', 'coop', 0.3],
  ['5560', 'coop', 0.5],
  ['6317', 'agri', 0.5],
  ['6318', 'agri', 0.3],
  ['5710', 'scic', 2.5],
  ['5710', 'commerce', 10],
  ['5499', 'commerce', 9],
  ['1000', 'ei', 5],
];
const IN_PERIMETER = new Set<Kind>(['asso', 'fondation', 'mutuelle', 'coop', 'agri', 'scic']);

const NAF: Record<Kind, ReadonlyArray<readonly [string, number]>> = {
  asso: [
    ['94.99Z', 45],
    ['88.99B', 10],
    ['93.12Z', 10],
    ['85.59B', 6],
    ['90.01Z', 5],
    ['93.29Z', 5],
    ['88.10A', 3],
    ['88.91A', 3],
    ['94.12Z', 3],
    ['87.30A', 2],
    ['56.10A', 1],
  ],
  fondation: [
    ['88.99B', 3],
    ['72.19Z', 1],
    ['94.99Z', 2],
    ['86.10Z', 1],
  ],
  mutuelle: [
    ['65.12Z', 3],
    ['65.11Z', 2],
    ['86.10Z', 1],
  ],
  coop: [
    ['43.21A', 2],
    ['62.01Z', 2],
    ['47.11B', 2],
    ['10.71C', 1],
    ['64.19Z', 1],
    ['49.41A', 1],
  ],
  agri: [
    ['01.61Z', 3],
    ['46.21Z', 1],
    ['10.51A', 1],
  ],
  scic: [
    ['38.32Z', 2],
    ['88.99B', 2],
    ['56.10A', 1],
    ['35.11Z', 1],
    ['47.11B', 1],
  ],
  commerce: [
    ['47.11B', 2],
    ['56.10A', 2],
    ['43.21A', 2],
    ['62.01Z', 1],
    ['70.22Z', 1],
    ['45.20A', 1],
    ['68.20A', 1],
    ['41.20A', 1],
  ],
  ei: [
    ['96.02A', 2],
    ['43.32A', 2],
    ['49.32Z', 1],
    ['74.10Z', 1],
    ['86.90E', 1],
  ],
};

const PREFIX: Record<Kind, readonly string[]> = {
  asso: ['ASSOCIATION', 'ASSOCIATION SPORTIVE', 'COMITE DES FETES', 'AMICALE', 'CLUB', 'UNION', 'ASSOCIATION DES PARENTS', ''],
  fondation: ['FONDATION', 'FONDS DE DOTATION'],
  mutuelle: ['MUTUELLE', 'MUTUELLE GENERALE', 'MUTUELLE SOLIDAIRE'],
  coop: ['SCOP', 'COOPERATIVE', 'SCOP SARL', 'SCOP SA'],
  agri: ['CUMA', 'COOPERATIVE AGRICOLE', 'SICA'],
  scic: ['SCIC', 'SCIC SAS', 'SAS'],
  commerce: ['SARL', 'SAS', 'EURL', 'SASU', ''],
  ei: [''],
};
const WORDS = [
  'LES AMIS DE',
  'SOLIDARITE',
  'ENTRAIDE',
  'LE LIEN',
  'HORIZONS',
  'LA RUCHE',
  'PASSERELLE',
  'ENSEMBLE',
  'LES JARDINS DE',
  'TREMPLIN',
  'ARC-EN-CIEL',
  'LA FABRIQUE',
  'L ATELIER',
  'RESSOURCES',
  'VIVRE A',
  'CULTURE ET LOISIRS',
  'SPORTS ET LOISIRS',
  'BATI NORD, "LES COMPAGNONS"',
  'RECYCLERIE',
  'LE PANIER',
];
const STREET_TYPES = ['RUE', 'RUE', 'RUE', 'AV', 'BD', 'PL', 'CHE', 'RTE', 'IMP', 'ALL'];
const STREETS = [
  'DE LA REPUBLIQUE',
  'JEAN JAURES',
  'DU GENERAL DE GAULLE',
  'DES ECOLES',
  'PASTEUR',
  'VICTOR HUGO',
  'DE LA GARE',
  'DU MOULIN',
  'DE LA LIBERTE',
  'DES TILLEULS',
  'DE L EGLISE',
  'GAMBETTA',
  'DE PARIS',
  'DU 8 MAI 1945',
];
const FIRST = ['MARIE', 'JEAN', 'NATHALIE', 'PHILIPPE', 'ISABELLE', 'MICHEL', 'SOPHIE', 'DAVID', 'CELINE', 'NICOLAS'];
const LAST = ['MARTIN', 'BERNARD', 'DUBOIS', 'LEFEBVRE', 'LEROY', 'MOREAU', 'PETIT', 'DUPONT', 'LAMBERT', 'FONTAINE'];
const RANGES: ReadonlyArray<readonly [string, number]> = [
  ['NN', 52],
  ['', 6],
  ['00', 10],
  ['01', 12],
  ['02', 8],
  ['03', 5],
  ['11', 3.5],
  ['12', 2],
  ['21', 0.8],
  ['22', 0.4],
  ['31', 0.1],
  ['32', 0.1],
  ['41', 0.05],
  ['42', 0.03],
  ['51', 0.01],
];

const csv = (v: string | number | boolean | null | undefined): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A file written by chunks with backpressure, hashed on the way. */
class CsvFile {
  private readonly stream: fs.WriteStream;
  private readonly hash = createHash('sha256');
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  lines = 0;
  constructor(file: string, header: string[]) {
    this.stream = fs.createWriteStream(file);
    this.parts.push(header.join(',') + '\n');
  }
  async add(values: Array<string | number | boolean | null | undefined>): Promise<void> {
    const line = values.map(csv).join(',') + '\n';
    this.parts.push(line);
    this.size += line.length;
    this.lines++;
    if (this.size >= 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async end(): Promise<string> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return this.hash.digest('hex');
  }
}

const date = (rng: Prng, from: number, to: number) =>
  `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

// ------------------------------------------------------------------ generator

export function manifestPath(dir: string): string {
  return path.join(dir, 'manifest.json');
}

/** The manifest of files already generated with the same options, or null. */
export function existingFiles(o: SireneFilesOptions): SireneFilesManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(manifestPath(o.dir), 'utf8')) as SireneFilesManifest;
    const same =
      m.version === SIRENE_FILES_VERSION &&
      m.establishments === o.establishments &&
      m.seed === o.seed &&
      m.outsideShare === o.outsideShare &&
      m.territory.join(',') === o.territory.join(',') &&
      m.decoupageAdministratif === decoupageVersion() &&
      fs.statSync(path.join(o.dir, m.etablissementsFile)).size === m.bytes.etablissements &&
      fs.statSync(path.join(o.dir, m.unitesFile)).size === m.bytes.unites;
    return same ? m : null;
  } catch {
    return null;
  }
}

function decoupageVersion(): string {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  return (require('@etalab/decoupage-administratif/package.json') as { version: string }).version;
}

export async function generateSireneFiles(o: SireneFilesOptions): Promise<SireneFilesManifest> {
  const log = o.log ?? (() => {});
  const t0 = Date.now();
  fs.mkdirSync(o.dir, { recursive: true });
  fs.rmSync(manifestPath(o.dir), { force: true });
  const { inside, outside } = communesOf(o.territory);
  const insideIndex = new WeightedIndex(inside.map((c) => Math.max(c.population, 20)));
  const outsideIndex = new WeightedIndex(outside.map((c) => Math.max(c.population, 20)));
  const kindIndex = new WeightedIndex(UNIT_KINDS.map((k) => k[2]));
  const rng = new Prng(o.seed >>> 0);

  const etab = new CsvFile(path.join(o.dir, ETABLISSEMENTS_FILE), headerOf('StockEtablissement_fixture.csv'));
  const unites = new CsvFile(path.join(o.dir, UNITES_FILE), headerOf('StockUniteLegale_fixture.csv'));
  const etabHeader = headerOf('StockEtablissement_fixture.csv');
  const uniteHeader = headerOf('StockUniteLegale_fixture.csv');
  const counts: SireneFilesManifest['counts'] = {
    units: 0,
    insideLines: 0,
    outsideLines: 0,
    territoryCommunes: inside.length,
    perimeterLines: 0,
    nonDiffusibleLines: 0,
    closedLines: 0,
    individualEntrepreneurUnits: 0,
    badSiretLines: 0,
    badRangeLines: 0,
  };
  const fill = (header: string[], values: Record<string, string | number | boolean | null>) =>
    header.map((h) => values[h] ?? null);

  let written = 0;
  for (let u = 0; written < o.establishments; u++) {
    if (u >= 10_000_000) throw new Error('more than 10 million units: the SIREN numbering would overflow');
    const siren = withLuhnKey(`8${String(u).padStart(7, '0')}`);
    const [category, kind] = UNIT_KINDS[kindIndex.pick(rng)];
    const essFlag = kind === 'scic' || (kind === 'coop' && rng.chance(0.3)) || (kind === 'commerce' && rng.chance(0.01));
    const diffusible = !rng.chance(0.02);
    const ceased = rng.chance(0.01);
    const n = Math.min(
      o.establishments - written,
      rng.weightedPairs<number>([
        [1, 80],
        [2, 12],
        [3, 4],
        [4, 2],
        [rng.int(5, 20), 2],
      ]),
    );
    // The unit's home: most of its establishments are in the same commune (or nearby in the same list).
    const homeOutside = rng.chance(o.outsideShare);
    const home = homeOutside ? outside[outsideIndex.pick(rng)] : inside[insideIndex.pick(rng)];
    const naf = rng.weightedPairs(NAF[kind]);
    const word = rng.pick(WORDS);
    const prefix = rng.pick(PREFIX[kind]);
    const name = kind === 'ei' ? null : `${prefix ? `${prefix} ` : ''}${word} ${rng.chance(0.5) ? home.name : ''}`.trim();
    const created = date(rng, 1950, 2025);
    if (kind === 'ei') counts.individualEntrepreneurUnits++;
    const sexe = rng.chance(0.5) ? 'F' : 'M';
    await unites.add(
      fill(uniteHeader, {
        siren,
        statutDiffusionUniteLegale: diffusible ? 'O' : 'P',
        dateCreationUniteLegale: created,
        sigleUniteLegale: kind !== 'ei' && rng.chance(0.1) ? word.replace(/[^A-Z]/g, '').slice(0, 4) : null,
        sexeUniteLegale: kind === 'ei' && diffusible ? sexe : null,
        prenom1UniteLegale: kind === 'ei' && diffusible ? rng.pick(FIRST) : null,
        identifiantAssociationUniteLegale:
          kind === 'asso' && rng.chance(0.7) ? `W${home.dep.padStart(3, '0')}${rng.digits(6)}` : null,
        trancheEffectifsUniteLegale: null,
        dateDernierTraitementUniteLegale: '2026-10-01T10:00:00',
        nombrePeriodesUniteLegale: rng.int(1, 4),
        categorieEntreprise: rng.chance(0.6) ? 'PME' : null,
        anneeCategorieEntreprise: '2023',
        dateDebut: created,
        etatAdministratifUniteLegale: ceased ? 'C' : 'A',
        nomUniteLegale: kind === 'ei' ? (diffusible ? rng.pick(LAST) : '[ND]') : null,
        denominationUniteLegale: diffusible ? name : null,
        categorieJuridiqueUniteLegale: category,
        activitePrincipaleUniteLegale: naf,
        nomenclatureActivitePrincipaleUniteLegale: 'NAFRev2',
        nicSiegeUniteLegale: null,
        economieSocialeSolidaireUniteLegale: essFlag ? 'O' : 'N',
        societeMissionUniteLegale: null,
        caractereEmployeurUniteLegale: null,
      }),
    );
    counts.units++;

    for (let j = 0; j < n; j++) {
      const isOutside = j === 0 ? homeOutside : rng.chance(0.8) ? homeOutside : rng.chance(o.outsideShare);
      const commune =
        j === 0 || (isOutside === homeOutside && rng.chance(0.7))
          ? home
          : isOutside
            ? outside[outsideIndex.pick(rng)]
            : inside[insideIndex.pick(rng)];
      const nic4 = String(j + 1).padStart(4, '0');
      let siret = withLuhnKey(siren + nic4);
      if (rng.chance(1 / 20_000)) {
        siret = siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);
        counts.badSiretLines++;
      }
      let range = rng.weightedPairs(RANGES);
      if (rng.chance(1 / 50_000)) {
        range = '99';
        counts.badRangeLines++;
      }
      const etabDiffusible = diffusible && !rng.chance(0.005);
      const closed = ceased || rng.chance(0.05);
      const geo = rng.chance(0.85);
      const r = commune.spread * Math.sqrt(rng.next());
      const a = rng.next() * 2 * Math.PI;
      const x = Math.round(commune.x + r * Math.cos(a));
      const y = Math.round(commune.y + r * Math.sin(a));
      const etabCreated = date(rng, Number(created.slice(0, 4)), 2025);
      await etab.add(
        fill(etabHeader, {
          siren,
          nic: siret.slice(9),
          siret,
          statutDiffusionEtablissement: etabDiffusible ? 'O' : 'P',
          dateCreationEtablissement: etabCreated,
          trancheEffectifsEtablissement: range,
          anneeEffectifsEtablissement: range && range !== 'NN' ? '2023' : null,
          dateDernierTraitementEtablissement: '2026-10-01T10:00:00',
          etablissementSiege: j === 0 ? 'true' : 'false',
          nombrePeriodesEtablissement: rng.int(1, 3),
          complementAdresseEtablissement: rng.chance(0.05) ? `BATIMENT ${rng.pick(['A', 'B', 'C'])}` : null,
          numeroVoieEtablissement: rng.chance(0.85) ? rng.int(1, 200) : null,
          indiceRepetitionEtablissement: rng.chance(0.03) ? 'B' : null,
          typeVoieEtablissement: rng.pick(STREET_TYPES),
          libelleVoieEtablissement: rng.pick(STREETS),
          codePostalEtablissement: commune.postalCode,
          libelleCommuneEtablissement: commune.name,
          codeCommuneEtablissement: commune.code,
          coordonneeLambertAbscisseEtablissement: geo ? x : null,
          coordonneeLambertOrdonneeEtablissement: geo ? y : null,
          dateDebut: etabCreated,
          etatAdministratifEtablissement: closed ? 'F' : 'A',
          enseigne1Etablissement: rng.chance(0.05) ? rng.pick(WORDS) : null,
          activitePrincipaleEtablissement: rng.chance(0.9) ? naf : rng.weightedPairs(NAF[kind]),
          nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
          caractereEmployeurEtablissement: range === 'NN' || range === '00' ? 'N' : range ? 'O' : null,
        }),
      );
      written++;
      if (isOutside) counts.outsideLines++;
      else {
        counts.insideLines++;
        if (IN_PERIMETER.has(kind) || essFlag) counts.perimeterLines++;
      }
      if (!etabDiffusible) counts.nonDiffusibleLines++;
      if (closed) counts.closedLines++;
      if (written % 200_000 === 0) {
        log(
          `${written.toLocaleString('en')} establishment lines (${Math.round(written / ((Date.now() - t0) / 1000)).toLocaleString('en')}/s)`,
        );
      }
    }
  }
  const shaEtab = await etab.end();
  const shaUnites = await unites.end();
  const manifest: SireneFilesManifest = {
    version: SIRENE_FILES_VERSION,
    establishments: o.establishments,
    seed: o.seed,
    territory: o.territory,
    outsideShare: o.outsideShare,
    decoupageAdministratif: decoupageVersion(),
    etablissementsFile: ETABLISSEMENTS_FILE,
    unitesFile: UNITES_FILE,
    bytes: { etablissements: etab.bytes, unites: unites.bytes },
    sha256: { etablissements: shaEtab, unites: shaUnites },
    counts,
    seconds: (Date.now() - t0) / 1000,
    generatedAt: new Date().toISOString(),
  };
  fs.writeFileSync(manifestPath(o.dir), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
