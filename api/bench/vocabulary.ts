/**
 * What the national-scale bench data adds to the demo vocabulary (api/src/modules/demo/vocabulary.ts):
 * 26 more sectors (40 in all) and the 300 networks (national, regional, departmental).
 * Fictional, like the demo data.
 */
import { SECTORS, type SectorSlug } from '../src/modules/demo/vocabulary';

export interface ExtraSector {
  slug: string;
  name: string;
  description: string;
  /** Demo sectors it often goes with (a structure of those sectors may also list it). */
  near: readonly SectorSlug[];
}

export const EXTRA_SECTORS: readonly ExtraSector[] = [
  {
    slug: 'tourisme-social',
    name: 'Tourisme social et solidaire',
    description: 'Villages de vacances, séjours accessibles et accueil des familles.',
    near: ['animation-education-populaire', 'culture'],
  },
  {
    slug: 'commerce-equitable',
    name: 'Commerce équitable',
    description: 'Boutiques, importateurs et filières locales de commerce équitable.',
    near: ['alimentation-durable'],
  },
  {
    slug: 'agriculture-paysanne',
    name: 'Agriculture paysanne et circuits courts',
    description: 'Fermes collectives, magasins de producteurs et installation paysanne.',
    near: ['alimentation-durable', 'environnement-transition-ecologique'],
  },
  {
    slug: 'economie-circulaire',
    name: 'Économie circulaire et réemploi',
    description: 'Ressourceries, recycleries, réparation et réemploi des matériaux.',
    near: ['environnement-transition-ecologique', 'iae'],
  },
  {
    slug: 'energie-citoyenne',
    name: 'Énergies renouvelables citoyennes',
    description: 'Centrales villageoises, coopératives d’énergie et rénovation énergétique.',
    near: ['environnement-transition-ecologique', 'habitat-logement'],
  },
  {
    slug: 'handicap',
    name: 'Handicap et inclusion',
    description: 'Accompagnement, travail adapté et accès aux loisirs des personnes en situation de handicap.',
    near: ['sante-action-sociale', 'sport'],
  },
  {
    slug: 'protection-de-l-enfance',
    name: "Protection de l'enfance",
    description: 'Accueil, prévention et soutien à la parentalité.',
    near: ['petite-enfance', 'sante-action-sociale'],
  },
  {
    slug: 'aide-alimentaire',
    name: 'Aide alimentaire',
    description: 'Épiceries solidaires, colis, repas et lutte contre la précarité alimentaire.',
    near: ['alimentation-durable', 'sante-action-sociale'],
  },
  {
    slug: 'jeunesse',
    name: 'Jeunesse et engagement',
    description: 'Service civique, accueil des jeunes, projets et engagement citoyen.',
    near: ['animation-education-populaire', 'sport'],
  },
  {
    slug: 'seniors',
    name: 'Vieillissement et lien intergénérationnel',
    description: 'Lutte contre l’isolement des aînés et habitat intergénérationnel.',
    near: ['services-a-la-personne', 'habitat-logement'],
  },
  {
    slug: 'acces-aux-droits',
    name: 'Accès aux droits et médiation',
    description: 'Permanences juridiques, écrivains publics et médiation sociale.',
    near: ['sante-action-sociale', 'numerique'],
  },
  {
    slug: 'solidarite-internationale',
    name: 'Solidarité internationale',
    description: 'Coopération décentralisée, éducation à la citoyenneté mondiale.',
    near: ['animation-education-populaire', 'formation'],
  },
  {
    slug: 'accueil-des-personnes-exilees',
    name: 'Accueil des personnes exilées',
    description: 'Hébergement, apprentissage du français et accompagnement administratif.',
    near: ['formation', 'sante-action-sociale'],
  },
  {
    slug: 'egalite-femmes-hommes',
    name: 'Égalité femmes-hommes',
    description: 'Lutte contre les violences, entrepreneuriat des femmes et mixité des métiers.',
    near: ['sante-action-sociale', 'formation'],
  },
  {
    slug: 'education-a-l-environnement',
    name: "Éducation à l'environnement",
    description: 'Sorties nature, classes vertes et sensibilisation à la biodiversité.',
    near: ['environnement-transition-ecologique', 'animation-education-populaire'],
  },
  {
    slug: 'patrimoine',
    name: 'Patrimoine et histoire locale',
    description: 'Sauvegarde du patrimoine bâti et naturel, mémoire locale.',
    near: ['culture'],
  },
  {
    slug: 'arts-visuels',
    name: 'Arts visuels',
    description: 'Ateliers d’artistes, galeries associatives et arts plastiques.',
    near: ['culture'],
  },
  {
    slug: 'musique',
    name: 'Musique et spectacle vivant',
    description: 'Écoles de musique, harmonies, salles de concert associatives.',
    near: ['culture', 'animation-education-populaire'],
  },
  {
    slug: 'medias-locaux',
    name: 'Médias et information locale',
    description: 'Radios associatives, journaux de quartier et éducation aux médias.',
    near: ['culture', 'numerique'],
  },
  {
    slug: 'innovation-sociale',
    name: 'Recherche et innovation sociale',
    description: 'Incubateurs, laboratoires citoyens et expérimentation sociale.',
    near: ['formation', 'finance-solidaire'],
  },
  {
    slug: 'banque-assurance',
    name: 'Banque et assurance mutualistes',
    description: 'Banques coopératives, mutuelles d’assurance et prévoyance.',
    near: ['finance-solidaire'],
  },
  {
    slug: 'artisanat',
    name: "Artisanat et métiers d'art",
    description: 'Coopératives d’artisans, ateliers partagés et transmission des savoir-faire.',
    near: ['formation', 'iae'],
  },
  {
    slug: 'eco-construction',
    name: 'Bâtiment et écoconstruction',
    description: 'Coopératives du bâtiment, autoréhabilitation et matériaux biosourcés.',
    near: ['habitat-logement', 'iae'],
  },
  {
    slug: 'tiers-lieux',
    name: 'Tiers-lieux',
    description: 'Lieux hybrides : coworking, fabrique, café associatif et services.',
    near: ['numerique', 'culture', 'animation-education-populaire'],
  },
  {
    slug: 'accompagnement-emploi',
    name: "Accompagnement vers l'emploi",
    description: 'Groupements d’employeurs, coopératives d’activité et d’emploi, parrainage.',
    near: ['iae', 'formation'],
  },
  {
    slug: 'prevention-sante',
    name: 'Prévention et promotion de la santé',
    description: 'Éducation à la santé, addictions, santé mentale et centres de santé.',
    near: ['sante-action-sociale', 'sport'],
  },
];

export interface SectorRowSpec {
  slug: string;
  name: string;
  description: string;
}

/** The 40 sectors: the 14 of the demo vocabulary (ids 1–14), then the 26 above (ids 15–40). */
export const ALL_SECTORS: readonly SectorRowSpec[] = [
  ...SECTORS.map((s) => ({ slug: s.slug, name: s.name, description: s.description })),
  ...EXTRA_SECTORS,
];

/** « du Nord », « de la Gironde », « de l'Ain » from INSEE's typeLiaison (TNCC). */
export function ofTerritory(name: string, typeLiaison: number | undefined): string {
  switch (typeLiaison) {
    case 1:
      return `d'${name}`;
    case 2:
      return `du ${name}`;
    case 3:
      return `de la ${name}`;
    case 4:
    case 6:
      return `des ${name}`;
    case 5:
      return `de l'${name}`;
    default:
      return `de ${name}`;
  }
}

export type NetworkScope = 'NATIONAL' | 'REGION' | 'DEPARTEMENT';
export interface NetworkSpec {
  id: number;
  slug: string;
  name: string;
  acronym: string | null;
  kind: 'REGIONAL_CHAMBER' | 'FEDERATION' | 'LOCAL_NETWORK' | 'NATIONAL_NETWORK' | 'OTHER';
  scope: NetworkScope;
  /** Region or département code for the non-national ones. */
  area: string | null;
  description: string;
}

const NATIONAL_HEADS = [
  'Fédération nationale',
  'Union nationale',
  'Réseau national',
  'Collectif national',
  'Coordination nationale',
  'Mouvement national',
];
const DOMAINS: readonly string[] = [
  ...SECTORS.map((s) => s.ofDomain),
  "de l'économie circulaire",
  'du tourisme social',
  'des tiers-lieux',
  "de l'aide alimentaire",
  'des énergies citoyennes',
  'de la solidarité internationale',
  'du commerce équitable',
  "de l'accompagnement vers l'emploi",
];
const REGIONAL_KINDS: ReadonlyArray<[string, string | null, NetworkSpec['kind']]> = [
  ['Chambre régionale de l’ESS', 'CRESS', 'REGIONAL_CHAMBER'],
  ['Mouvement associatif', null, 'FEDERATION'],
  ['Union régionale des structures', 'URS', 'FEDERATION'],
];
const DEPARTMENTAL_KINDS: ReadonlyArray<[string, NetworkSpec['kind']]> = [
  ['Pôle ESS', 'LOCAL_NETWORK'],
  ['Maison des associations', 'LOCAL_NETWORK'],
];

export interface Area {
  code: string;
  name: string;
  typeLiaison?: number;
}

/**
 * 300 networks: 18 × 3 regional, 2 per département of metropolitan France and the DROM,
 * and national ones for the rest (ids 1…, the national ones first: they are the largest).
 */
export function buildNetworks(regions: readonly Area[], departements: readonly Area[], total = 300): NetworkSpec[] {
  const regional: Omit<NetworkSpec, 'id'>[] = [];
  for (const r of regions) {
    for (const [head, acronym, kind] of REGIONAL_KINDS) {
      const of = ofTerritory(r.name, r.typeLiaison);
      regional.push({
        slug: '',
        name: `${head} ${of}`,
        acronym,
        kind,
        scope: 'REGION',
        area: r.code,
        description: `Tête de réseau régionale ${of} : elle fédère, représente et accompagne les structures de l'ESS de la région.`,
      });
    }
  }
  const departmental: Omit<NetworkSpec, 'id'>[] = [];
  for (const d of departements) {
    for (const [head, kind] of DEPARTMENTAL_KINDS) {
      const of = ofTerritory(d.name, d.typeLiaison);
      departmental.push({
        slug: '',
        name: `${head} ${of}`,
        acronym: null,
        kind,
        scope: 'DEPARTEMENT',
        area: d.code,
        description: `Réseau départemental ${of} : rencontres, formations et mutualisation entre structures.`,
      });
    }
  }
  const nationalCount = Math.max(10, total - regional.length - departmental.length);
  const national: Omit<NetworkSpec, 'id'>[] = [];
  for (let k = 0; k < nationalCount; k++) {
    const head = NATIONAL_HEADS[k % NATIONAL_HEADS.length];
    const domain = DOMAINS[k % DOMAINS.length];
    const round = Math.floor(k / (NATIONAL_HEADS.length * DOMAINS.length));
    national.push({
      slug: '',
      name: `${head} ${domain}${round ? ` (${round + 1})` : ''}`,
      acronym: null,
      kind: k % 3 === 0 ? 'NATIONAL_NETWORK' : 'FEDERATION',
      scope: 'NATIONAL',
      area: null,
      description: `Tête de réseau nationale ${domain} : plaidoyer, outils partagés et accompagnement de ses adhérents.`,
    });
  }
  const all = [...national, ...regional, ...departmental].slice(0, Math.max(total, nationalCount));
  const used = new Set<string>();
  return all.map((n, i) => {
    let slug = slugOf(n.name);
    for (let k = 2; used.has(slug); k++) slug = `${slugOf(n.name).slice(0, 70)}-${k}`;
    used.add(slug);
    return { ...n, id: i + 1, slug };
  });
}

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 78)
    .replace(/-+$/, '');
}
