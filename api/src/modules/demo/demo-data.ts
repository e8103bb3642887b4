/**
 * Deterministic demo data for Essor: plain rows, one array per table, with explicit
 * integer ids (1..N per table) so that references are plain ids. No database access,
 * no clock, no Math.random(): the same seed always gives the same rows.
 *
 * Identifiers: every demo SIREN is "99" + 6 random digits + its Luhn key, and every SIRET
 * that SIREN + a 4-digit NIC + its Luhn key. "99" is the documented fictional prefix of the
 * demo data: the numbers pass the same checks as real ones (isValidSiren/isValidSiret) but
 * are made up, and the rows carry is_demo = true. Nothing guarantees that no real company has
 * such a number, so never use them to look anything up in SIRENE.
 * E-mail addresses use the domain exemple.org and phone numbers are random.
 */
import { SAMBRE_AVESNOIS_COMMUNES, type TerritoryCommune } from '../territory/sambre-avesnois.data';
import { deriveEssFamily, type EssFamily } from '../structure/ess-family';
import { withLuhnKey } from '../structure/siret';
import { Prng } from './prng';
import {
  ARCHETYPES,
  CARRIER_OPINIONS,
  CARRIER_PROJECTS,
  CARRIER_REFERRAL_NOTES,
  CARRIER_STAGE_NOTES,
  CONTACT_TITLES,
  DEFAULT_LEGAL_CATEGORIES,
  DELIVERABLES,
  FACILITATOR_BIOS,
  FIRST_NAMES,
  FOUNDING_YEARS,
  LAST_NAMES,
  MENTOR_AVAILABILITIES,
  MENTOR_PROFILES,
  NETWORKS,
  PLACES,
  SECTORS,
  SESSION_NOTES,
  SPACES,
  STREETS,
  TERRITORY_COMPLEMENTS,
  WORKFORCE_WEIGHTS,
  byGender,
  composeDescription,
  composeServices,
  composeStructureName,
  composeValues,
  lcFirst,
  ofPlace,
  sectorVocabulary,
  slugify,
  type Archetype,
  type FamilyGroup,
  type Gender,
  type MentorTheme,
  type NetworkKind,
  type NetworkScope,
  type SectorSlug,
  type SpaceKind,
} from './vocabulary';

export const DEFAULT_DEMO_SEED = 20261127;

/** Fixed "today" of the demo data: every date is computed from it, never from the clock. */
export const DEMO_REFERENCE_DATE = '2026-11-01T00:00:00.000Z';
/** When the platform (sectors, networks) was set up in the demo story. */
const PLATFORM_LAUNCH = '2023-11-06T09:00:00.000Z';

export const DEMO_STRUCTURE_COUNT = 340;
/** How many structures are not PUBLISHED. */
const DRAFT_COUNT = 6;
const ARCHIVED_COUNT = 4;

/** Target shares of the structures by kind (the association share is exact). */
const GROUP_SHARES: ReadonlyArray<readonly [FamilyGroup, number]> = [
  ['ASSOCIATION', 0.8],
  ['COOPERATIVE', 0.09],
  ['MUTUELLE', 0.03],
  ['FONDATION', 0.03],
  ['ENTREPRISE', 0.05],
];

// ------------------------------------------------------------------ row types

export type Timestamp = string; // ISO 8601, UTC
export type DateOnly = string; // YYYY-MM-DD

export interface SectorRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NetworkRow {
  id: number;
  slug: string;
  name: string;
  acronym: string | null;
  kind: NetworkKind;
  scope: NetworkScope;
  description: string;
  website: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
  bio: string | null;
  structure_id: number | null;
  is_public: boolean;
  is_demo: true;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type StructureStatusValue = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';

export interface StructureRow {
  id: number;
  name: string;
  siren: string | null;
  siret: string | null;
  legal_category: string;
  ess_family: EssFamily;
  naf_code: string;
  workforce_range: string;
  volunteer_count: number | null;
  address: string;
  postal_code: string;
  commune_code: string;
  latitude: number;
  longitude: number;
  website: string | null;
  email: string | null;
  phone: string | null;
  description: string;
  services: string | null;
  values_statement: string | null;
  accepts_interns: boolean;
  seeks_volunteers: boolean;
  esus: boolean;
  status: StructureStatusValue;
  is_demo: true;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_verified_at: Timestamp | null;
}

export interface StructureSectorRow {
  structure_id: number;
  sector_id: number;
}

export interface NetworkMembershipRow {
  network_id: number;
  structure_id: number;
  since: DateOnly | null;
}

export interface SectorFacilitatorRow {
  sector_id: number;
  person_id: number;
}

export type SpaceStatus = 'PLANNED' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED';

export interface ParticipatorySpaceRow {
  id: number;
  kind: SpaceKind;
  sector_id: number;
  title: string;
  goal: string;
  description: string;
  status: SpaceStatus;
  is_demo: true;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SpaceSessionRow {
  id: number;
  space_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string;
  commune_code: string;
  notes: string | null;
}

export type SpaceRole = 'FACILITATOR' | 'CONTRIBUTOR' | 'PARTICIPANT';

export interface SpaceParticipantRow {
  id: number;
  space_id: number;
  structure_id: number | null;
  person_id: number | null;
  role: SpaceRole;
  joined_at: DateOnly;
}

export interface SpaceDeliverableRow {
  id: number;
  space_id: number;
  title: string;
  kind: 'REPORT' | 'GUIDE' | 'TOOL' | 'EVENT' | 'OTHER';
  description: string;
  url: string | null;
  delivered_at: DateOnly | null;
}

export type MentorOfferStatus = 'OPEN' | 'FULL' | 'CLOSED';

export interface MentorOfferRow {
  id: number;
  mentor_id: number;
  title: string;
  themes: MentorTheme[];
  availability: string;
  description: string;
  status: MentorOfferStatus;
  is_demo: true;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CarrierStage = 'RECEIVED' | 'DIAGNOSIS' | 'REFERRED' | 'SUPPORTED' | 'LAUNCHED' | 'ABANDONED';
export type OpinionVerdict = 'FAVORABLE' | 'RESERVED' | 'UNFAVORABLE';

export interface CarrierProjectRow {
  id: number;
  person_id: number;
  title: string;
  description: string;
  commune_code: string;
  sector_id: number;
  stage: CarrierStage;
  stage_changed_on: DateOnly;
  mentor_offer_id: number | null;
  mentorship_starts_on: DateOnly | null;
  mentorship_ends_on: DateOnly | null;
  opinion: OpinionVerdict | null;
  opinion_text: string | null;
  opinion_on: DateOnly | null;
  is_demo: true;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CarrierStageChangeRow {
  id: number;
  project_id: number;
  from_stage: CarrierStage | null;
  to_stage: CarrierStage;
  changed_on: DateOnly;
  note: string | null;
  recorded_at: Timestamp;
}

export type ReferralStatusValue = 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'DONE';

export interface CarrierReferralRow {
  id: number;
  project_id: number;
  structure_id: number;
  referred_on: DateOnly;
  status: ReferralStatusValue;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DemoData {
  seed: number;
  sectors: SectorRow[];
  networks: NetworkRow[];
  structures: StructureRow[];
  persons: PersonRow[];
  structureSectors: StructureSectorRow[];
  networkMemberships: NetworkMembershipRow[];
  sectorFacilitators: SectorFacilitatorRow[];
  participatorySpaces: ParticipatorySpaceRow[];
  spaceSessions: SpaceSessionRow[];
  spaceParticipants: SpaceParticipantRow[];
  spaceDeliverables: SpaceDeliverableRow[];
  mentorOffers: MentorOfferRow[];
  carrierProjects: CarrierProjectRow[];
  carrierStageChanges: CarrierStageChangeRow[];
  carrierReferrals: CarrierReferralRow[];
}

// ------------------------------------------------------------------ dates

const DAY = 86_400_000;
const REF = Date.parse(DEMO_REFERENCE_DATE);

const iso = (ms: number): Timestamp => new Date(ms).toISOString();
const dateOnly = (ms: number): DateOnly => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms: number): number => Math.floor(ms / DAY) * DAY;

/** Last Sunday of a month (UTC day start). */
function lastSunday(year: number, month0: number): number {
  const last = Date.UTC(year, month0 + 1, 0);
  return last - new Date(last).getUTCDay() * DAY;
}

/** UTC instant of a wall-clock time in Europe/Paris (CET/CEST). */
function parisTime(dayMs: number, hour: number, minute: number): number {
  const year = new Date(dayMs).getUTCFullYear();
  const summerStart = lastSunday(year, 2);
  const summerEnd = lastSunday(year, 9);
  const offsetHours = dayMs >= summerStart && dayMs < summerEnd ? 2 : 1;
  return dayMs + (hour - offsetHours) * 3_600_000 + minute * 60_000;
}

/** Public holidays of the 2026–2027 season, when no session is scheduled. */
const HOLIDAYS = new Set([
  '2026-11-11',
  '2026-12-25',
  '2027-01-01',
  '2027-03-29',
  '2027-05-01',
  '2027-05-06',
  '2027-05-08',
  '2027-05-17',
]);

function isWorkingDay(dayMs: number): boolean {
  const d = new Date(dayMs);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const key = dateOnly(dayMs);
  if (HOLIDAYS.has(key)) return false;
  // No sessions during the Christmas break.
  return !(key >= '2026-12-19' && key <= '2027-01-03');
}

/** Working days of the season before and after the reference date. */
const PAST_DAYS = workingDays(Date.UTC(2026, 8, 1), REF - DAY);
const FUTURE_DAYS = workingDays(REF + DAY, Date.UTC(2027, 5, 30));

function workingDays(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = dayStart(from); d <= to; d += DAY) if (isWorkingDay(d)) out.push(d);
  return out;
}

// ------------------------------------------------------------------ helpers

/** An independent stream per part, so that parts do not shift each other. */
function stream(seed: number, label: string): Prng {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return new Prng((seed ^ h) >>> 0);
}

/** Largest-remainder split of `total` along shares. */
function apportion<T>(total: number, shares: ReadonlyArray<readonly [T, number]>): Array<readonly [T, number]> {
  const sum = shares.reduce((s, [, w]) => s + w, 0);
  const raw = shares.map(([k, w]) => [k, (total * w) / sum] as const);
  const floors = raw.map(([k, v]) => [k, Math.floor(v)] as [T, number]);
  let rest = total - floors.reduce((s, [, v]) => s + v, 0);
  const byFraction = raw.map(([, v], i) => [i, v - Math.floor(v)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [i] of byFraction) {
    if (rest-- <= 0) break;
    floors[i][1] += 1;
  }
  return floors;
}

function phone(rng: Prng): string {
  const pair = () => String(rng.int(0, 99)).padStart(2, '0');
  return `03 27 ${pair()} ${pair()} ${pair()}`;
}

function uniqueValue(used: Set<string>, make: (attempt: number) => string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const value = make(attempt);
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
  throw new Error('Could not find a unique value');
}

/** Commune centroid plus up to ~1.5 km of jitter, rounded to 6 decimals (≈ 10 cm). */
function jitter(rng: Prng, commune: TerritoryCommune): { latitude: number; longitude: number } {
  const radius = 1500 * Math.sqrt(rng.next());
  const angle = rng.float(0, 2 * Math.PI);
  const metresPerDegree = 111_320;
  const lat = commune.latitude + (radius * Math.cos(angle)) / metresPerDegree;
  const lon = commune.longitude + (radius * Math.sin(angle)) / (metresPerDegree * Math.cos((commune.latitude * Math.PI) / 180));
  return { latitude: Math.round(lat * 1e6) / 1e6, longitude: Math.round(lon * 1e6) / 1e6 };
}

const COMMUNE_WEIGHTS = SAMBRE_AVESNOIS_COMMUNES.map((c) => c.population);
const pickCommune = (rng: Prng): TerritoryCommune => rng.weighted(SAMBRE_AVESNOIS_COMMUNES, COMMUNE_WEIGHTS);

const ARCHETYPES_BY_GROUP = new Map<FamilyGroup, readonly Archetype[]>(
  (['ASSOCIATION', 'COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ENTREPRISE'] as const).map((g) => [
    g,
    ARCHETYPES.filter((a) => a.group === g),
  ]),
);

const THEME_ORDER: readonly MentorTheme[] = [
  'GOVERNANCE',
  'BUSINESS_MODEL',
  'HUMAN_RESOURCES',
  'GROWTH',
  'FUNDING',
  'COMMUNICATION',
  'DIGITAL',
  'LEGAL',
  'IMPACT',
];

// ------------------------------------------------------------------ generator

export function generateDemoData(seed: number = DEFAULT_DEMO_SEED): DemoData {
  const sectors = buildSectors();
  const networks = buildNetworks();
  const sectorId = new Map(sectors.map((s) => [s.slug as SectorSlug, s.id]));

  const built = buildStructures(stream(seed, 'structures'));
  const memberships = buildMemberships(stream(seed, 'networks'), built, networks);
  const people = buildPersons(stream(seed, 'persons'), built, sectors);
  const spaces = buildSpaces(stream(seed, 'spaces'), built, people, sectorId);
  const mentorOffers = buildMentorOffers(stream(seed, 'mentoring'), people);
  // Last: the carriers are persons too, numbered after the others.
  const carriers = buildCarriers(stream(seed, 'accompaniment'), people, built, sectorId, mentorOffers);

  return {
    seed,
    sectors,
    networks,
    structures: built.map((b) => b.row),
    persons: people.persons,
    structureSectors: built.flatMap((b) => b.sectors.map((slug) => ({ structure_id: b.row.id, sector_id: sectorId.get(slug)! }))),
    networkMemberships: memberships,
    sectorFacilitators: people.sectorFacilitators,
    participatorySpaces: spaces.spaces,
    spaceSessions: spaces.sessions,
    spaceParticipants: spaces.participants,
    spaceDeliverables: spaces.deliverables,
    mentorOffers,
    carrierProjects: carriers.projects,
    carrierStageChanges: carriers.stageChanges,
    carrierReferrals: carriers.referrals,
  };
}

function buildSectors(): SectorRow[] {
  return SECTORS.map((s, i) => ({
    id: i + 1,
    slug: s.slug,
    name: s.name,
    description: s.description,
    created_at: PLATFORM_LAUNCH,
    updated_at: PLATFORM_LAUNCH,
  }));
}

function buildNetworks(): NetworkRow[] {
  return NETWORKS.map((n, i) => ({
    id: i + 1,
    slug: n.slug,
    name: n.name,
    acronym: n.acronym,
    kind: n.kind,
    scope: n.scope,
    description: n.description,
    website: n.website,
    created_at: PLATFORM_LAUNCH,
    updated_at: PLATFORM_LAUNCH,
  }));
}

/** A structure row plus what the other parts need to know about it. */
interface BuiltStructure {
  row: StructureRow;
  group: FamilyGroup;
  sectors: SectorSlug[];
  slug: string;
  foundedYear: number;
}

function buildStructures(rng: Prng): BuiltStructure[] {
  const groups = rng.shuffle(apportion(DEMO_STRUCTURE_COUNT, GROUP_SHARES).flatMap(([g, n]) => Array<FamilyGroup>(n).fill(g)));
  const statuses = new Map<number, StructureStatusValue>();
  rng
    .sample(
      groups.map((_, i) => i + 1),
      DRAFT_COUNT + ARCHIVED_COUNT,
    )
    .forEach((id, i) => statuses.set(id, i < DRAFT_COUNT ? 'DRAFT' : 'ARCHIVED'));

  const usedNames = new Set<string>();
  const usedSlugs = new Set<string>();
  const usedSirens = new Set<string>();
  const usedSirets = new Set<string>();

  return groups.map((group, index) => {
    const id = index + 1;
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

    const commune = pickCommune(rng);
    const place = { communeName: commune.name, epciSiren: commune.epciSiren };
    const name = uniqueValue(usedNames, (attempt) =>
      attempt < 40
        ? composeStructureName(rng, archetype, place)
        : `${composeStructureName(rng, archetype, place)} ${ofPlace(commune.name)}`,
    );
    const baseSlug = slugify(name, 50);
    const slug = uniqueValue(usedSlugs, (attempt) => (attempt === 0 ? baseSlug : `${baseSlug}-${attempt + 1}`));

    // 1 to 3 sectors: the archetype's, then its related sectors, then the sector's neighbours.
    const sectorCount = rng.weighted([1, 2, 3], [50, 35, 15]);
    const sectors: SectorSlug[] = [archetype.sector];
    for (const s of rng.shuffle(archetype.related ?? [])) if (sectors.length < sectorCount && rng.chance(0.75)) sectors.push(s);
    for (const s of rng.shuffle(sectorVocabulary(archetype.sector).neighbours)) {
      if (sectors.length < sectorCount && !sectors.includes(s)) sectors.push(s);
    }

    const siren = uniqueValue(usedSirens, () => withLuhnKey(`99${rng.digits(6)}`));
    const nic = rng.chance(0.7) ? '0001' : String(rng.int(2, 45)).padStart(4, '0');
    const siret = uniqueValue(usedSirets, (attempt) =>
      withLuhnKey(siren + (attempt === 0 ? nic : String(attempt + 45).padStart(4, '0'))),
    );

    const workforce = rng.weightedPairs(WORKFORCE_WEIGHTS[archetype.size]);
    const volunteerCount =
      group === 'ASSOCIATION' || (group === 'FONDATION' && rng.chance(0.5))
        ? Math.round(Math.exp(rng.float(Math.log(3), Math.log(150))))
        : null;
    const [fromYear, toYear] = FOUNDING_YEARS[group];
    const foundedYear = rng.int(fromYear, toYear);
    const territory = rng.pick(TERRITORY_COMPLEMENTS[commune.epciSiren] ?? ["de l'Avesnois"]);

    const createdAt = REF - rng.float(1, 3 * 365) * DAY;
    const updatedAt = rng.chance(0.4) ? createdAt : createdAt + rng.next() * (REF - createdAt);
    const status = statuses.get(id) ?? 'PUBLISHED';
    const verified = status !== 'DRAFT' && rng.chance(0.72);

    const row: StructureRow = {
      id,
      name,
      siren,
      siret,
      legal_category: legalCategory,
      ess_family: essFamily,
      naf_code: rng.pick(archetype.naf),
      workforce_range: workforce,
      volunteer_count: volunteerCount,
      address: `${rng.int(1, 180)}${rng.chance(0.05) ? ' bis' : ''} ${rng.pick(STREETS)}`,
      postal_code: commune.postalCodes[0],
      commune_code: commune.code,
      ...jitter(rng, commune),
      website: rng.chance(group === 'ASSOCIATION' ? 0.6 : 0.9) ? `https://www.${slug}.exemple.org` : null,
      email: rng.chance(0.9) ? `contact@${slug}.exemple.org` : null,
      phone: rng.chance(0.85) ? phone(rng) : null,
      description: composeDescription(rng, {
        group,
        archetype,
        communeName: commune.name,
        territory,
        foundedYear,
        secondarySectors: sectors.slice(1),
        volunteerCount,
        esus,
      }),
      services: rng.chance(0.9) ? composeServices(rng, archetype) : null,
      values_statement: rng.chance(0.75) ? composeValues(rng) : null,
      accepts_interns: rng.chance(0.3),
      seeks_volunteers: group === 'ASSOCIATION' ? rng.chance(0.4) : group === 'FONDATION' && rng.chance(0.2),
      esus,
      status,
      is_demo: true,
      created_at: iso(createdAt),
      updated_at: iso(updatedAt),
      last_verified_at: verified ? iso(updatedAt + rng.next() * (REF - updatedAt)) : null,
    };
    return { row, group, sectors, slug, foundedYear };
  });
}

function buildMemberships(rng: Prng, built: readonly BuiltStructure[], networks: readonly NetworkRow[]): NetworkMembershipRow[] {
  const rows: NetworkMembershipRow[] = [];
  const referenceYear = new Date(REF).getUTCFullYear();
  for (const b of built) {
    const joined: number[] = [];
    NETWORKS.forEach((n, i) => {
      const affinity = n.affinity ?? {};
      let p = n.baseShare + (affinity[b.group] ?? 0);
      b.sectors.forEach((s, rank) => (p += (affinity[s] ?? 0) * (rank === 0 ? 1 : 0.5)));
      if (rng.chance(Math.min(p, 0.95))) joined.push(i);
    });
    // Home-care associations join one of the two home-care federations, not both.
    const una = NETWORKS.findIndex((n) => n.slug === 'una');
    const admr = NETWORKS.findIndex((n) => n.slug === 'admr');
    if (joined.includes(una) && joined.includes(admr)) joined.splice(joined.indexOf(rng.chance(0.5) ? una : admr), 1);
    const kept = joined.length > 3 ? rng.sample(joined, 3).sort((a, c) => a - c) : joined;
    for (const i of kept) {
      const fromYear = Math.max(NETWORKS[i].since, b.foundedYear);
      let since: DateOnly | null = null;
      if (rng.chance(0.9)) {
        const year = rng.int(Math.min(fromYear, referenceYear), referenceYear);
        const month = rng.int(1, year === referenceYear ? 10 : 12);
        since = `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      }
      rows.push({ network_id: networks[i].id, structure_id: b.row.id, since });
    }
  }
  return rows;
}

interface People {
  persons: PersonRow[];
  sectorFacilitators: SectorFacilitatorRow[];
  /** Facilitator person ids by sector id. */
  facilitatorsBySector: Map<number, number[]>;
  mentors: Array<{ personId: number; profile: (typeof MENTOR_PROFILES)[number]; createdAt: number }>;
}

/** Names and e-mail addresses already given: each person gets new ones. */
interface UsedIdentities {
  names: Set<string>;
  emails: Set<string>;
}

/** A fictional first and last name not given yet, and an address at `domain` made of them. */
function fictionalIdentity(
  rng: Prng,
  gender: Gender,
  domain: string,
  used: UsedIdentities,
): Pick<PersonRow, 'first_name' | 'last_name' | 'email'> {
  let first = '';
  let last = '';
  uniqueValue(used.names, () => {
    first = rng.pick(FIRST_NAMES[gender]);
    last = rng.pick(LAST_NAMES);
    return `${first} ${last}`;
  });
  const local = `${slugify(first)}.${slugify(last)}`.replace(/-/g, '');
  const email = uniqueValue(used.emails, (attempt) => `${local}${attempt === 0 ? '' : attempt + 1}@${domain}`);
  return { first_name: first, last_name: last, email };
}

function buildPersons(rng: Prng, built: readonly BuiltStructure[], sectors: readonly SectorRow[]): People {
  const persons: PersonRow[] = [];
  const used: UsedIdentities = { names: new Set(), emails: new Set() };

  const newPerson = (
    domain: string,
    fill: (g: Gender) => Pick<PersonRow, 'job_title' | 'bio' | 'structure_id' | 'is_public'>,
    createdAt: number,
  ): PersonRow => {
    const gender: Gender = rng.chance(0.55) ? 'F' : 'M';
    const identity = fictionalIdentity(rng, gender, domain, used);
    const updatedAt = rng.chance(0.5) ? createdAt : createdAt + rng.next() * (REF - createdAt);
    const row: PersonRow = {
      id: persons.length + 1,
      ...identity,
      phone: rng.chance(0.8) ? phone(rng) : null,
      ...fill(gender),
      is_demo: true,
      created_at: iso(createdAt),
      updated_at: iso(updatedAt),
    };
    persons.push(row);
    return row;
  };

  // Sector facilitators: one or two per sector.
  const sectorFacilitators: SectorFacilitatorRow[] = [];
  const facilitatorsBySector = new Map<number, number[]>();
  for (const sector of sectors) {
    const count = rng.chance(0.4) ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const person = newPerson(
        'exemple.org',
        (g) => ({
          job_title: `${byGender(g, 'Animateur', 'Animatrice')} du secteur ${lcFirst(sector.name)}`,
          bio: rng.pick(FACILITATOR_BIOS)(g, lcFirst(sector.name)),
          structure_id: null,
          is_public: true,
        }),
        Date.parse(PLATFORM_LAUNCH) + rng.float(0, 200) * DAY,
      );
      sectorFacilitators.push({ sector_id: sector.id, person_id: person.id });
      facilitatorsBySector.set(sector.id, [...(facilitatorsBySector.get(sector.id) ?? []), person.id]);
    }
  }

  // Mentors, one per profile.
  const mentors: People['mentors'] = [];
  for (const profile of rng.shuffle(MENTOR_PROFILES)) {
    const createdAt = REF - rng.float(60, 700) * DAY;
    const person = newPerson(
      'exemple.org',
      (g) => ({ job_title: byGender(g, ...profile.job), bio: profile.bio(g), structure_id: null, is_public: true }),
      createdAt,
    );
    mentors.push({ personId: person.id, profile, createdAt });
  }

  // A contact person for about a third of the structures; about half of them are not public.
  const withContact = rng.sample(built, Math.round(built.length / 3)).sort((a, b) => a.row.id - b.row.id);
  for (const b of withContact) {
    const createdAt = Date.parse(b.row.created_at) + rng.float(0, 1) * Math.min(30 * DAY, REF - Date.parse(b.row.created_at));
    newPerson(
      `${b.slug}.exemple.org`,
      (g) => ({
        job_title: byGender(g, ...rng.pick(CONTACT_TITLES[b.group])),
        bio: null,
        structure_id: b.row.id,
        is_public: rng.chance(0.5),
      }),
      createdAt,
    );
  }
  return { persons, sectorFacilitators, facilitatorsBySector, mentors };
}

interface Spaces {
  spaces: ParticipatorySpaceRow[];
  sessions: SpaceSessionRow[];
  participants: SpaceParticipantRow[];
  deliverables: SpaceDeliverableRow[];
}

const SESSION_COUNTS: Readonly<Record<SpaceKind, readonly [number, number]>> = {
  WORKSHOP: [1, 3],
  CHANTIER: [2, 4],
  STUDY_DAY: [1, 1],
};

function buildSpaces(
  rng: Prng,
  built: readonly BuiltStructure[],
  people: People,
  sectorId: ReadonlyMap<SectorSlug, number>,
): Spaces {
  const out: Spaces = { spaces: [], sessions: [], participants: [], deliverables: [] };
  const published = built.filter((b) => b.row.status === 'PUBLISHED');

  for (const def of SPACES) {
    const id = out.spaces.length + 1;
    const sid = sectorId.get(def.sector)!;
    const [minSessions, maxSessions] = SESSION_COUNTS[def.kind];
    let status = rng.weightedPairs<SpaceStatus>([
      ['COMPLETED', 25],
      ['ACTIVE', 40],
      ['PLANNED', 30],
      ['CANCELLED', 5],
    ]);
    if (status === 'ACTIVE' && maxSessions < 2) status = rng.chance(0.5) ? 'COMPLETED' : 'PLANNED';
    const count = rng.int(status === 'ACTIVE' ? 2 : minSessions, maxSessions);

    // Session days: all past (completed), all future (planned, cancelled), or both (active).
    const pastCount = status === 'COMPLETED' ? count : status === 'ACTIVE' ? rng.int(1, count - 1) : 0;
    const days = [...rng.sample(PAST_DAYS, pastCount), ...rng.sample(FUTURE_DAYS, count - pastCount)].sort((a, b) => a - b);
    const [hour, minute] =
      def.kind === 'STUDY_DAY'
        ? [9, 0]
        : rng.pick([
            [9, 30],
            [14, 0],
            [18, 0],
          ] as const);
    for (const day of days) {
      const commune = pickCommune(rng);
      const startsAt = parisTime(day, hour, minute);
      // Workshops and chantiers last two hours; a study day is a full day (9:00–17:00).
      const endsAt = def.kind === 'STUDY_DAY' ? parisTime(day, 17, 0) : startsAt + 2 * 3_600_000;
      out.sessions.push({
        id: out.sessions.length + 1,
        space_id: id,
        starts_at: iso(startsAt),
        ends_at: iso(endsAt),
        place: rng.pick(PLACES).replace('{de}', ofPlace(commune.name)),
        commune_code: commune.code,
        notes: rng.chance(0.3) ? rng.pick(SESSION_NOTES) : null,
      });
    }

    const firstSession = parisTime(days[0], hour, minute);
    const lastSession = parisTime(days[days.length - 1], hour, minute);
    const createdAt = Math.min(firstSession - rng.int(20, 90) * DAY, REF - rng.int(2, 20) * DAY);
    const updatedAt = createdAt + rng.next() * (REF - createdAt);
    out.spaces.push({
      id,
      kind: def.kind,
      sector_id: sid,
      title: def.title,
      goal: def.goal,
      description: def.description,
      status,
      is_demo: true,
      created_at: iso(createdAt),
      updated_at: iso(updatedAt),
    });

    // Participants: the sector's facilitator, sometimes a mentor, then structures (mostly of the sector).
    const total = rng.int(4, 15);
    const joinedAt = () => dateOnly(createdAt + rng.next() * (Math.min(firstSession, REF) - createdAt));
    const addParticipant = (p: Pick<SpaceParticipantRow, 'structure_id' | 'person_id' | 'role'>) =>
      out.participants.push({ id: out.participants.length + 1, space_id: id, ...p, joined_at: joinedAt() });

    addParticipant({ structure_id: null, person_id: rng.pick(people.facilitatorsBySector.get(sid)!), role: 'FACILITATOR' });
    let personCount = 1;
    if (rng.chance(0.35)) {
      addParticipant({ structure_id: null, person_id: rng.pick(people.mentors).personId, role: 'CONTRIBUTOR' });
      personCount++;
    }
    const structureCount = total - personCount;
    const inSector = rng.shuffle(published.filter((b) => b.sectors.includes(def.sector)));
    const fromSector = inSector.slice(0, Math.min(inSector.length, Math.round(structureCount * 0.75)));
    const others = rng.shuffle(published.filter((b) => !fromSector.includes(b)));
    const chosen = [...fromSector, ...others.slice(0, structureCount - fromSector.length)];
    const contributors = rng.int(1, 2);
    chosen.forEach((b, k) =>
      addParticipant({ structure_id: b.row.id, person_id: null, role: k < contributors ? 'CONTRIBUTOR' : 'PARTICIPANT' }),
    );

    // Deliverables: none for cancelled spaces; dated only once the space is completed.
    const deliverableCount = status === 'CANCELLED' ? 0 : rng.int(0, 3);
    const topic = lcFirst(def.title);
    for (const template of rng.sample(DELIVERABLES, deliverableCount)) {
      let deliveredAt: DateOnly | null = null;
      if (status === 'COMPLETED') {
        const at = template.kind === 'EVENT' ? lastSession : Math.min(lastSession + rng.int(3, 30) * DAY, REF - DAY);
        deliveredAt = dateOnly(Math.max(at, lastSession));
      }
      const title = template.title(topic);
      const downloadable =
        deliveredAt !== null && (template.kind === 'REPORT' || template.kind === 'GUIDE' || template.kind === 'TOOL');
      out.deliverables.push({
        id: out.deliverables.length + 1,
        space_id: id,
        title,
        kind: template.kind,
        description: template.description,
        url: downloadable ? `https://www.essor.exemple.org/ressources/${slugify(title)}.pdf` : null,
        delivered_at: deliveredAt,
      });
    }
  }
  return out;
}

function buildMentorOffers(rng: Prng, people: People): MentorOfferRow[] {
  return people.mentors.map(({ personId, profile, createdAt }, i) => {
    const themeCount = rng.int(1, Math.min(3, profile.themes.length));
    const themes = rng.sample(profile.themes, themeCount).sort((a, b) => THEME_ORDER.indexOf(a) - THEME_ORDER.indexOf(b));
    const offerCreated = createdAt + rng.next() * Math.min(60 * DAY, REF - createdAt);
    return {
      id: i + 1,
      mentor_id: personId,
      title: profile.offer.title,
      themes,
      availability: rng.pick(MENTOR_AVAILABILITIES),
      description: profile.offer.description,
      status: rng.weightedPairs<MentorOfferStatus>([
        ['OPEN', 70],
        ['FULL', 20],
        ['CLOSED', 10],
      ]),
      is_demo: true,
      created_at: iso(offerCreated),
      updated_at: iso(offerCreated + rng.next() * (REF - offerCreated)),
    };
  });
}

// ------------------------------------------------------------------ accompaniment of project carriers

/** The stages a project went through to reach its current one. */
const CARRIER_PATHS: Readonly<Record<CarrierStage, readonly CarrierStage[]>> = {
  RECEIVED: ['RECEIVED'],
  DIAGNOSIS: ['RECEIVED', 'DIAGNOSIS'],
  REFERRED: ['RECEIVED', 'DIAGNOSIS', 'REFERRED'],
  SUPPORTED: ['RECEIVED', 'DIAGNOSIS', 'REFERRED', 'SUPPORTED'],
  LAUNCHED: ['RECEIVED', 'DIAGNOSIS', 'REFERRED', 'SUPPORTED', 'LAUNCHED'],
  ABANDONED: ['RECEIVED', 'DIAGNOSIS', 'REFERRED', 'ABANDONED'],
};

/** How many projects are at each stage: every stage of the pipeline shows. */
const CARRIER_STAGES: readonly CarrierStage[] = [
  ...Array<CarrierStage>(2).fill('RECEIVED'),
  ...Array<CarrierStage>(3).fill('DIAGNOSIS'),
  ...Array<CarrierStage>(3).fill('REFERRED'),
  ...Array<CarrierStage>(4).fill('SUPPORTED'),
  ...Array<CarrierStage>(2).fill('LAUNCHED'),
  'ABANDONED',
];

/** The referral that follows a project's orientation, by its current stage. */
const REFERRAL_OUTCOME: Readonly<Partial<Record<CarrierStage, ReferralStatusValue>>> = {
  REFERRED: 'PROPOSED',
  SUPPORTED: 'ACCEPTED',
  LAUNCHED: 'DONE',
  ABANDONED: 'DECLINED',
};

interface Carriers {
  projects: CarrierProjectRow[];
  stageChanges: CarrierStageChangeRow[];
  referrals: CarrierReferralRow[];
}

/**
 * Fifteen fictional carriers (new persons, not public) and their projects, one at each step of the
 * mission's pipeline, in the communes of Sambre-Avesnois: stage history, referrals to published structures
 * (of the project's sector when there are some), technical opinions and a few mentorships.
 */
function buildCarriers(
  rng: Prng,
  people: People,
  built: readonly BuiltStructure[],
  sectorId: ReadonlyMap<SectorSlug, number>,
  mentorOffers: readonly MentorOfferRow[],
): Carriers {
  const out: Carriers = { projects: [], stageChanges: [], referrals: [] };
  const used: UsedIdentities = {
    names: new Set(people.persons.map((p) => `${p.first_name} ${p.last_name}`)),
    emails: new Set(people.persons.flatMap((p) => (p.email ? [p.email] : []))),
  };
  const published = built.filter((b) => b.row.status === 'PUBLISHED');
  const offers = mentorOffers.filter((o) => o.status !== 'CLOSED');
  const stages = rng.shuffle(CARRIER_STAGES);

  CARRIER_PROJECTS.forEach((def, i) => {
    const stage = stages[i];
    const path = CARRIER_PATHS[stage];
    // Stage days: two weeks to two months apart, the last one before the reference date.
    const gaps = path.slice(1).map(() => rng.int(14, 60));
    let day = dayStart(REF) - (gaps.reduce((a, b) => a + b, 0) + rng.int(3, 45)) * DAY;
    const days = [day, ...gaps.map((g) => (day += g * DAY))];

    const gender: Gender = rng.chance(0.5) ? 'F' : 'M';
    const created = days[0] + 10 * 3_600_000;
    const person: PersonRow = {
      id: people.persons.length + 1,
      ...fictionalIdentity(rng, gender, 'exemple.org', used),
      phone: rng.chance(0.7) ? phone(rng) : null,
      job_title: byGender(gender, 'Porteur de projet', 'Porteuse de projet'),
      bio: null,
      structure_id: null,
      is_public: false,
      is_demo: true,
      created_at: iso(created),
      updated_at: iso(created),
    };
    people.persons.push(person);

    const id = out.projects.length + 1;
    path.forEach((to, k) =>
      out.stageChanges.push({
        id: out.stageChanges.length + 1,
        project_id: id,
        from_stage: k === 0 ? null : path[k - 1],
        to_stage: to,
        changed_on: dateOnly(days[k]),
        note: k > 0 && rng.chance(0.4) ? rng.pick(CARRIER_STAGE_NOTES) : null,
        recorded_at: iso(days[k] + 10 * 3_600_000),
      }),
    );

    // Referral to a structure of the sector, once oriented (a first one declined, sometimes).
    const referredAt = days[path.indexOf('REFERRED')];
    const outcome = REFERRAL_OUTCOME[stage];
    if (outcome && referredAt !== undefined) {
      const ofSector = published.filter((b) => b.sectors.includes(def.sector));
      const [a, b] = rng.sample(ofSector.length >= 2 ? ofSector : published, 2);
      const refer = (structure: BuiltStructure, status: ReferralStatusValue, at: number) =>
        out.referrals.push({
          id: out.referrals.length + 1,
          project_id: id,
          structure_id: structure.row.id,
          referred_on: dateOnly(at),
          status,
          note: rng.chance(0.5) ? rng.pick(CARRIER_REFERRAL_NOTES) : null,
          created_at: iso(at + 11 * 3_600_000),
          updated_at: iso(Math.min(at + rng.int(1, 20) * DAY, REF)),
        });
      if (outcome !== 'DECLINED' && rng.chance(0.3)) refer(b, 'DECLINED', referredAt - rng.int(5, 12) * DAY);
      refer(a, outcome, referredAt);
    }

    // The mission's opinion after the diagnosis (not yet for some projects still in diagnosis).
    const diagnosedAt = days[path.indexOf('DIAGNOSIS')];
    const verdict: OpinionVerdict | null =
      diagnosedAt === undefined || (stage === 'DIAGNOSIS' && rng.chance(0.5))
        ? null
        : stage === 'ABANDONED'
          ? rng.pick(['RESERVED', 'UNFAVORABLE'] as const)
          : stage === 'SUPPORTED' || stage === 'LAUNCHED'
            ? 'FAVORABLE'
            : rng.pick(['FAVORABLE', 'RESERVED'] as const);
    const opinionOn = verdict ? Math.min(diagnosedAt + rng.int(3, 10) * DAY, dayStart(REF) - DAY) : null;

    // A mentor for some of the projects being accompanied; ended for some of those launched.
    const supportedAt = days[path.indexOf('SUPPORTED')];
    const mentored = supportedAt !== undefined && offers.length > 0 && rng.chance(0.6);
    const startsAt = mentored ? Math.min(supportedAt + rng.int(7, 30) * DAY, dayStart(REF) - DAY) : null;
    const endsAt = startsAt !== null && stage === 'LAUNCHED' && rng.chance(0.5) ? days[days.length - 1] : null;

    const lastChange = days[days.length - 1];
    out.projects.push({
      id,
      person_id: person.id,
      title: def.title,
      description: def.description,
      commune_code: pickCommune(rng).code,
      sector_id: sectorId.get(def.sector)!,
      stage,
      stage_changed_on: dateOnly(lastChange),
      mentor_offer_id: mentored ? rng.pick(offers).id : null,
      mentorship_starts_on: startsAt === null ? null : dateOnly(startsAt),
      mentorship_ends_on: endsAt === null || startsAt === null || endsAt < startsAt ? null : dateOnly(endsAt),
      opinion: verdict,
      opinion_text: verdict ? rng.pick(CARRIER_OPINIONS[verdict]) : null,
      opinion_on: opinionOn === null ? null : dateOnly(opinionOn),
      is_demo: true,
      created_at: iso(created),
      updated_at: iso(Math.max(lastChange, opinionOn ?? 0, startsAt ?? 0) + 10 * 3_600_000),
    });
  });
  return out;
}
