import { SAMBRE_AVESNOIS_COMMUNES } from '../territory/sambre-avesnois.data';
import { deriveEssFamily } from '../structure/ess-family';
import { isValidSiren, isValidSiret } from '../structure/siret';
import { DEFAULT_DEMO_SEED, DEMO_REFERENCE_DATE, generateDemoData, type DemoData } from './demo-data';
import { Prng } from './prng';

const COMMUNES = new Map(SAMBRE_AVESNOIS_COMMUNES.map((c) => [c.code, c]));
const WORKSHOPS = [
  'Participer à un salon',
  'Renforcer le bénévolat',
  'Répondre à un appel à projets',
  'Rédiger un cahier des charges',
];
const CHANTIERS = [
  'Le financement solidaire',
  'Les emplois verts',
  "La garde d'enfants",
  'Le mécénat',
  'La représentation des SESS',
  "Évaluer l'impact de l'ESS",
  "L'IAE",
];
const THEMES = [
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
const WORKFORCE = ['NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const REF = Date.parse(DEMO_REFERENCE_DATE);

const unique = <T>(values: readonly T[]): boolean => new Set(values).size === values.length;
const ids = (rows: ReadonlyArray<{ id: number }>): Set<number> => new Set(rows.map((r) => r.id));
const distanceKm = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
};

describe('Prng', () => {
  it('is deterministic and stays in range', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const seqA = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(seqA).toEqual(Array.from({ length: 50 }, () => b.int(1, 6)));
    expect(seqA.every((v) => v >= 1 && v <= 6)).toBe(true);
    expect(new Prng(7).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(new Prng(8).weighted(['a', 'b'], [0, 1])).toBe('b');
  });
});

describe('generateDemoData', () => {
  const data = generateDemoData();

  it('is deterministic for a seed and changes with the seed', () => {
    expect(generateDemoData(DEFAULT_DEMO_SEED)).toEqual(data);
    const other = generateDemoData(DEFAULT_DEMO_SEED + 1);
    expect(other).not.toEqual(data);
    expect(other.structures.map((s) => s.name)).not.toEqual(data.structures.map((s) => s.name));
  });

  it('has the sectors and networks of the action plan', () => {
    const slugs = data.sectors.map((s) => s.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(['iae', 'services-a-la-personne', 'petite-enfance', 'finance-solidaire', 'numerique']),
    );
    expect(data.sectors).toHaveLength(14);
    expect(data.networks.length).toBeGreaterThanOrEqual(8);
    expect(data.networks.find((n) => n.slug === 'cress-hauts-de-france')).toMatchObject({
      kind: 'REGIONAL_CHAMBER',
      scope: 'REGION',
    });
    expect(data.networks.some((n) => n.slug.startsWith('apes'))).toBe(true);
    expect(data.networks.some((n) => n.slug.startsWith('cotess'))).toBe(true);
    for (const s of [...data.sectors, ...data.networks]) expect(s.slug).toMatch(SLUG);
    expect(unique(slugs)).toBe(true);
    expect(unique(data.networks.map((n) => n.slug))).toBe(true);
  });

  describe.each([DEFAULT_DEMO_SEED, 1, 42, 2027])('structures (seed %i)', (seed) => {
    const d: DemoData = seed === DEFAULT_DEMO_SEED ? data : generateDemoData(seed);

    it('has at least 300 published structures and about 80 % associations', () => {
      expect(d.structures.filter((s) => s.status === 'PUBLISHED').length).toBeGreaterThanOrEqual(300);
      const share = d.structures.filter((s) => s.ess_family === 'ASSOCIATION').length / d.structures.length;
      expect(share).toBeGreaterThanOrEqual(0.75);
      expect(share).toBeLessThanOrEqual(0.85);
      for (const family of ['COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ENTREPRISE_ESS']) {
        expect(d.structures.some((s) => s.ess_family === family)).toBe(true);
      }
    });

    it('has valid, unique and fictional identifiers', () => {
      for (const s of d.structures) {
        expect(isValidSiren(s.siren!)).toBe(true);
        expect(isValidSiret(s.siret!)).toBe(true);
        expect(s.siret!.startsWith(s.siren!)).toBe(true);
        expect(s.siren!.startsWith('99')).toBe(true);
      }
      expect(unique(d.structures.map((s) => s.siret))).toBe(true);
      expect(unique(d.structures.map((s) => s.siren))).toBe(true);
      expect(unique(d.structures.map((s) => s.name))).toBe(true);
      expect(unique(d.structures.map((s) => s.email).filter(Boolean))).toBe(true);
      expect(unique(d.persons.map((p) => p.email).filter(Boolean))).toBe(true);
    });

    it('places every structure in one of the 150 communes, near its centroid', () => {
      for (const s of d.structures) {
        const commune = COMMUNES.get(s.commune_code);
        expect(commune).toBeDefined();
        expect(s.postal_code).toBe(commune!.postalCodes[0]);
        expect(distanceKm(s.latitude, s.longitude, commune!.latitude, commune!.longitude)).toBeLessThanOrEqual(1.6);
      }
      for (const session of d.spaceSessions) expect(COMMUNES.has(session.commune_code)).toBe(true);
    });

    it('derives the ESS family from the legal category and the ESUS flag', () => {
      for (const s of d.structures) {
        expect(s.ess_family).toBe(deriveEssFamily({ legalCategory: s.legal_category, essFlag: s.esus }).family);
      }
    });

    it('respects the column formats and CHECK constraints', () => {
      for (const s of d.structures) {
        expect(s.naf_code).toMatch(/^[0-9]{2}\.[0-9]{2}[A-Z]$/);
        expect(s.legal_category).toMatch(/^[0-9]{4}$/);
        expect(WORKFORCE).toContain(s.workforce_range);
        expect(['DRAFT', 'PUBLISHED', 'ARCHIVED']).toContain(s.status);
        expect(s.is_demo).toBe(true);
        expect(s.name.trim().length).toBeGreaterThan(0);
        expect(s.name.length).toBeLessThanOrEqual(300);
        if (s.volunteer_count !== null) expect(s.volunteer_count).toBeGreaterThanOrEqual(0);
        if (s.email) expect(s.email).toMatch(/@[a-z0-9-]+\.exemple\.org$/);
        if (s.phone) expect(s.phone).toMatch(/^03 27 \d\d \d\d \d\d$/);
        expect(Date.parse(s.created_at)).toBeLessThanOrEqual(REF);
        expect(Date.parse(s.created_at)).toBeGreaterThanOrEqual(REF - 3 * 366 * 86_400_000);
        expect(Date.parse(s.updated_at)).toBeGreaterThanOrEqual(Date.parse(s.created_at));
      }
      for (const p of d.persons) {
        expect(p.is_demo).toBe(true);
        expect(p.email).toMatch(/exemple\.org$/);
      }
      for (const o of d.mentorOffers) {
        expect(o.themes.length).toBeGreaterThanOrEqual(1);
        expect(o.themes.length).toBeLessThanOrEqual(3);
        for (const t of o.themes) expect(THEMES).toContain(t);
        expect(['OPEN', 'FULL', 'CLOSED']).toContain(o.status);
      }
    });

    it('numbers each table 1..N and references existing rows only', () => {
      for (const rows of [
        d.sectors,
        d.networks,
        d.structures,
        d.persons,
        d.participatorySpaces,
        d.spaceSessions,
        d.spaceParticipants,
        d.spaceDeliverables,
        d.mentorOffers,
        d.carrierProjects,
        d.carrierStageChanges,
        d.carrierReferrals,
      ]) {
        expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
      }
      const sectors = ids(d.sectors);
      const networks = ids(d.networks);
      const structures = ids(d.structures);
      const persons = ids(d.persons);
      const spaces = ids(d.participatorySpaces);
      const mentors = new Set(d.mentorOffers.map((o) => o.mentor_id));

      for (const p of d.persons) if (p.structure_id !== null) expect(structures.has(p.structure_id)).toBe(true);
      for (const l of d.structureSectors) {
        expect(structures.has(l.structure_id)).toBe(true);
        expect(sectors.has(l.sector_id)).toBe(true);
      }
      for (const l of d.networkMemberships) {
        expect(structures.has(l.structure_id)).toBe(true);
        expect(networks.has(l.network_id)).toBe(true);
      }
      for (const l of d.sectorFacilitators) {
        expect(sectors.has(l.sector_id)).toBe(true);
        expect(persons.has(l.person_id)).toBe(true);
      }
      for (const s of d.participatorySpaces) expect(sectors.has(s.sector_id)).toBe(true);
      for (const s of d.spaceSessions) expect(spaces.has(s.space_id)).toBe(true);
      for (const s of d.spaceDeliverables) expect(spaces.has(s.space_id)).toBe(true);
      for (const p of d.spaceParticipants) {
        expect(spaces.has(p.space_id)).toBe(true);
        if (p.structure_id !== null) expect(structures.has(p.structure_id)).toBe(true);
        if (p.person_id !== null) expect(persons.has(p.person_id)).toBe(true);
      }
      for (const m of mentors) expect(persons.has(m)).toBe(true);

      // Primary keys of the link tables.
      expect(unique(d.structureSectors.map((l) => `${l.structure_id}/${l.sector_id}`))).toBe(true);
      expect(unique(d.networkMemberships.map((l) => `${l.network_id}/${l.structure_id}`))).toBe(true);
      expect(unique(d.sectorFacilitators.map((l) => `${l.sector_id}/${l.person_id}`))).toBe(true);
    });

    it('links each structure to 1–3 sectors and 0–3 networks', () => {
      const sectorsOf = new Map<number, number>();
      for (const l of d.structureSectors) sectorsOf.set(l.structure_id, (sectorsOf.get(l.structure_id) ?? 0) + 1);
      const networksOf = new Map<number, number>();
      for (const l of d.networkMemberships) networksOf.set(l.structure_id, (networksOf.get(l.structure_id) ?? 0) + 1);
      for (const s of d.structures) {
        expect(sectorsOf.get(s.id)).toBeGreaterThanOrEqual(1);
        expect(sectorsOf.get(s.id)).toBeLessThanOrEqual(3);
        expect(networksOf.get(s.id) ?? 0).toBeLessThanOrEqual(3);
      }
      const perSector = new Map<number, number>();
      for (const l of d.sectorFacilitators) perSector.set(l.sector_id, (perSector.get(l.sector_id) ?? 0) + 1);
      for (const s of d.sectors) expect([1, 2]).toContain(perSector.get(s.id));
    });

    it('has the workshops, chantiers and study days with valid participants and sessions', () => {
      const titles = (kind: string) => d.participatorySpaces.filter((s) => s.kind === kind).map((s) => s.title);
      expect(titles('WORKSHOP')).toEqual(expect.arrayContaining(WORKSHOPS));
      expect(titles('CHANTIER')).toEqual(expect.arrayContaining(CHANTIERS));
      expect(titles('STUDY_DAY')).toHaveLength(3);

      for (const p of d.spaceParticipants) {
        expect((p.structure_id === null) !== (p.person_id === null)).toBe(true);
        expect(['FACILITATOR', 'CONTRIBUTOR', 'PARTICIPANT']).toContain(p.role);
      }
      for (const space of d.participatorySpaces) {
        const participants = d.spaceParticipants.filter((p) => p.space_id === space.id);
        expect(participants.length).toBeGreaterThanOrEqual(4);
        expect(participants.length).toBeLessThanOrEqual(15);
        expect(unique(participants.filter((p) => p.structure_id !== null).map((p) => p.structure_id))).toBe(true);
        expect(unique(participants.filter((p) => p.person_id !== null).map((p) => p.person_id))).toBe(true);

        const sessions = d.spaceSessions.filter((s) => s.space_id === space.id);
        expect(sessions.length).toBeGreaterThanOrEqual(1);
        expect(sessions.length).toBeLessThanOrEqual(4);
        for (const s of sessions) {
          expect(s.starts_at >= '2026-09-01' && s.starts_at < '2027-07-01').toBe(true);
          expect(Date.parse(s.ends_at)).toBeGreaterThan(Date.parse(s.starts_at));
          if (space.status === 'COMPLETED') expect(Date.parse(s.starts_at)).toBeLessThan(REF);
          if (space.status === 'PLANNED') expect(Date.parse(s.starts_at)).toBeGreaterThan(REF);
        }
        const deliverables = d.spaceDeliverables.filter((x) => x.space_id === space.id);
        expect(deliverables.length).toBeLessThanOrEqual(3);
        for (const x of deliverables) {
          expect(['REPORT', 'GUIDE', 'TOOL', 'EVENT', 'OTHER']).toContain(x.kind);
          if (x.delivered_at) expect(space.status).toBe('COMPLETED');
        }
      }
    });

    it('has fifteen fictional carriers’ projects at every stage, with a consistent history', () => {
      const persons = new Map(d.persons.map((p) => [p.id, p]));
      const structures = new Map(d.structures.map((s) => [s.id, s]));
      const offers = ids(d.mentorOffers);
      const sectors = ids(d.sectors);
      expect(d.carrierProjects).toHaveLength(15);
      expect(new Set(d.carrierProjects.map((p) => p.stage))).toEqual(
        new Set(['RECEIVED', 'DIAGNOSIS', 'REFERRED', 'SUPPORTED', 'LAUNCHED', 'ABANDONED']),
      );
      expect(unique(d.carrierProjects.map((p) => p.person_id))).toBe(true);
      for (const p of d.carrierProjects) {
        const carrier = persons.get(p.person_id)!;
        expect(carrier).toMatchObject({ is_public: false, structure_id: null, is_demo: true });
        expect(carrier.job_title).toMatch(/^Porteu(r|se) de projet$/);
        expect(COMMUNES.has(p.commune_code)).toBe(true);
        expect(sectors.has(p.sector_id)).toBe(true);
        expect(p.stage_changed_on < DEMO_REFERENCE_DATE).toBe(true);
        // The history starts from nothing and ends at the current stage, day after day.
        const history = d.carrierStageChanges.filter((h) => h.project_id === p.id);
        expect(history[0].from_stage).toBeNull();
        expect(history.at(-1)).toMatchObject({ to_stage: p.stage, changed_on: p.stage_changed_on });
        for (let k = 1; k < history.length; k++) {
          expect(history[k].from_stage).toBe(history[k - 1].to_stage);
          expect(history[k].changed_on > history[k - 1].changed_on).toBe(true);
        }
        // A mentorship: an open (or full) offer, and dates in order (the database checks them too).
        expect(p.mentor_offer_id === null).toBe(p.mentorship_starts_on === null);
        if (p.mentor_offer_id !== null) expect(offers.has(p.mentor_offer_id)).toBe(true);
        if (p.mentorship_ends_on) expect(p.mentorship_ends_on >= p.mentorship_starts_on!).toBe(true);
        expect(p.opinion === null).toBe(p.opinion_on === null);
      }
      for (const r of d.carrierReferrals) {
        expect(structures.get(r.structure_id)?.status).toBe('PUBLISHED');
        expect(['PROPOSED', 'ACCEPTED', 'DECLINED', 'DONE']).toContain(r.status);
      }
      // Projects accompanied (the plan's CARRIERS_SUPPORTED) and running mentorships on the reference date.
      expect(d.carrierProjects.filter((p) => p.stage === 'SUPPORTED' || p.stage === 'LAUNCHED').length).toBeGreaterThanOrEqual(5);
      expect(d.carrierProjects.some((p) => p.mentorship_starts_on && !p.mentorship_ends_on && p.stage !== 'ABANDONED')).toBe(
        true,
      );
    });
  });
});
