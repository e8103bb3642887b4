// Plausible values for the slots a hostile request does not attack: the required arguments and the
// required fields of input objects are filled with values the API accepts, so that the one hostile
// value of a request is what the server reacts to. Ids designate fresh rows of the right type,
// created per root field (a field that archives or erases its row does not spoil another's), and
// `version` is read from the row just before each request (an accepted hostile value bumps it).
import { createHash } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import type { DataSource } from 'typeorm';
import {
  createAccount,
  createCarrierProject,
  createMentorOffer,
  createNetwork,
  createPerson,
  createSector,
  createStructure,
  toGlobal,
  uniqueToken,
} from '../helpers/factories';

export type Vars = Record<string, unknown>;
export type Path = ReadonlyArray<string | number>;

/** Types designated by ids that are bare row ids, not Relay global ids. */
const BARE_IDS = new Set(['Referral', 'SpaceItem', 'PlanMilestone', 'SteeringDecision', 'Consent']);

/** Root fields whose `id` designates something else than their return type. */
const ID_OF_FIELD: Record<string, string> = {
  personData: 'Person',
  erasePerson: 'Person',
  withdrawConsent: 'Consent',
  setPlanMilestoneDone: 'PlanMilestone',
  updateSteeringDecision: 'SteeringDecision',
  node: 'Structure',
  nodes: 'Structure',
};

/** `<x>Id` / `<x>Ids` slot names whose type is not `<X>`. */
const ID_OF_NAME: Record<string, string> = {
  space: 'Workshop',
  mentor: 'Person',
  referral: 'Referral',
  item: 'SpaceItem',
};

const RETURN_TYPE_ID: Record<string, string> = { ParticipatorySpace: 'Workshop' };

/** The type a slot of type ID designates. */
export function idTypeOf(field: GraphQLField<unknown, unknown>, path: Path): string {
  const name = String([...path].reverse().find((p) => typeof p === 'string'));
  if (name === 'id' && path.length === 1) {
    const ret = getNamedType(field.type).name;
    return ID_OF_FIELD[field.name] ?? RETURN_TYPE_ID[ret] ?? ret;
  }
  const stem = /^(.*?)Ids?$/.exec(name)?.[1];
  if (stem) return ID_OF_NAME[stem] ?? stem[0].toUpperCase() + stem.slice(1);
  return ID_OF_FIELD[field.name] ?? 'Structure';
}

/** Tables of the versioned types (optimistic locking). */
const VERSIONED: Record<string, string> = {
  Structure: 'structure',
  Person: 'person',
  Network: 'network',
  Sector: 'sector',
  MentorOffer: 'mentor_offer',
  Workshop: 'participatory_space',
  CarrierProject: 'carrier_project',
  Account: 'account',
};

export const PASSWORD = 'mot de passe hostile 2026';

/**
 * Rows of one root field: created on first use, one per type (two calls for the same type give
 * the same row).
 */
export class Fixtures {
  private readonly rows = new Map<string, Promise<{ rowId: string; extra?: Record<string, string> }>>();

  constructor(private readonly ds: DataSource) {}

  private q = (sql: string, params: unknown[] = []) => this.ds.query(sql, params);

  row(type: string): Promise<{ rowId: string; extra?: Record<string, string> }> {
    let r = this.rows.get(type);
    if (!r) this.rows.set(type, (r = this.create(type)));
    return r;
  }

  /** The value an ID slot gets: a Relay id, or a bare row id for the types that use them. */
  async id(type: string): Promise<string> {
    const { rowId } = await this.row(type);
    return BARE_IDS.has(type) ? rowId : toGlobal(type, rowId);
  }

  async extra(type: string, key: string): Promise<string> {
    return (await this.row(type)).extra![key];
  }

  private async create(type: string): Promise<{ rowId: string; extra?: Record<string, string> }> {
    const one = async (sql: string, params: unknown[] = []) => (await this.q(sql, params))[0];
    switch (type) {
      case 'Structure': {
        const s = await createStructure(this.ds);
        return { rowId: s.id, extra: { siret: s.siret } };
      }
      case 'Person':
        return { rowId: (await createPerson(this.ds, { isPublic: true })).id };
      case 'Network': {
        const n = await createNetwork(this.ds);
        return { rowId: n.id, extra: { slug: n.slug } };
      }
      case 'Sector': {
        const s = await createSector(this.ds);
        return { rowId: s.id, extra: { slug: s.slug } };
      }
      case 'MentorOffer':
        return { rowId: (await createMentorOffer(this.ds)).id };
      case 'CarrierProject':
        return { rowId: (await createCarrierProject(this.ds)).id };
      case 'Account': {
        const a = await createAccount(this.ds, { roles: ['PARTNER'], password: PASSWORD });
        return { rowId: a.id, extra: { email: a.email } };
      }
      case 'Workshop':
      case 'Chantier':
      case 'StudyDay': {
        const kind = { Workshop: 'WORKSHOP', Chantier: 'CHANTIER', StudyDay: 'STUDY_DAY' }[type];
        const r = await one(
          `INSERT INTO participatory_space (kind, sector_id, title, goal)
           VALUES ($1, (SELECT id FROM sector WHERE slug = 'iae'), $2, 'Essai') RETURNING id::text`,
          [kind, `Espace ${uniqueToken()}`],
        );
        return { rowId: r.id };
      }
      case 'SpaceItem': {
        const space = await this.row('Workshop');
        const r = await one(`INSERT INTO space_deliverable (space_id, title) VALUES ($1, 'Guide') RETURNING id::text`, [
          space.rowId,
        ]);
        return { rowId: r.id };
      }
      case 'StructureSubmission': {
        const s = await this.row('Structure');
        const r = await one(
          `INSERT INTO structure_submission (kind, structure_id, payload, submitter_email, message)
           VALUES ('CORRECTION', $1, '{"phone": "03 27 11 22 33"}', 'a@exemple.org', 'Nouveau numéro') RETURNING id::text`,
          [s.rowId],
        );
        return { rowId: r.id };
      }
      case 'Referral': {
        const p = await this.row('CarrierProject');
        const s = await this.row('Structure');
        const r = await one(
          `INSERT INTO carrier_project_referral (project_id, structure_id, referred_on) VALUES ($1, $2, '2025-10-01') RETURNING id::text`,
          [p.rowId, s.rowId],
        );
        return { rowId: r.id };
      }
      case 'PlanMilestone': {
        const r = await one(
          `INSERT INTO plan_milestone (action_id, title) VALUES ((SELECT id FROM plan_action WHERE number = 11), $1) RETURNING id::text`,
          [`Jalon ${uniqueToken()}`],
        );
        return { rowId: r.id };
      }
      case 'SteeringDecision': {
        const m = await one(`INSERT INTO steering_meeting (held_on, title) VALUES ('2025-01-10', $1) RETURNING id::text`, [
          `Comité ${uniqueToken()}`,
        ]);
        const r = await one(`INSERT INTO steering_decision (meeting_id, text) VALUES ($1, 'Publier') RETURNING id::text`, [m.id]);
        return { rowId: r.id };
      }
      case 'Consent': {
        const p = await this.row('Person');
        const r = await one(
          `INSERT INTO consent (person_id, scope, version) VALUES ($1, 'contact-public', '2026-11') RETURNING id::text`,
          [p.rowId],
        );
        return { rowId: r.id };
      }
      case 'ResetToken': {
        const a = await this.row('Account');
        const token = uniqueToken('jeton');
        await this.q(
          `INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`,
          [createHash('sha256').update(token).digest(), a.rowId],
        );
        return { rowId: a.rowId, extra: { token } };
      }
      default:
        throw new Error(`no fixture for type ${type}`);
    }
  }

  async planActionVersion(number: number): Promise<number> {
    return (await this.q('SELECT version FROM plan_action WHERE number = $1', [number]))[0].version;
  }

  /** Current version of the row an `id` designates (optimistic locking). */
  async versionOf(type: string): Promise<number> {
    const table = VERSIONED[type];
    if (!table) throw new Error(`no versioned table for ${type}`);
    const { rowId } = await this.row(type);
    return (await this.q(`SELECT version FROM ${table} WHERE id = $1`, [rowId]))[0].version;
  }
}

/** Values of named slots that need something specific (field-qualified names first). */
const NAMED: Record<string, (fx: Fixtures, field: string) => unknown | Promise<unknown>> = {
  email: (fx, field) => (field === 'login' || field === 'requestPasswordReset' ? fx.extra('Account', 'email') : uniqueEmail()),
  submitterEmail: () => uniqueEmail(),
  password: () => PASSWORD,
  token: (fx) => fx.extra('ResetToken', 'token'),
  slug: (fx, field) => (field === 'sector' ? 'iae' : field === 'network' ? fx.extra('Network', 'slug') : uniqueToken('hostile-')),
  sectorSlug: () => 'iae',
  'setStructureSectors.codes': () => ['iae'],
  'setStructureNetworks.codes': (fx) => fx.extra('Network', 'slug').then((s) => [s]),
  communeCode: () => '59392',
  'commune.code': () => '59392',
  'departement.code': () => '59',
  'region.code': () => '32',
  // A cheap job (deletes what is past its retention): the mission's « Lancer maintenant ».
  'runJobNow.name': () => 'purge-expired',
  'epci.siren': () => '200043396',
  'recordIndicatorValue.code': () => 'visites',
  siret: (fx) => fx.extra('Structure', 'siret'),
  'updatePlanAction.status': () => 'ON_TRACK',
  'updateSteeringDecision.status': () => 'DONE',
  'updatePlanAction.number': () => 12,
  'updatePlanAction.version': (fx) => fx.planActionVersion(12),
  number: () => 11,
  'recordConsent.scope': () => 'contact-public',
  'recordConsent.version': () => '2026-11',
  year: () => new Date().getFullYear(),
  latitude: () => 50.28,
  longitude: () => 3.97,
  radiusKm: () => 10,
  'importStructures.csv': () => `nom;code_commune\nImport ${uniqueToken()};59392\n`,
  'importStructures.commit': () => true,
  'importReferenceFigures.csv': () =>
    `territory_type;territory_code;territory_name;indicator;year;value;source\nZONE;${uniqueToken('zone')};Zone;ESS_EMPLOYEES;2020;1234;Essai\n`,
  roles: () => ['PARTNER'],
  kind: () => 'WORKSHOP',
  'removeSpaceItem.item': () => 'deliverable',
  'moveCarrierProjectStage.stage': () => 'DIAGNOSIS',
  themes: () => ['GOVERNANCE'],
};

const uniqueEmail = () => `${uniqueToken('hostile')}@exemple.org`;

/** A plausible value for a slot (required ones only are filled in a baseline). */
export async function plausible(
  fx: Fixtures,
  field: GraphQLField<unknown, unknown>,
  path: Path,
  type: GraphQLInputType,
): Promise<unknown> {
  const name = String([...path].reverse().find((p) => typeof p === 'string'));
  const named = NAMED[`${field.name}.${name}`] ?? NAMED[name];
  if (named) return named(fx, field.name);
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) return [await plausible(fx, field, [...path, 0], t.ofType)];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isInputObjectType(t)) return fill(fx, field, path, t);
  switch (t.name) {
    case 'ID':
      return fx.id(idTypeOf(field, path));
    case 'Int':
      return name === 'version' ? fx.versionOf(idTypeOf(field, ['id'])) : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
      return '2027-01-15T09:00:00.000Z';
    default:
      if (/(On|At|^since)$/.test(name)) return '2025-10-01';
      return `Essai ${uniqueToken()}`;
  }
}

/** The required fields of an input object, filled (plus the few a service needs: a person's name). */
async function fill(fx: Fixtures, field: GraphQLField<unknown, unknown>, path: Path, type: GraphQLInputType): Promise<Vars> {
  const t = getNamedType(type);
  const out: Vars = {};
  if (!isInputObjectType(t)) return out;
  for (const f of Object.values(t.getFields())) {
    if (isNonNullType(f.type) && f.defaultValue === undefined)
      out[f.name] = await plausible(fx, field, [...path, f.name], f.type);
  }
  if (t.name === 'PersonPatch' && field.name === 'createPerson') out.lastName = `Nom ${uniqueToken()}`;
  if (t.name === 'ParticipantInput') out.structureId = await fx.id('Structure');
  return out;
}

/** Every required argument of a root field, filled. */
export async function baselineOf(fx: Fixtures, field: GraphQLField<unknown, unknown>): Promise<Vars> {
  const out: Vars = {};
  for (const a of field.args) {
    if (isNonNullType(a.type) && a.defaultValue === undefined) out[a.name] = await plausible(fx, field, [a.name], a.type);
  }
  return out;
}
