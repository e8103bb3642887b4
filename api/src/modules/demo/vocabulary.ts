/**
 * French vocabulary of the demo data: sectors, kinds of structures ("archetypes"),
 * name fragments, description fragments, networks, persons, participatory spaces and
 * mentor profiles, plus the small composers that turn fragments into text.
 *
 * Everything here is fictional demo content, except the networks, which are real
 * organisations described in general terms.
 */
import type { Prng } from './prng';

// ------------------------------------------------------------------ sectors

export const SECTOR_SLUGS = [
  'services-a-la-personne',
  'iae',
  'formation',
  'environnement-transition-ecologique',
  'culture',
  'animation-education-populaire',
  'sport',
  'alimentation-durable',
  'mobilite',
  'habitat-logement',
  'sante-action-sociale',
  'numerique',
  'finance-solidaire',
  'petite-enfance',
] as const;
export type SectorSlug = (typeof SECTOR_SLUGS)[number];

export interface SectorVocabulary {
  slug: SectorSlug;
  name: string;
  description: string;
  /** Sectors that often go with this one (secondary sectors of a structure). */
  neighbours: readonly SectorSlug[];
  /** "de la culture", for "dans le domaine de la culture". */
  ofDomain: string;
  /** Noun phrases with their article, used after "propose" / "développe". */
  activities: readonly string[];
  /** Publics with their preposition: "aux familles". */
  publics: readonly string[];
  /** Short service items, lower case. */
  services: readonly string[];
  /** Evocative names that stand alone ("Les Bras Verts"). */
  evocative: readonly string[];
  /** Name heads that take a place complement ("Les Jardins" + "de la Sambre"). */
  heads: readonly string[];
}

export const SECTORS: readonly SectorVocabulary[] = [
  {
    slug: 'services-a-la-personne',
    neighbours: ['sante-action-sociale', 'iae', 'petite-enfance', 'alimentation-durable'],
    name: 'Services à la personne',
    description:
      'Aide à domicile, portage de repas, entretien du logement et accompagnement des personnes âgées ou en situation de handicap pour bien vivre chez soi.',
    ofDomain: 'des services à la personne',
    activities: [
      "de l'aide à domicile pour les personnes âgées et les personnes en situation de handicap",
      "du portage de repas et de l'accompagnement aux courses",
      "des prestations d'entretien du logement et de repassage",
      "de l'accompagnement aux gestes de la vie quotidienne",
      'du jardinage et des petits travaux chez les particuliers',
    ],
    publics: ['aux personnes âgées', 'aux personnes en situation de handicap', 'aux familles', 'aux seniors isolés'],
    services: [
      'aide au lever et au coucher',
      'entretien du logement',
      'portage de repas',
      'accompagnement aux courses',
      'garde de nuit',
      'petits travaux de jardinage',
      'téléassistance',
    ],
    evocative: [
      "Le Fil d'Argent",
      'Bien chez Soi',
      "Entr'Aide",
      'La Main Tendue',
      'Domicile Plus',
      'Au Fil des Jours',
      'Les Petits Soins',
    ],
    heads: ['Les Services', 'Le Relais', 'Les Aidants'],
  },
  {
    slug: 'iae',
    neighbours: ['environnement-transition-ecologique', 'formation', 'services-a-la-personne', 'mobilite', 'habitat-logement'],
    name: "Insertion par l'activité économique (IAE)",
    description:
      "Ateliers et chantiers d'insertion, associations intermédiaires, entreprises d'insertion et régies de quartier : des emplois accompagnés pour les personnes éloignées de l'emploi.",
    ofDomain: "de l'insertion par l'activité économique",
    activities: [
      "des parcours d'insertion pour des personnes éloignées de l'emploi",
      "des chantiers d'entretien d'espaces verts et de sentiers de randonnée",
      "des missions de travail encadrées, assorties d'un accompagnement social et professionnel",
      "des mises à disposition de salariés en parcours d'insertion auprès des particuliers et des collectivités",
      'des formations qualifiantes en situation de travail',
    ],
    publics: [
      "aux demandeurs d'emploi de longue durée",
      'aux allocataires du RSA',
      'aux jeunes sans qualification',
      "aux personnes éloignées de l'emploi",
    ],
    services: [
      "contrats à durée déterminée d'insertion",
      'accompagnement socioprofessionnel',
      'formations en situation de travail',
      "entretien d'espaces verts",
      'petits travaux du bâtiment',
      'mises à disposition de personnel',
    ],
    evocative: [
      'Les Bras Verts',
      'Tremplin',
      'Rebond',
      'Cap Avenir',
      'Passerelle',
      'Les Mains Vertes',
      'Nouvel Élan',
      'Pas à Pas',
    ],
    heads: ['Les Ateliers', 'Les Chantiers', 'Les Mains'],
  },
  {
    slug: 'formation',
    neighbours: ['iae', 'numerique', 'animation-education-populaire'],
    name: 'Formation',
    description:
      'Apprentissage du français, savoirs de base, formation des bénévoles et des salariés, éducation tout au long de la vie.',
    ofDomain: 'de la formation',
    activities: [
      "des ateliers d'apprentissage du français pour adultes",
      'des formations aux savoirs de base et à la bureautique',
      "de l'accompagnement à la validation des acquis de l'expérience",
      'des cours du soir et des conférences ouvertes à tous',
      'des formations pour les bénévoles et les salariés des associations',
    ],
    publics: [
      'aux adultes en reprise de formation',
      'aux personnes allophones',
      'aux bénévoles associatifs',
      'aux jeunes de 16 à 25 ans',
    ],
    services: [
      'cours de français langue étrangère',
      'remise à niveau',
      'initiation à la bureautique',
      'préparation aux concours',
      'accompagnement à la VAE',
      'formations de bénévoles',
    ],
    evocative: [
      'Savoirs pour Tous',
      'Les Mots Partagés',
      'Le Fil des Savoirs',
      'Déclic',
      'Boussole',
      "L'Abécédaire",
      'Lire et Grandir',
    ],
    heads: ["L'Université populaire", "L'Atelier des savoirs", 'Les Ateliers'],
  },
  {
    slug: 'environnement-transition-ecologique',
    neighbours: ['alimentation-durable', 'iae', 'mobilite', 'habitat-logement', 'animation-education-populaire'],
    name: 'Environnement et transition écologique',
    description:
      'Réemploi, réduction des déchets, protection du bocage et de la biodiversité, énergies citoyennes et sensibilisation à la transition écologique.',
    ofDomain: "de l'environnement et de la transition écologique",
    activities: [
      "la collecte, la réparation et la revente d'objets de seconde main",
      'des animations de sensibilisation au tri et à la réduction des déchets',
      "la plantation et l'entretien de haies bocagères",
      'des sorties nature et des inventaires participatifs de la faune et de la flore',
      "des ateliers de réparation d'objets du quotidien",
    ],
    publics: ['aux habitants', 'aux écoles et aux centres de loisirs', 'aux agriculteurs et aux collectivités', 'aux familles'],
    services: [
      "collecte d'objets à domicile",
      'boutique de seconde main',
      'ateliers de réparation',
      'animations scolaires',
      'sorties nature',
      'compostage partagé',
      'plantation de haies',
    ],
    evocative: [
      'Bois et Bocage',
      'Les Haies Vives',
      'Terre et Haies',
      'La Pie Verte',
      'Le Martin-Pêcheur',
      'Seconde Vie',
      'Le Grenier Solidaire',
      'Graines de Sambre',
    ],
    heads: ['Les Jardins', 'Les Sentiers', 'Les Vergers', 'Les Haies'],
  },
  {
    slug: 'culture',
    neighbours: ['animation-education-populaire', 'formation', 'numerique'],
    name: 'Culture',
    description: 'Spectacle vivant, musique, cinéma, lecture et patrimoine : la culture partagée au plus près des habitants.',
    ofDomain: 'de la culture',
    activities: [
      'des spectacles vivants en milieu rural',
      'des cours de musique et des répétitions ouvertes',
      'des ateliers de théâtre pour les enfants et les adultes',
      'des projections de films suivies de débats',
      'la mise en valeur du patrimoine local',
    ],
    publics: ['aux habitants des villages', 'aux jeunes', 'aux établissements scolaires', 'aux amateurs de tous âges'],
    services: [
      "cours d'instruments",
      'ateliers de théâtre',
      'spectacles',
      "résidences d'artistes",
      'projections',
      'visites du patrimoine',
      'chorale',
    ],
    evocative: [
      'Les Trois Chardons',
      'La Bobine',
      'Les Tréteaux',
      'La Lanterne',
      'Scène Ouverte',
      'La Fabrique à Sons',
      'Cordes et Bois',
      'Le Grand Manège',
    ],
    heads: ['Les Voix', 'Les Échos', 'Les Conteurs', 'Les Musiciens'],
  },
  {
    slug: 'animation-education-populaire',
    neighbours: ['culture', 'sport', 'petite-enfance', 'formation', 'sante-action-sociale'],
    name: 'Animation et éducation populaire',
    description:
      'Centres sociaux, foyers ruraux, accueils de loisirs et maisons des jeunes : des lieux pour agir ensemble et apprendre les uns des autres.',
    ofDomain: "de l'animation et de l'éducation populaire",
    activities: [
      'des activités de loisirs pour les enfants pendant les vacances scolaires',
      'des ateliers collectifs et des sorties familiales',
      'un accueil de proximité ouvert à tous les habitants',
      'des projets portés par les jeunes du territoire',
      'des fêtes de quartier et des temps conviviaux',
    ],
    publics: [
      'aux familles',
      'aux jeunes de 11 à 17 ans',
      'aux habitants des quartiers prioritaires',
      'aux enfants et à leurs parents',
    ],
    services: [
      'accueil de loisirs',
      'accompagnement à la scolarité',
      'sorties familiales',
      'ateliers cuisine',
      'point information jeunesse',
      'fêtes de quartier',
    ],
    evocative: [
      "Le Trait d'Union",
      'La Passerelle',
      "Les Copains d'Abord",
      'Vivre Ensemble',
      'La Ruche',
      "L'Escale",
      'Les Mille-Pattes',
    ],
    heads: ['La Maison', 'Le Foyer', 'Les Amis'],
  },
  {
    slug: 'sport',
    neighbours: ['animation-education-populaire', 'sante-action-sociale'],
    name: 'Sport',
    description:
      'Clubs et associations sportives, sport santé et sport adapté : la pratique pour toutes et tous, du loisir à la compétition.',
    ofDomain: 'du sport',
    activities: [
      "la pratique sportive pour tous, de l'initiation à la compétition",
      'des séances de sport santé pour les seniors',
      'des stages sportifs pendant les vacances scolaires',
      'des entraînements hebdomadaires encadrés par des éducateurs diplômés',
      'des activités physiques adaptées aux personnes en situation de handicap',
    ],
    publics: ['aux enfants dès 5 ans', 'aux jeunes', 'aux seniors', 'aux personnes en situation de handicap'],
    services: [
      'entraînements hebdomadaires',
      'école de sport',
      'sport santé',
      'stages pendant les vacances',
      'compétitions départementales',
      'sections loisirs pour adultes',
    ],
    evocative: ['Les Dauphins', 'Les Gazelles', 'Les Faucons', 'Les Sangliers', 'Les Castors', 'Les Aigles'],
    heads: ['Les Archers', 'Les Randonneurs', 'Les Cyclos', 'Les Marcheurs'],
  },
  {
    slug: 'alimentation-durable',
    neighbours: ['environnement-transition-ecologique', 'sante-action-sociale', 'iae'],
    name: 'Alimentation durable',
    description:
      'Épiceries solidaires, AMAP, circuits courts, restauration associative et lutte contre le gaspillage : bien manger, pour tous, avec les producteurs du territoire.',
    ofDomain: "de l'alimentation durable",
    activities: [
      'une épicerie à petits prix pour les ménages aux revenus modestes',
      'des paniers de légumes de saison cultivés par des producteurs locaux',
      'des ateliers de cuisine avec des produits locaux et de saison',
      'des repas partagés et une cuisine ouverte aux habitants',
      'la lutte contre le gaspillage alimentaire',
    ],
    publics: ['aux ménages aux revenus modestes', 'aux familles', 'aux étudiants', 'aux habitants'],
    services: [
      'épicerie à petits prix',
      'paniers de légumes',
      'ateliers cuisine',
      'jardin partagé',
      'repas partagés',
      'collecte des invendus',
    ],
    evocative: [
      'Le Panier Solidaire',
      'La Table Partagée',
      'Le Potager',
      'La Marmite',
      'Le Pain Partagé',
      'Au Bon Panier',
      'La Cagette',
    ],
    heads: ['Les Paniers', 'Les Saveurs', 'La Table', 'Les Jardins'],
  },
  {
    slug: 'mobilite',
    neighbours: ['iae', 'environnement-transition-ecologique', 'sante-action-sociale'],
    name: 'Mobilité',
    description:
      "Garages solidaires, auto-écoles sociales, vélo-écoles et transport solidaire : se déplacer pour travailler, se soigner et sortir de l'isolement.",
    ofDomain: 'de la mobilité',
    activities: [
      'la réparation de véhicules à prix solidaires',
      "la location de voitures et de scooters aux personnes en recherche d'emploi",
      "l'apprentissage du vélo pour les adultes",
      'la préparation au permis de conduire pour les publics en insertion',
      'du transport à la demande pour les personnes isolées',
    ],
    publics: [
      "aux personnes en recherche d'emploi",
      'aux habitants des villages',
      'aux jeunes sans permis',
      'aux personnes âgées isolées',
    ],
    services: [
      'réparation de véhicules',
      'location de voitures à petit prix',
      'vélo-école',
      'code de la route',
      'conseil en mobilité',
      'transport solidaire',
    ],
    evocative: ['Roue Libre', 'En Route', 'Les Deux Roues', 'Bouger Ensemble', 'Cap Mobilité', 'La Bielle Solidaire'],
    heads: ['Les Roues', 'Les Routes'],
  },
  {
    slug: 'habitat-logement',
    neighbours: ['sante-action-sociale', 'environnement-transition-ecologique', 'iae'],
    name: 'Habitat et logement',
    description: 'Accès au logement, habitat participatif, autoréhabilitation et lutte contre la précarité énergétique.',
    ofDomain: "de l'habitat et du logement",
    activities: [
      "l'accompagnement des ménages dans leur recherche de logement",
      "des chantiers d'autoréhabilitation accompagnée",
      'de la gestion locative adaptée',
      'des logements temporaires pour les jeunes travailleurs',
      'des conseils pour lutter contre la précarité énergétique',
    ],
    publics: ['aux ménages en difficulté de logement', 'aux jeunes travailleurs', 'aux propriétaires modestes', 'aux familles'],
    services: [
      'recherche de logement',
      'médiation avec les bailleurs',
      'autoréhabilitation accompagnée',
      "prêt d'outils",
      'diagnostic énergie',
      'logements temporaires',
    ],
    evocative: ['Toit Commun', 'Un Toit pour Tous', 'Le Toit Solidaire', 'Les Clés du Logement', 'Maison Ouverte', 'Chez Nous'],
    heads: ['Les Toits', 'La Maison', 'Les Bâtisseurs'],
  },
  {
    slug: 'sante-action-sociale',
    neighbours: ['services-a-la-personne', 'habitat-logement', 'animation-education-populaire'],
    name: 'Santé et action sociale',
    description:
      'Accueil et accompagnement des personnes fragiles, prévention, handicap, soutien aux aidants et accès aux soins.',
    ofDomain: "de la santé et de l'action sociale",
    activities: [
      'un accueil de jour pour les personnes sans domicile',
      "de l'écoute et de l'orientation pour les personnes en difficulté",
      "des actions de prévention et d'éducation à la santé",
      "un accompagnement des personnes en situation de handicap vers l'autonomie",
      'du soutien aux aidants familiaux',
    ],
    publics: [
      'aux personnes en situation de précarité',
      'aux personnes en situation de handicap',
      'aux aidants familiaux',
      'aux jeunes en difficulté',
    ],
    services: [
      'accueil de jour',
      'écoute et orientation',
      'ateliers de prévention',
      'groupes de parole',
      'soutien aux aidants',
      'accompagnement aux soins',
    ],
    evocative: ["L'Arc-en-Ciel", 'Le Phare', "L'Oasis", "L'Envol", "Le Fil d'Ariane", 'La Boussole', 'Le Refuge'],
    heads: ['Le Relais', "L'Accueil", 'La Maison'],
  },
  {
    slug: 'numerique',
    neighbours: ['formation', 'animation-education-populaire', 'iae'],
    name: 'Numérique',
    description:
      'Médiation numérique, accès aux droits en ligne, reconditionnement de matériel et fabrication numérique ouverte à tous.',
    ofDomain: 'du numérique',
    activities: [
      "des ateliers d'initiation à l'informatique et à internet",
      'un accompagnement aux démarches administratives en ligne',
      "le reconditionnement d'ordinateurs pour les familles",
      'un atelier de fabrication numérique ouvert à tous',
      'des permanences de médiation numérique',
    ],
    publics: ['aux seniors', "aux demandeurs d'emploi", 'aux familles sans équipement', 'aux associations du territoire'],
    services: [
      "initiation à l'informatique",
      'aide aux démarches en ligne',
      'ordinateurs reconditionnés',
      'impression 3D',
      'permanences numériques',
      'ateliers smartphone',
    ],
    evocative: ['Clic Solidaire', 'Les Octets Libres', 'La Souris Verte', 'Connexions', 'Pixel et Compagnie', 'Le Bug Heureux'],
    heads: ['Les Ateliers', "L'Atelier"],
  },
  {
    slug: 'finance-solidaire',
    neighbours: ['iae', 'habitat-logement', 'formation'],
    name: 'Finance solidaire',
    description:
      "Microcrédit, épargne solidaire, prêts d'honneur et accompagnement budgétaire : l'argent au service des projets du territoire.",
    ofDomain: 'de la finance solidaire',
    activities: [
      "des microcrédits personnels pour financer un projet d'emploi ou de mobilité",
      "des conseils budgétaires et de l'accompagnement face au surendettement",
      "l'épargne citoyenne au service des entreprises locales",
      "des prêts d'honneur aux créateurs d'entreprise",
    ],
    publics: ["aux créateurs d'entreprise", 'aux ménages fragilisés', 'aux épargnants engagés', 'aux associations employeuses'],
    services: [
      'microcrédit personnel',
      'conseil budgétaire',
      "prêts d'honneur",
      'épargne solidaire',
      'accompagnement des créateurs',
    ],
    evocative: ['La Tirelire Solidaire', 'Le Sou Solidaire', 'Épargne et Partage', 'Le Coup de Pouce'],
    heads: ['Les Épargnants', 'Les Cigales'],
  },
  {
    slug: 'petite-enfance',
    neighbours: ['animation-education-populaire', 'services-a-la-personne', 'sante-action-sociale'],
    name: 'Petite enfance',
    description: "Crèches associatives et parentales, lieux d'accueil enfants-parents, relais petite enfance et ludothèques.",
    ofDomain: 'de la petite enfance',
    activities: [
      'un accueil collectif des jeunes enfants de 10 semaines à 4 ans',
      "des temps d'éveil et de jeu pour les tout-petits et leurs parents",
      'un lieu de ressources pour les assistantes maternelles',
      "des horaires d'accueil adaptés aux parents qui travaillent en horaires décalés",
      'le prêt de jeux et des soirées ludiques en famille',
    ],
    publics: [
      'aux jeunes parents',
      'aux familles',
      'aux assistantes maternelles',
      'aux parents qui travaillent en horaires décalés',
    ],
    services: [
      'accueil régulier',
      'accueil occasionnel',
      "ateliers d'éveil",
      'relais des assistantes maternelles',
      'ludothèque',
      'soutien à la parentalité',
    ],
    evocative: [
      'Les Petits Loups',
      'Les Lucioles',
      "Les P'tits Bouts",
      'Les Coccinelles',
      'Le Nid',
      'Les Bambins',
      'Pirouette',
      'Les Marmousets',
    ],
    heads: ['Les Petits', 'La Maison des Enfants', 'Les Bambins'],
  },
];

export const SECTOR_BY_SLUG: ReadonlyMap<SectorSlug, SectorVocabulary> = new Map(SECTORS.map((s) => [s.slug, s]));

export function sectorVocabulary(slug: SectorSlug): SectorVocabulary {
  const s = SECTOR_BY_SLUG.get(slug);
  if (!s) throw new Error(`Unknown sector ${slug}`);
  return s;
}

/** Evocative names that suit any sector. */
export const GENERIC_EVOCATIVE: readonly string[] = [
  'Horizons Partagés',
  'Ensemble',
  'Le Lien',
  "L'Étincelle",
  'Les Mille Mains',
  'Le Pas de Côté',
  "L'Entre-Deux",
  'Les Colibris',
  'La Clé des Champs',
  'Le Grain de Sel',
  'Les Racines',
  'Le Chemin Vert',
  'Solidarités Nouvelles',
  'Le Cercle',
];

export const GENERIC_HEADS: readonly string[] = [
  'Les Amis',
  'La Maison',
  'Le Relais',
  'Les Ateliers',
  'Le Collectif',
  'La Fabrique',
  'Les Chemins',
];

/** Place complements of each EPCI ("Ressourcerie du Val de Sambre"). */
export const TERRITORY_COMPLEMENTS: Readonly<Record<string, readonly string[]>> = {
  '200043396': ['du Val de Sambre', 'de la Sambre', 'des Bords de Sambre', 'de la Vallée de la Sambre'],
  '200043321': ['du Pays de Mormal', 'de Mormal', 'de la Forêt de Mormal', 'du Pays quercitain', 'de la Rhonelle'],
  '200043404': ['du Sud Avesnois', 'de la Fagne', 'de Thiérache', 'des Trois Vallées'],
  '200043263': ["de l'Avesnois", 'du Bocage avesnois', "de l'Helpe", 'des Deux Helpe', "du Cœur de l'Avesnois"],
};
export const REGIONAL_COMPLEMENTS: readonly string[] = ['de Sambre-Avesnois', "de l'Avesnois", 'du Hainaut'];

// --------------------------------------------------------- structure archetypes

export type FamilyGroup = 'ASSOCIATION' | 'COOPERATIVE' | 'MUTUELLE' | 'FONDATION' | 'ENTREPRISE';
export type SizeProfile = 'SMALL' | 'MEDIUM' | 'LARGE';

/** Weights of the name complement after the noun: commune, EPCI territory, evocative name. */
export type NamingWeights = readonly [commune: number, territory: number, evocative: number];

/** A kind of structure: one line of the table below. */
export interface Archetype {
  group: FamilyGroup;
  sector: SectorSlug;
  /** Name heads ("Ressourcerie"); '' means the name is the evocative part alone. */
  nouns: readonly string[];
  /** NAF rév. 2 codes. */
  naf: readonly string[];
  /** INSEE legal categories and their weights (default by group when absent). */
  legal?: ReadonlyArray<readonly [string, number]>;
  size: SizeProfile;
  /** Relative weight within its group. */
  weight: number;
  naming?: NamingWeights;
  /** Likely secondary sectors. */
  related?: readonly SectorSlug[];
  /** Replaces the sector's activities in the description. */
  activities?: readonly string[];
  /** Replaces the sector's services. */
  services?: readonly string[];
}

const CLUBS = [
  'Union sportive',
  'Football club',
  'Handball club',
  'Judo club',
  'Tennis club',
  'Basket club',
  'Club de gymnastique',
  'Club de randonnée',
  'Club cycliste',
  "Club de tir à l'arc",
  'Club de natation',
  'Association sportive',
  'Cercle de tennis de table',
  'Club de badminton',
];

// prettier-ignore
export const ARCHETYPES: readonly Archetype[] = [
  // ---- associations
  { group: 'ASSOCIATION', sector: 'services-a-la-personne', nouns: ["Association d'aide à domicile", "Service d'aide à domicile", 'Aide et services à domicile'], naf: ['88.10A'], size: 'LARGE', weight: 5, naming: [5, 3, 1], related: ['sante-action-sociale'] },
  { group: 'ASSOCIATION', sector: 'services-a-la-personne', nouns: ['Portage de repas', 'Services aux familles'], naf: ['88.10A', '56.29B'], size: 'MEDIUM', weight: 2, naming: [3, 2, 2], related: ['alimentation-durable'], activities: ['du portage de repas à domicile, sept jours sur sept', "de l'aide aux familles pour la garde d'enfants et l'entretien du logement"] },
  { group: 'ASSOCIATION', sector: 'iae', nouns: ["Chantier d'insertion", "Atelier chantier d'insertion"], naf: ['81.30Z', '88.99B'], legal: [['9221', 6], ['9220', 4]], size: 'LARGE', weight: 5, naming: [2, 2, 5], related: ['environnement-transition-ecologique', 'formation'], activities: ["des chantiers d'insertion en entretien d'espaces verts et de sentiers de randonnée", "des chantiers d'insertion en maraîchage biologique", "des chantiers d'insertion en second œuvre du bâtiment", "des parcours d'insertion pour des personnes éloignées de l'emploi"] },
  { group: 'ASSOCIATION', sector: 'iae', nouns: ['Association intermédiaire'], naf: ['78.30Z'], legal: [['9222', 1]], size: 'MEDIUM', weight: 3, naming: [3, 3, 3], related: ['services-a-la-personne'], activities: ["des mises à disposition de salariés en parcours d'insertion auprès des particuliers et des collectivités", "des missions de travail encadrées, assorties d'un accompagnement social et professionnel"] },
  { group: 'ASSOCIATION', sector: 'iae', nouns: ['Régie de quartier'], naf: ['81.10Z', '88.99B'], legal: [['9221', 1]], size: 'MEDIUM', weight: 2, naming: [4, 0, 2], related: ['habitat-logement'], activities: ["l'entretien des espaces communs des quartiers avec des habitants en parcours d'insertion", 'des services de proximité qui créent du lien entre habitants, bailleurs et commune'] },
  { group: 'ASSOCIATION', sector: 'formation', nouns: ['Atelier de savoirs sociolinguistiques', 'Centre de formation', 'Université populaire', 'Atelier pédagogique'], naf: ['85.59A', '85.59B'], size: 'MEDIUM', weight: 5, naming: [3, 3, 3], related: ['iae', 'animation-education-populaire'] },
  { group: 'ASSOCIATION', sector: 'environnement-transition-ecologique', nouns: ['Ressourcerie', 'Recyclerie'], naf: ['38.32Z', '47.79Z'], size: 'MEDIUM', weight: 4, naming: [3, 3, 3], related: ['iae'], activities: ["la collecte, la réparation et la revente d'objets de seconde main", 'des animations de sensibilisation au réemploi et à la réduction des déchets'] },
  { group: 'ASSOCIATION', sector: 'environnement-transition-ecologique', nouns: ['Repair café'], naf: ['94.99Z'], size: 'SMALL', weight: 2, naming: [5, 1, 1], activities: ["des ateliers de réparation d'objets du quotidien animés par des bénévoles", 'des rendez-vous mensuels pour apprendre à réparer plutôt que jeter'], services: ['réparation de petit électroménager', 'couture', 'réparation de vélos', 'conseils pour entretenir ses objets'] },
  { group: 'ASSOCIATION', sector: 'environnement-transition-ecologique', nouns: ['Association', 'Collectif', 'Association de sauvegarde du bocage', 'Association de protection de la nature'], naf: ['94.99Z', '91.04Z'], size: 'SMALL', weight: 3, naming: [2, 3, 3], activities: ["la plantation et l'entretien de haies bocagères", 'des sorties nature et des inventaires participatifs de la faune et de la flore', 'des animations de sensibilisation au tri et à la réduction des déchets'] },
  { group: 'ASSOCIATION', sector: 'environnement-transition-ecologique', nouns: ['Jardins partagés', 'Jardin solidaire'], naf: ['01.13Z', '94.99Z'], size: 'SMALL', weight: 2, naming: [4, 1, 2], related: ['alimentation-durable'], activities: ['des parcelles de jardin partagées entre habitants', 'des ateliers de jardinage au naturel et de compostage'], services: ['parcelles individuelles', 'jardin collectif', 'compostage partagé', 'ateliers de jardinage', 'troc de graines'] },
  { group: 'ASSOCIATION', sector: 'culture', nouns: ['Compagnie', 'Compagnie théâtrale', 'Troupe'], naf: ['90.01Z'], size: 'SMALL', weight: 4, naming: [0, 0, 1], activities: ['des spectacles vivants en milieu rural', 'des ateliers de théâtre pour les enfants et les adultes'], services: ['spectacles', 'ateliers de théâtre', "résidences d'artistes", 'interventions en milieu scolaire'] },
  { group: 'ASSOCIATION', sector: 'culture', nouns: ['Harmonie', 'Chorale', 'École de musique', 'Société de musique'], naf: ['90.01Z', '85.52Z'], size: 'SMALL', weight: 4, naming: [6, 1, 1], activities: ['des cours de musique et des répétitions ouvertes', 'des concerts lors des fêtes et des cérémonies de la commune'], services: ["cours d'instruments", 'formation musicale', 'concerts', 'chorale', "prêt d'instruments"] },
  { group: 'ASSOCIATION', sector: 'culture', nouns: ['Café culturel', 'Cinéma associatif', 'Festival'], naf: ['90.04Z', '59.14Z', '56.30Z'], size: 'SMALL', weight: 3, naming: [2, 2, 3], related: ['animation-education-populaire'], activities: ['des projections de films suivies de débats', 'des concerts et des spectacles dans un lieu convivial', "un festival de musique et d'arts de rue chaque été"], services: ['projections', 'concerts', 'spectacles', 'expositions', 'buvette associative'] },
  { group: 'ASSOCIATION', sector: 'culture', nouns: ["Cercle d'histoire locale", "Société d'histoire", 'Les Amis du patrimoine'], naf: ['91.02Z', '94.99Z'], size: 'SMALL', weight: 3, naming: [5, 2, 0], activities: ['la mise en valeur du patrimoine local', "des recherches et des publications sur l'histoire de la commune"], services: ['visites du patrimoine', 'conférences', 'expositions', "publications d'histoire locale", 'archives ouvertes au public'] },
  { group: 'ASSOCIATION', sector: 'animation-education-populaire', nouns: ['Centre social', 'Centre socioculturel', 'Espace de vie sociale'], naf: ['88.99B'], size: 'MEDIUM', weight: 5, naming: [5, 0, 3], related: ['sante-action-sociale', 'petite-enfance'] },
  { group: 'ASSOCIATION', sector: 'animation-education-populaire', nouns: ['Maison des jeunes et de la culture', 'Foyer rural', 'Comité des fêtes'], naf: ['94.99Z', '93.29Z'], size: 'SMALL', weight: 5, naming: [1, 0, 0], related: ['culture'], activities: ['des fêtes de village et des temps conviviaux', 'des activités de loisirs, de culture et de sport pour tous les âges'] },
  { group: 'ASSOCIATION', sector: 'animation-education-populaire', nouns: ['Accueil de loisirs', 'Centre de loisirs', 'Association', 'Association familiale'], naf: ['88.91B', '94.99Z'], size: 'SMALL', weight: 3, naming: [3, 1, 3], related: ['petite-enfance'], activities: ['des activités de loisirs pour les enfants pendant les vacances scolaires', 'des ateliers collectifs et des sorties familiales'] },
  { group: 'ASSOCIATION', sector: 'sport', nouns: CLUBS, naf: ['93.12Z'], size: 'SMALL', weight: 15, naming: [10, 2, 1] },
  { group: 'ASSOCIATION', sector: 'sport', nouns: ['Sport santé', 'Association de sport adapté', 'Handisport'], naf: ['93.12Z', '93.19Z'], size: 'SMALL', weight: 3, naming: [3, 3, 1], related: ['sante-action-sociale'], activities: ['des séances de sport santé pour les seniors', 'des activités physiques adaptées aux personnes en situation de handicap'] },
  { group: 'ASSOCIATION', sector: 'alimentation-durable', nouns: ['Épicerie solidaire', 'Épicerie sociale'], naf: ['47.11B', '88.99B'], size: 'MEDIUM', weight: 4, naming: [5, 2, 2], related: ['sante-action-sociale'], activities: ['une épicerie à petits prix pour les ménages aux revenus modestes', 'des ateliers de cuisine avec des produits locaux et de saison'] },
  { group: 'ASSOCIATION', sector: 'alimentation-durable', nouns: ['AMAP'], naf: ['94.99Z'], size: 'SMALL', weight: 2, naming: [3, 2, 2], activities: ["des paniers de légumes de saison cultivés par des producteurs locaux, avec un engagement solidaire d'une saison"] },
  { group: 'ASSOCIATION', sector: 'alimentation-durable', nouns: ['Restaurant associatif', 'Cuisine partagée', 'Table solidaire'], naf: ['56.10A'], size: 'SMALL', weight: 2, naming: [2, 2, 3], activities: ['des repas partagés et une cuisine ouverte aux habitants', 'la lutte contre le gaspillage alimentaire'] },
  { group: 'ASSOCIATION', sector: 'mobilite', nouns: ['Garage solidaire', 'Plateforme mobilité'], naf: ['45.20A', '88.99B'], size: 'MEDIUM', weight: 2, naming: [3, 3, 2], related: ['iae'], activities: ['la réparation de véhicules à prix solidaires', "la location de voitures et de scooters aux personnes en recherche d'emploi", 'du conseil en mobilité pour les personnes en insertion'] },
  { group: 'ASSOCIATION', sector: 'mobilite', nouns: ['Auto-école sociale'], naf: ['85.53Z'], size: 'SMALL', weight: 1, naming: [3, 2, 2], activities: ['la préparation au permis de conduire pour les publics en insertion'], services: ['code de la route', 'leçons de conduite', 'évaluation de départ', "accompagnement à l'examen"] },
  { group: 'ASSOCIATION', sector: 'mobilite', nouns: ['Atelier vélo', 'Vélo-école'], naf: ['95.29Z', '94.99Z'], size: 'SMALL', weight: 1, naming: [3, 1, 2], related: ['environnement-transition-ecologique'], activities: ["l'apprentissage du vélo pour les adultes", 'un atelier participatif de réparation de vélos'], services: ['vélo-école', 'atelier de réparation', "vente de vélos d'occasion", 'balades à vélo'] },
  { group: 'ASSOCIATION', sector: 'habitat-logement', nouns: ['Boutique logement', 'Agence immobilière à vocation sociale', "Association d'aide au logement"], naf: ['68.31Z', '88.99B'], size: 'MEDIUM', weight: 2, naming: [2, 3, 1], related: ['sante-action-sociale'], activities: ["l'accompagnement des ménages dans leur recherche de logement", 'de la gestion locative adaptée', 'des conseils pour lutter contre la précarité énergétique'] },
  { group: 'ASSOCIATION', sector: 'habitat-logement', nouns: ['Foyer de jeunes travailleurs', 'Résidence sociale', 'Habitat partagé'], naf: ['55.90Z', '87.90B'], size: 'MEDIUM', weight: 2, naming: [4, 1, 1], activities: ['des logements temporaires pour les jeunes travailleurs', 'un habitat accompagné pour les personnes isolées'] },
  { group: 'ASSOCIATION', sector: 'habitat-logement', nouns: ["Atelier d'autoréhabilitation", 'Bricothèque'], naf: ['43.39Z', '94.99Z'], size: 'SMALL', weight: 1, naming: [2, 2, 2], activities: ["des chantiers d'autoréhabilitation accompagnée", "le prêt d'outils et des conseils pour rénover son logement"] },
  { group: 'ASSOCIATION', sector: 'sante-action-sociale', nouns: ["Lieu d'accueil", 'Accueil de jour', "Centre d'hébergement"], naf: ['87.90B', '88.99B'], size: 'LARGE', weight: 3, naming: [3, 2, 3], related: ['habitat-logement'], activities: ['un accueil de jour pour les personnes sans domicile', "un hébergement d'urgence et un accompagnement vers le logement"] },
  { group: 'ASSOCIATION', sector: 'sante-action-sociale', nouns: ['Point écoute', 'Association de prévention', "Groupe d'entraide mutuelle"], naf: ['88.99B', '94.99Z'], size: 'SMALL', weight: 3, naming: [2, 2, 3], activities: ["de l'écoute et de l'orientation pour les personnes en difficulté", "des actions de prévention et d'éducation à la santé", "un lieu d'entraide entre personnes qui vivent avec des troubles psychiques"] },
  { group: 'ASSOCIATION', sector: 'sante-action-sociale', nouns: ["Établissement et service d'aide par le travail", "Service d'accompagnement à la vie sociale"], naf: ['88.10C', '87.90B'], size: 'LARGE', weight: 2, naming: [3, 3, 2], related: ['iae'], activities: ["un accompagnement des personnes en situation de handicap vers l'autonomie", 'des activités de travail adaptées aux personnes en situation de handicap'] },
  { group: 'ASSOCIATION', sector: 'numerique', nouns: ['Espace public numérique', 'Fab lab', 'Atelier informatique', 'Médiation numérique'], naf: ['85.59B', '94.99Z', '95.11Z'], size: 'SMALL', weight: 4, naming: [3, 2, 3], related: ['formation'] },
  { group: 'ASSOCIATION', sector: 'finance-solidaire', nouns: ["Club d'épargne solidaire", 'Association pour le microcrédit', 'Point conseil budget'], naf: ['64.92Z', '88.99B', '94.99Z'], size: 'SMALL', weight: 2, naming: [2, 3, 2] },
  { group: 'ASSOCIATION', sector: 'petite-enfance', nouns: ['Crèche parentale', 'Multi-accueil', 'Halte-garderie', "Lieu d'accueil enfants-parents", 'Micro-crèche'], naf: ['88.91A'], size: 'MEDIUM', weight: 5, naming: [3, 1, 5], related: ['animation-education-populaire'], activities: ['un accueil collectif des jeunes enfants de 10 semaines à 4 ans', "des horaires d'accueil adaptés aux parents qui travaillent en horaires décalés"] },
  { group: 'ASSOCIATION', sector: 'petite-enfance', nouns: ['Ludothèque', 'Relais petite enfance'], naf: ['88.91A', '93.29Z'], size: 'SMALL', weight: 2, naming: [3, 2, 2], activities: ['le prêt de jeux et des soirées ludiques en famille', 'un lieu de ressources pour les assistantes maternelles', "des temps d'éveil et de jeu pour les tout-petits et leurs parents"] },
  // ---- cooperatives
  { group: 'COOPERATIVE', sector: 'habitat-logement', nouns: ['SCOP'], naf: ['43.32A', '43.22A', '41.20B', '43.39Z'], legal: [['5458', 1]], size: 'MEDIUM', weight: 3, naming: [0, 1, 4], related: ['environnement-transition-ecologique'], activities: ["des travaux de menuiserie et d'isolation en matériaux biosourcés", 'la rénovation énergétique des maisons individuelles', 'la construction de maisons à ossature bois'], services: ['menuiserie', 'isolation en matériaux biosourcés', 'rénovation énergétique', 'charpente', 'conseil aux particuliers'] },
  { group: 'COOPERATIVE', sector: 'environnement-transition-ecologique', nouns: ['SCOP'], naf: ['81.30Z', '71.12B'], legal: [['5458', 1]], size: 'MEDIUM', weight: 2, naming: [0, 1, 4], activities: ["la création et l'entretien d'espaces verts en gestion différenciée", 'des études écologiques pour les collectivités'], services: ["entretien d'espaces verts", 'plantation de haies', 'études écologiques', 'gestion différenciée', 'élagage'] },
  { group: 'COOPERATIVE', sector: 'numerique', nouns: ['SCOP'], naf: ['62.01Z', '62.02A', '73.11Z'], legal: [['5458', 1]], size: 'SMALL', weight: 2, naming: [0, 0, 1], activities: ['la création de sites internet et de logiciels libres pour les associations', "l'accompagnement des petites structures dans leurs choix numériques"], services: ['sites internet', 'logiciels libres', 'hébergement', 'formation aux outils numériques', 'conseil'] },
  { group: 'COOPERATIVE', sector: 'formation', nouns: ["Coopérative d'activité et d'emploi", 'SCOP'], naf: ['70.22Z', '85.59A'], legal: [['5458', 1]], size: 'MEDIUM', weight: 2, naming: [0, 2, 3], activities: ["un cadre coopératif pour tester et développer son activité d'entrepreneur", "des formations à la gestion et à la création d'activité"], services: ["test d'activité", 'accompagnement des entrepreneurs', 'formations à la gestion', 'portage comptable', 'ateliers collectifs'] },
  { group: 'COOPERATIVE', sector: 'culture', nouns: ['SCOP'], naf: ['90.01Z', '74.20Z', '58.11Z'], legal: [['5458', 1]], size: 'SMALL', weight: 1, naming: [0, 0, 1], activities: ["la création graphique, la photographie et l'édition de livres sur le territoire", 'la production de spectacles et de concerts'], services: ['création graphique', 'photographie', 'édition', 'production de spectacles', 'ateliers artistiques'] },
  { group: 'COOPERATIVE', sector: 'alimentation-durable', nouns: ['Épicerie coopérative', 'Coopérative de consommateurs'], naf: ['47.11C', '47.29Z'], legal: [['5560', 1]], size: 'SMALL', weight: 2, naming: [3, 2, 2], activities: ['une épicerie de produits locaux et biologiques gérée par ses membres', 'des achats groupés auprès des producteurs du bocage'] },
  { group: 'COOPERATIVE', sector: 'alimentation-durable', nouns: ['CUMA'], naf: ['01.61Z'], legal: [['6316', 1]], size: 'SMALL', weight: 3, naming: [4, 1, 0], related: ['environnement-transition-ecologique'], activities: ["la mise en commun de matériel agricole entre exploitations voisines"], services: ['matériel de récolte', 'matériel de fenaison', 'entretien des haies', 'épandage', 'chauffeur mutualisé'] },
  { group: 'COOPERATIVE', sector: 'alimentation-durable', nouns: ['Fromagerie coopérative', 'Coopérative laitière', 'Coopérative agricole'], naf: ['10.51C', '46.33Z', '01.41Z'], legal: [['6317', 1]], size: 'MEDIUM', weight: 2, naming: [4, 2, 0], activities: ['la collecte et la transformation du lait des fermes du bocage'], services: ['collecte du lait', 'fabrication de fromages', 'vente directe', 'magasin de producteurs'] },
  { group: 'COOPERATIVE', sector: 'habitat-logement', nouns: ["Coopérative d'habitants"], naf: ['68.20A'], legal: [['5560', 1]], size: 'SMALL', weight: 1, naming: [2, 1, 2], activities: ['un habitat partagé géré collectivement par ses habitants'], services: ['logements en location coopérative', 'salle commune', "chambre d'amis partagée", 'jardin collectif'] },
  { group: 'COOPERATIVE', sector: 'environnement-transition-ecologique', nouns: ['SCIC'], naf: ['35.11Z', '38.32Z'], legal: [['5710', 1]], size: 'SMALL', weight: 2, naming: [0, 1, 3], activities: ["la production d'énergie renouvelable financée par les habitants", 'le réemploi des matériaux de construction'] },
  { group: 'COOPERATIVE', sector: 'mobilite', nouns: ['SCIC'], naf: ['77.11A', '49.39B'], legal: [['5710', 1]], size: 'SMALL', weight: 1, naming: [0, 1, 3], activities: ["l'autopartage et la location de véhicules électriques dans les villages"], services: ['autopartage', 'location de vélos électriques', 'covoiturage', 'conseil en mobilité'] },
  { group: 'COOPERATIVE', sector: 'alimentation-durable', nouns: ['SCIC'], naf: ['46.39B', '56.10A'], legal: [['5710', 1]], size: 'SMALL', weight: 1, naming: [0, 1, 3], activities: ["une plateforme d'approvisionnement local pour la restauration collective"], services: ['approvisionnement des cantines', 'légumerie', 'livraison', 'mise en relation avec les producteurs'] },
  // ---- mutuelles
  { group: 'MUTUELLE', sector: 'sante-action-sociale', nouns: ['Mutuelle', 'Mutuelle familiale', 'Mutuelle santé'], naf: ['65.12Z'], legal: [['8210', 1]], size: 'LARGE', weight: 7, naming: [1, 4, 2], activities: ['une complémentaire santé solidaire et des actions de prévention', "de la prévoyance et de l'action sociale pour ses adhérents"], services: ['complémentaire santé', 'prévoyance', 'action sociale pour les adhérents', 'ateliers de prévention santé', 'tiers payant'] },
  { group: 'MUTUELLE', sector: 'finance-solidaire', nouns: ["Mutuelle d'assurance", "Société d'assurance mutuelle"], naf: ['65.12Z'], legal: [['6411', 1]], size: 'LARGE', weight: 3, naming: [0, 3, 2], activities: ['des assurances à prix juste pour les particuliers et les associations'], services: ['assurance habitation', 'assurance automobile', 'assurance des associations', 'responsabilité civile'] },
  // ---- foundations
  { group: 'FONDATION', sector: 'sante-action-sociale', nouns: ['Fondation'], naf: ['88.99B', '87.30A'], size: 'LARGE', weight: 3, naming: [0, 2, 3] },
  { group: 'FONDATION', sector: 'culture', nouns: ['Fondation'], naf: ['91.02Z', '90.04Z'], size: 'SMALL', weight: 2, naming: [0, 2, 3] },
  { group: 'FONDATION', sector: 'petite-enfance', nouns: ['Fondation'], naf: ['88.91A'], size: 'MEDIUM', weight: 1, naming: [0, 2, 3] },
  { group: 'FONDATION', sector: 'formation', nouns: ['Fondation'], naf: ['85.59A'], size: 'SMALL', weight: 1, naming: [0, 2, 3] },
  { group: 'FONDATION', sector: 'environnement-transition-ecologique', nouns: ['Fondation'], naf: ['91.04Z'], size: 'SMALL', weight: 1, naming: [0, 2, 2] },
  // ---- commercial companies of the ESS
  { group: 'ENTREPRISE', sector: 'iae', nouns: ["Entreprise d'insertion"], naf: ['81.21Z', '81.30Z', '38.11Z'], size: 'MEDIUM', weight: 4, naming: [1, 2, 4], activities: ["des services de nettoyage et d'entretien d'espaces verts assurés par des salariés en parcours d'insertion", "la collecte de déchets d'entreprises avec des salariés en insertion"] },
  { group: 'ENTREPRISE', sector: 'sante-action-sociale', nouns: ['Entreprise adaptée'], naf: ['82.92Z', '81.30Z'], size: 'LARGE', weight: 2, naming: [1, 2, 3], related: ['iae'], activities: ['des emplois adaptés aux travailleurs en situation de handicap, dans le conditionnement et les espaces verts'], services: ['conditionnement', 'mise sous pli', "entretien d'espaces verts", 'sous-traitance industrielle'] },
  { group: 'ENTREPRISE', sector: 'alimentation-durable', nouns: ['', 'Conserverie solidaire'], naf: ['47.11C', '46.31Z', '10.39A'], size: 'SMALL', weight: 3, naming: [0, 1, 3], activities: ['la vente de produits locaux et la transformation des surplus de récolte', 'des paniers de produits fermiers livrés dans les entreprises'] },
  { group: 'ENTREPRISE', sector: 'mobilite', nouns: ['', 'Location solidaire'], naf: ['77.11A', '45.20A'], size: 'SMALL', weight: 2, naming: [0, 1, 3], activities: ['la location de véhicules à petits prix aux personnes qui reprennent un emploi', 'la réparation de véhicules à prix solidaires'] },
  { group: 'ENTREPRISE', sector: 'numerique', nouns: ['', 'Atelier de reconditionnement'], naf: ['95.11Z', '47.41Z'], size: 'SMALL', weight: 2, naming: [0, 1, 3], activities: ["le reconditionnement et la revente d'ordinateurs et de téléphones", 'la collecte du matériel informatique des entreprises'], services: ['ordinateurs reconditionnés', 'téléphones reconditionnés', 'collecte de matériel', 'réparation', 'effacement sécurisé des données'] },
  { group: 'ENTREPRISE', sector: 'environnement-transition-ecologique', nouns: ['', 'Matériauthèque'], naf: ['38.32Z', '46.77Z'], size: 'SMALL', weight: 2, naming: [0, 1, 3], related: ['habitat-logement'], activities: ['la collecte et la revente de matériaux de construction de réemploi'], services: ['matériaux de réemploi', 'dépose soignée', 'conseil aux artisans', 'vente aux particuliers'] },
  { group: 'ENTREPRISE', sector: 'services-a-la-personne', nouns: ['', 'Services à domicile'], naf: ['88.10A', '81.21Z'], size: 'MEDIUM', weight: 2, naming: [1, 1, 3] },
];

/** Default legal categories of a group, with weights (INSEE "catégories juridiques"). */
export const DEFAULT_LEGAL_CATEGORIES: Readonly<Record<FamilyGroup, ReadonlyArray<readonly [string, number]>>> = {
  // 9220 association déclarée, 9230 association reconnue d'utilité publique
  ASSOCIATION: [
    ['9220', 94],
    ['9230', 6],
  ],
  COOPERATIVE: [['5458', 1]],
  MUTUELLE: [['8210', 1]],
  FONDATION: [['9300', 1]],
  // 5710 SAS, 5499 SARL: commercial companies, ESS through the ESUS agrément
  ENTREPRISE: [
    ['5710', 6],
    ['5499', 4],
  ],
};

/** Workforce ranges (INSEE "tranches d'effectifs") and their weights by size profile. */
export const WORKFORCE_WEIGHTS: Readonly<Record<SizeProfile, ReadonlyArray<readonly [string, number]>>> = {
  SMALL: [
    ['NN', 36],
    ['00', 20],
    ['01', 24],
    ['02', 12],
    ['03', 6],
    ['11', 2],
  ],
  MEDIUM: [
    ['NN', 8],
    ['00', 8],
    ['01', 22],
    ['02', 25],
    ['03', 18],
    ['11', 13],
    ['12', 6],
  ],
  LARGE: [
    ['01', 6],
    ['02', 12],
    ['03', 20],
    ['11', 27],
    ['12', 23],
    ['21', 9],
    ['22', 3],
  ],
};

export const SUBJECT_BY_GROUP: Readonly<Record<FamilyGroup, string>> = {
  ASSOCIATION: "l'association",
  COOPERATIVE: 'la coopérative',
  MUTUELLE: 'la mutuelle',
  FONDATION: 'la fondation',
  ENTREPRISE: "l'entreprise",
};

/** Range of foundation years by group (used in descriptions and membership dates). */
export const FOUNDING_YEARS: Readonly<Record<FamilyGroup, readonly [number, number]>> = {
  ASSOCIATION: [1955, 2024],
  COOPERATIVE: [1978, 2024],
  MUTUELLE: [1905, 1995],
  FONDATION: [1965, 2021],
  ENTREPRISE: [1995, 2024],
};

// ------------------------------------------------------------- French helpers

export const ucFirst = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);
export const lcFirst = (s: string): string => (s ? s[0].toLowerCase() + s.slice(1) : s);

/** Communes whose initial H is silent ("d'Hautmont"). */
const ELIDED_H = new Set(['Hautmont']);

/** "de Fourmies", "du Quesnoy", "d'Anor", "de La Longueville". */
export function ofPlace(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈÊÂÎÔ]/.test(name) || ELIDED_H.has(name)) return `d'${name}`;
  return `de ${name}`;
}

/** "à Fourmies", "au Quesnoy", "à La Longueville". */
export function atPlace(name: string): string {
  if (name.startsWith('Le ')) return `au ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `aux ${name.slice(4)}`;
  return `à ${name}`;
}

/** "la solidarité, la coopération et l'ancrage local". */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** Lower-case ASCII kebab-case: "Les Bras Verts" → "les-bras-verts". */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength).replace(/-+$/, '');
}

// ------------------------------------------------------------ name composer

export interface NamePlace {
  communeName: string;
  epciSiren: string;
}

function placeComplement(rng: Prng, place: NamePlace): string {
  const local = TERRITORY_COMPLEMENTS[place.epciSiren] ?? REGIONAL_COMPLEMENTS;
  return rng.chance(0.85) ? rng.pick(local) : rng.pick(REGIONAL_COMPLEMENTS);
}

/**
 * An evocative name, alone ("Les Bras Verts") or as a head with a place ("Les Jardins de la Sambre").
 * After a descriptive noun ("Chantier d'insertion …"), only the sector's own heads are used.
 */
function evocativeName(rng: Prng, sector: SectorVocabulary, place: NamePlace, afterNoun: boolean): string {
  if (rng.chance(afterNoun ? 0.15 : 0.3)) {
    const head = afterNoun || rng.chance(0.7) ? rng.pick(sector.heads) : rng.pick(GENERIC_HEADS);
    const where = rng.chance(0.35) ? ofPlace(place.communeName) : placeComplement(rng, place);
    return `${head} ${where}`;
  }
  return rng.chance(0.75) ? rng.pick(sector.evocative) : rng.pick(GENERIC_EVOCATIVE);
}

const stems = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4)
    .map((w) => w.slice(0, 5));

/** True when the complement repeats a word of the noun ("Jardins partagés Les Jardins…"). */
function repeatsNoun(noun: string, complement: string): boolean {
  const nounStems = new Set(stems(noun));
  return stems(complement).some((w) => nounStems.has(w));
}

/** One candidate name; the caller retries on duplicates. */
export function composeStructureName(rng: Prng, archetype: Archetype, place: NamePlace): string {
  for (let attempt = 0; ; attempt++) {
    const name = composeNameOnce(rng, archetype, place);
    if (name !== null || attempt >= 20)
      return name ?? `${rng.pick(archetype.nouns) || 'Association'} ${ofPlace(place.communeName)}`;
  }
}

function composeNameOnce(rng: Prng, archetype: Archetype, place: NamePlace): string | null {
  const sector = sectorVocabulary(archetype.sector);
  let noun = rng.pick(archetype.nouns);
  // Some associations simply call themselves "Association …", with an evocative name.
  if (archetype.group === 'ASSOCIATION' && archetype.sector !== 'sport' && rng.chance(0.15)) noun = 'Association';
  const [wCommune, wTerritory, wEvocative] =
    noun === '' || noun === 'Association' ? ([0, 0, 1] as const) : (archetype.naming ?? [3, 2, 3]);
  const kind = rng.weighted(['commune', 'territory', 'evocative'] as const, [wCommune, wTerritory, wEvocative]);
  let complement: string;
  if (kind === 'commune') complement = ofPlace(place.communeName);
  else if (kind === 'territory') complement = placeComplement(rng, place);
  else complement = evocativeName(rng, sector, place, noun !== '' && noun !== 'Association');
  if (!noun) return complement;
  return repeatsNoun(noun, complement) ? null : `${noun} ${complement}`;
}

// ------------------------------------------------------ description composer

export interface DescriptionContext {
  group: FamilyGroup;
  archetype: Archetype;
  communeName: string;
  territory: string;
  foundedYear: number;
  secondarySectors: readonly SectorSlug[];
  volunteerCount: number | null;
  esus: boolean;
}

const CLOSINGS_BY_GROUP: Readonly<Record<FamilyGroup, readonly string[]>> = {
  ASSOCIATION: [
    "Elle travaille en lien étroit avec les communes et les autres acteurs de l'ESS du territoire.",
    'Ses activités sont ouvertes à toutes et à tous, sans condition de ressources.',
    "Les adhérents participent chaque année à l'assemblée générale et aux choix des projets.",
  ],
  COOPERATIVE: [
    'Ses associés participent aux décisions selon le principe « une personne, une voix ».',
    "Les excédents sont en grande partie réinvestis dans l'outil de travail et les emplois locaux.",
    'Salariés, usagers et partenaires locaux siègent ensemble à son assemblée générale.',
  ],
  MUTUELLE: [
    'Ses adhérents élisent leurs délégués et décident ensemble des grandes orientations.',
    'Sans actionnaires, elle réinvestit ses excédents au service de ses adhérents.',
  ],
  FONDATION: [
    'Elle soutient chaque année des projets portés par les associations du territoire.',
    "Elle réunit mécènes, bénévoles et professionnels autour d'une même cause.",
  ],
  ENTREPRISE: [
    'Elle réinvestit la majorité de ses bénéfices dans son projet social.',
    'Elle recrute en priorité des habitants du territoire.',
  ],
};

/** 1 to 3 sentences built from fragments. */
export function composeDescription(rng: Prng, ctx: DescriptionContext): string {
  const sector = sectorVocabulary(ctx.archetype.sector);
  const activities = ctx.archetype.activities ?? sector.activities;
  const activity = rng.pick(activities);
  const subject = SUBJECT_BY_GROUP[ctx.group];
  const at = atPlace(ctx.communeName);
  const intros = [
    `Créée en ${ctx.foundedYear}, ${subject} propose ${activity} ${at}.`,
    `${ucFirst(subject)} développe ${activity} ${at} et dans les communes voisines.`,
    `Depuis ${ctx.foundedYear}, ${subject} propose ${activity} aux habitants ${ctx.territory}.`,
    `Implantée ${at} depuis ${ctx.foundedYear}, ${subject} développe ${activity}.`,
  ];
  const sentences = [rng.pick(intros)];

  if (rng.chance(0.7)) {
    const others = activities.filter((a) => a !== activity);
    const options: string[] = [];
    if (ctx.group === 'ASSOCIATION' || ctx.group === 'FONDATION')
      options.push(`Elle s'adresse en priorité ${rng.pick(sector.publics)}.`);
    if (others.length > 0) options.push(`Elle propose aussi ${rng.pick(others)}.`);
    if (ctx.secondarySectors.length > 0) {
      options.push(`Elle intervient également dans le domaine ${sectorVocabulary(rng.pick(ctx.secondarySectors)).ofDomain}.`);
    }
    if (options.length > 0) sentences.push(rng.pick(options));
  }

  if (rng.chance(0.5)) {
    const closings = [
      ...CLOSINGS_BY_GROUP[ctx.group],
      `Chaque année, près de ${rng.int(3, 60) * 10} personnes bénéficient de ses actions.`,
    ];
    if (ctx.volunteerCount && ctx.volunteerCount >= 5)
      closings.push(`Elle s'appuie sur une équipe de ${ctx.volunteerCount} bénévoles.`);
    if (ctx.esus) closings.push("Elle est agréée entreprise solidaire d'utilité sociale (ESUS).");
    sentences.push(rng.pick(closings));
  }
  return sentences.join(' ');
}

/** "Entraînements hebdomadaires, école de sport et sport santé." */
export function composeServices(rng: Prng, archetype: Archetype): string {
  const pool = archetype.services ?? sectorVocabulary(archetype.sector).services;
  const items = rng.sample(pool, rng.int(2, Math.min(4, pool.length)));
  return `${ucFirst(frenchList(items))}.`;
}

export const VALUES: readonly string[] = [
  'la solidarité',
  'la coopération',
  'la gouvernance démocratique',
  "l'utilité sociale",
  "l'ancrage local",
  'la transparence',
  "l'égalité entre les femmes et les hommes",
  "le respect de l'environnement",
  'la dignité des personnes',
  "le pouvoir d'agir des habitants",
  'la lucrativité limitée',
  'la convivialité',
  "l'entraide",
  "l'éducation populaire",
];

export function composeValues(rng: Prng): string {
  const [a, b, c] = rng.sample(VALUES, 3);
  const templates = [
    `Nous plaçons ${a} et ${b} au cœur de notre projet.`,
    `Notre action repose sur ${frenchList([a, b, c])}.`,
    `${ucFirst(a)} et ${b} : ce sont les valeurs qui guident nos bénévoles et nos salariés au quotidien.`,
    `Nous croyons à ${a}, à ${b} et à ${c}.`,
    `${ucFirst(a)}, ${b} et ${c} figurent dans nos statuts et se vivent au quotidien.`,
  ];
  return rng
    .pick(templates)
    .replace(/à le /g, 'au ')
    .replace(/à les /g, 'aux ');
}

// ------------------------------------------------------------------ persons

export type Gender = 'F' | 'M';

export const FIRST_NAMES: Readonly<Record<Gender, readonly string[]>> = {
  F: [
    'Marie',
    'Nathalie',
    'Isabelle',
    'Sylvie',
    'Catherine',
    'Sandrine',
    'Céline',
    'Aurélie',
    'Émilie',
    'Julie',
    'Camille',
    'Léa',
    'Manon',
    'Chloé',
    'Sarah',
    'Laura',
    'Pauline',
    'Mélanie',
    'Virginie',
    'Karine',
    'Fatima',
    'Samia',
    'Nadia',
    'Yasmina',
    'Agnieszka',
    'Monique',
    'Françoise',
    'Brigitte',
    'Hélène',
    'Anaïs',
    'Élodie',
    'Justine',
    'Clémence',
    'Inès',
    'Aïcha',
    'Maëlle',
    'Océane',
    'Ophélie',
    'Gaëlle',
    'Solène',
  ],
  M: [
    'Jean',
    'Philippe',
    'Michel',
    'Thierry',
    'Pascal',
    'Christophe',
    'Frédéric',
    'Olivier',
    'Stéphane',
    'Sébastien',
    'Nicolas',
    'Julien',
    'Maxime',
    'Thomas',
    'Antoine',
    'Kévin',
    'Romain',
    'Florian',
    'Hugo',
    'Lucas',
    'Karim',
    'Mehdi',
    'Rachid',
    'Youssef',
    'Grégory',
    'Jérôme',
    'Bernard',
    'Daniel',
    'Gérard',
    'Francis',
    'Mathieu',
    'Benoît',
    'Damien',
    'Jérémy',
    'Loïc',
    'Mamadou',
    'Jonathan',
    'Rémi',
    'Cédric',
    'Théo',
  ],
};

export const LAST_NAMES: readonly string[] = [
  'Lefebvre',
  'Dubois',
  'Leroy',
  'Delattre',
  'Dupont',
  'Lemaire',
  'Delcourt',
  'Carpentier',
  'Lecomte',
  'Wattiez',
  'Dhainaut',
  'Lesage',
  'Vandenberghe',
  'Delhaye',
  'Dehon',
  'Caron',
  'Duhamel',
  'Legrand',
  'Hennebert',
  'Lambert',
  'Bernard',
  'Petit',
  'Martin',
  'Mercier',
  'Deloffre',
  'Foucart',
  'Lenglet',
  'Trinel',
  'Gosselin',
  'Fontaine',
  'Kowalski',
  'Nowak',
  'Lewandowski',
  'Wiśniewski',
  'Benali',
  'Haddad',
  'Mansouri',
  'Bouzid',
  'Rossi',
  'Ferreira',
  'Da Silva',
  'Diallo',
  'Traoré',
  'Nguyen',
  'Moreau',
  'Roussel',
  'Delvaux',
  'Houzé',
  'Malaquin',
  'Quennesson',
  'Bracq',
  'Demarcq',
  'Lefort',
  'Druart',
  'Copin',
  'Deprez',
  'Sauvage',
  'Tison',
  'Vasseur',
  'Leclercq',
];

/** Pick the masculine or feminine form. */
export const byGender = (g: Gender, masculine: string, feminine: string): string => (g === 'F' ? feminine : masculine);

/** Job titles of a structure's contact person, by group: [masculine, feminine]. */
export const CONTACT_TITLES: Readonly<Record<FamilyGroup, ReadonlyArray<readonly [string, string]>>> = {
  ASSOCIATION: [
    ['Président', 'Présidente'],
    ['Trésorier', 'Trésorière'],
    ['Secrétaire', 'Secrétaire'],
    ['Directeur', 'Directrice'],
    ['Coordinateur', 'Coordinatrice'],
    ['Chargé de mission', 'Chargée de mission'],
    ['Responsable des bénévoles', 'Responsable des bénévoles'],
  ],
  COOPERATIVE: [
    ['Gérant', 'Gérante'],
    ['Cogérant', 'Cogérante'],
    ['Directeur général', 'Directrice générale'],
    ['Président', 'Présidente'],
  ],
  MUTUELLE: [
    ['Directeur', 'Directrice'],
    ['Président', 'Présidente'],
    ["Responsable d'agence", "Responsable d'agence"],
  ],
  FONDATION: [
    ['Délégué général', 'Déléguée générale'],
    ['Président', 'Présidente'],
    ['Chargé de projets', 'Chargée de projets'],
  ],
  ENTREPRISE: [
    ['Dirigeant', 'Dirigeante'],
    ['Directeur', 'Directrice'],
    ["Responsable d'exploitation", "Responsable d'exploitation"],
    ["Chargé d'insertion", "Chargée d'insertion"],
  ],
};

export const FACILITATOR_BIOS: readonly ((g: Gender, sectorName: string) => string)[] = [
  (g, s) =>
    `${byGender(g, 'Il', 'Elle')} anime le secteur « ${s} » du pôle territorial : rencontres, ateliers et mise en relation des structures.`,
  (g, s) =>
    `Ancien${byGender(g, '', 'ne')} salarié${byGender(g, '', 'e')} associati${byGender(g, 'f', 've')}, ${byGender(g, 'il', 'elle')} coordonne le secteur « ${s} » et connaît bien les acteurs du territoire.`,
  (g, s) =>
    `Point de contact du secteur « ${s} », ${byGender(g, 'il', 'elle')} accompagne les structures dans leurs projets communs.`,
];

// --------------------------------------------------------------- mentors

export type MentorTheme =
  'GOVERNANCE' | 'BUSINESS_MODEL' | 'HUMAN_RESOURCES' | 'GROWTH' | 'FUNDING' | 'COMMUNICATION' | 'DIGITAL' | 'LEGAL' | 'IMPACT';

export interface MentorProfile {
  job: readonly [masculine: string, feminine: string];
  bio: (g: Gender) => string;
  themes: readonly MentorTheme[];
  offer: { title: string; description: string };
}

export const MENTOR_PROFILES: readonly MentorProfile[] = [
  {
    job: ['Ancien gérant de SCOP', 'Ancienne gérante de SCOP'],
    bio: (g) =>
      `Après vingt ans à la tête d'une SCOP du bâtiment du Val de Sambre, ${byGender(g, 'il', 'elle')} aide les équipes qui veulent reprendre leur entreprise en coopérative.`,
    themes: ['GOVERNANCE', 'BUSINESS_MODEL', 'GROWTH'],
    offer: {
      title: 'Passer en SCOP ou en SCIC : les premiers pas',
      description:
        "Comprendre les statuts coopératifs, associer les salariés et préparer la transformation avec l'union régionale.",
    },
  },
  {
    job: ['Expert-comptable', 'Experte-comptable'],
    bio: (g) =>
      `Expert${byGender(g, '', 'e')}-comptable à Maubeuge, ${byGender(g, 'il', 'elle')} consacre une partie de son temps aux petites associations employeuses.`,
    themes: ['FUNDING', 'BUSINESS_MODEL', 'LEGAL'],
    offer: {
      title: 'Lire ses comptes et bâtir un budget prévisionnel',
      description:
        'Deux à trois rendez-vous pour comprendre son bilan, construire un budget réaliste et anticiper la trésorerie.',
    },
  },
  {
    job: ['Juriste en droit associatif', 'Juriste en droit associatif'],
    bio: (g) =>
      `Juriste de formation, ${byGender(g, 'il', 'elle')} a accompagné des dizaines d'associations dans la révision de leurs statuts.`,
    themes: ['LEGAL', 'GOVERNANCE'],
    offer: {
      title: 'Sécuriser ses statuts et sa gouvernance',
      description:
        "Relire les statuts, clarifier le rôle du bureau et du conseil d'administration, préparer une assemblée générale.",
    },
  },
  {
    job: ['Ancien directeur des ressources humaines', 'Ancienne directrice des ressources humaines'],
    bio: (g) =>
      `Retraité${byGender(g, '', 'e')} d'un grand groupe industriel de la Sambre, ${byGender(g, 'il', 'elle')} met son expérience des ressources humaines au service de l'ESS.`,
    themes: ['HUMAN_RESOURCES', 'GOVERNANCE'],
    offer: {
      title: 'Recruter et fidéliser ses premiers salariés',
      description:
        "Fiche de poste, entretien d'embauche, convention collective, entretien annuel : les bases pour devenir employeur.",
    },
  },
  {
    job: ['Chargé de communication', 'Chargée de communication'],
    bio: (g) =>
      `Chargé${byGender(g, '', 'e')} de communication dans une collectivité, ${byGender(g, 'il', 'elle')} aime aider les petites structures à raconter ce qu'elles font.`,
    themes: ['COMMUNICATION', 'DIGITAL'],
    offer: {
      title: 'Construire son plan de communication',
      description: 'Définir ses publics et ses messages, choisir ses canaux et tenir un calendrier réaliste avec peu de moyens.',
    },
  },
  {
    job: ['Développeur web', 'Développeuse web'],
    bio: (g) =>
      `Développeu${byGender(g, 'r', 'se')} en SCOP, ${byGender(g, 'il', 'elle')} défend les logiciels libres et les outils numériques sobres.`,
    themes: ['DIGITAL'],
    offer: {
      title: 'Choisir ses outils numériques libres',
      description:
        'Site internet, partage de documents, adhésions en ligne : faire le point sur ses besoins et choisir des outils adaptés.',
    },
  },
  {
    job: ["Chargé d'affaires en finance solidaire", "Chargée d'affaires en finance solidaire"],
    bio: (g) =>
      `${byGender(g, 'Il', 'Elle')} instruit depuis dix ans des demandes de prêts et de garanties pour les entreprises de l'ESS des Hauts-de-France.`,
    themes: ['FUNDING', 'GROWTH'],
    offer: {
      title: 'Préparer une demande de financement solidaire',
      description: 'Monter un plan de financement, préparer le dossier et le rendez-vous avec les financeurs solidaires.',
    },
  },
  {
    job: ["Consultant en évaluation d'impact", "Consultante en évaluation d'impact"],
    bio: (g) =>
      `${byGender(g, 'Il', 'Elle')} accompagne les structures qui veulent mesurer et faire connaître leur utilité sociale.`,
    themes: ['IMPACT', 'COMMUNICATION'],
    offer: {
      title: 'Mesurer et valoriser son impact social',
      description: "Choisir quelques indicateurs utiles, collecter les données sans s'épuiser et les présenter aux partenaires.",
    },
  },
  {
    job: ["Directeur de structure d'insertion", "Directrice de structure d'insertion"],
    bio: (g) =>
      `${byGender(g, 'Il', 'Elle')} dirige un atelier chantier d'insertion et partage volontiers ses outils d'accompagnement.`,
    themes: ['HUMAN_RESOURCES', 'BUSINESS_MODEL', 'IMPACT'],
    offer: {
      title: "Créer une activité d'insertion",
      description:
        'Conventionnement, modèle économique, encadrement technique et accompagnement socioprofessionnel : les étapes clés.',
    },
  },
  {
    job: ['Responsable mécénat', 'Responsable mécénat'],
    bio: (g) =>
      `Responsable mécénat d'une fondation d'entreprise, ${byGender(g, 'il', 'elle')} connaît les attentes des entreprises donatrices.`,
    themes: ['FUNDING', 'COMMUNICATION'],
    offer: {
      title: "Développer le mécénat d'entreprise",
      description: 'Identifier les entreprises proches de son projet, préparer la rencontre et fidéliser ses mécènes.',
    },
  },
  {
    job: ["Chef d'entreprise retraité", "Cheffe d'entreprise retraitée"],
    bio: (g) =>
      `${byGender(g, 'Il', 'Elle')} a créé et développé une PME dans l'Avesnois avant de s'engager comme bénévole auprès des porteurs de projets.`,
    themes: ['GROWTH', 'BUSINESS_MODEL', 'FUNDING'],
    offer: {
      title: "Changer d'échelle sans perdre son âme",
      description: 'Essaimer, se regrouper ou grandir : réfléchir à son développement en gardant son projet social au centre.',
    },
  },
  {
    job: ['Formateur en gouvernance partagée', 'Formatrice en gouvernance partagée'],
    bio: (g) =>
      `Format${byGender(g, 'eur', 'rice')} et facilitat${byGender(g, 'eur', 'rice')}, ${byGender(g, 'il', 'elle')} aide les collectifs à mieux décider ensemble.`,
    themes: ['GOVERNANCE', 'HUMAN_RESOURCES'],
    offer: {
      title: 'Animer une gouvernance partagée',
      description:
        'Outils de décision collective, répartition des rôles, place des bénévoles et des salariés dans les instances.',
    },
  },
  {
    job: ['Ancien président de mutuelle', 'Ancienne présidente de mutuelle'],
    bio: (g) =>
      `Élu${byGender(g, '', 'e')} mutualiste pendant quinze ans, ${byGender(g, 'il', 'elle')} s'intéresse à la démocratie interne des structures de l'ESS.`,
    themes: ['GOVERNANCE', 'IMPACT'],
    offer: {
      title: 'Faire vivre la démocratie interne',
      description: 'Mobiliser les adhérents, renouveler les élus et préparer des assemblées générales vivantes.',
    },
  },
  {
    job: ['Chargé de mission protection des données', 'Chargée de mission protection des données'],
    bio: (g) => `${byGender(g, 'Il', 'Elle')} accompagne les associations dans leur mise en conformité avec le RGPD.`,
    themes: ['LEGAL', 'DIGITAL'],
    offer: {
      title: 'Se mettre en conformité avec le RGPD',
      description: 'Registre des traitements, consentement, durée de conservation : une démarche simple et proportionnée.',
    },
  },
  {
    job: ['Coordinateur de réseau bénévole', 'Coordinatrice de réseau bénévole'],
    bio: (g) =>
      `${byGender(g, 'Il', 'Elle')} coordonne depuis longtemps des bénévoles et sait comment les accueillir et les garder.`,
    themes: ['HUMAN_RESOURCES', 'COMMUNICATION'],
    offer: {
      title: 'Recruter et animer des bénévoles',
      description: 'Trouver des bénévoles, les accueillir, leur confier des missions claires et reconnaître leur engagement.',
    },
  },
  {
    job: ['Chargé de développement territorial', 'Chargée de développement territorial'],
    bio: (g) =>
      `${byGender(g, 'Il', 'Elle')} connaît bien les dispositifs publics de soutien à l'ESS et les appels à projets régionaux.`,
    themes: ['FUNDING', 'GROWTH'],
    offer: {
      title: 'Répondre aux appels à projets',
      description: 'Repérer les appels adaptés, rédiger un dossier clair et construire un budget cohérent.',
    },
  },
];

export const MENTOR_AVAILABILITIES: readonly string[] = [
  '2 heures par mois, en soirée',
  'Une demi-journée par mois, en semaine',
  'Le mercredi après-midi, deux fois par mois',
  'En visioconférence, une heure par semaine',
  'Le samedi matin, une fois par mois',
  '3 rendez-vous sur un trimestre',
  'Sur rendez-vous, en fin de journée',
];

// --------------------------------------------------------------- networks

export type NetworkKind = 'REGIONAL_CHAMBER' | 'FEDERATION' | 'LOCAL_NETWORK' | 'NATIONAL_NETWORK' | 'OTHER';
export type NetworkScope = 'LOCAL' | 'DEPARTEMENT' | 'REGION' | 'NATIONAL';

export interface NetworkDefinition {
  slug: string;
  name: string;
  acronym: string | null;
  kind: NetworkKind;
  scope: NetworkScope;
  description: string;
  website: string | null;
  /** Base chance that a structure belongs to it. */
  baseShare: number;
  /** Extra chance by sector or group. */
  affinity?: Partial<Record<SectorSlug | FamilyGroup, number>>;
  /** Founding year, lower bound of membership dates. */
  since: number;
}

export const NETWORKS: readonly NetworkDefinition[] = [
  {
    slug: 'cress-hauts-de-france',
    name: 'CRESS Hauts-de-France',
    acronym: 'CRESS',
    kind: 'REGIONAL_CHAMBER',
    scope: 'REGION',
    description:
      "Chambre régionale de l'économie sociale et solidaire : elle représente les entreprises de l'ESS des Hauts-de-France, observe le secteur et accompagne son développement.",
    website: null,
    baseShare: 0.38,
    affinity: { COOPERATIVE: 0.2, MUTUELLE: 0.4, FONDATION: 0.3, ENTREPRISE: 0.2 },
    since: 2005,
  },
  {
    slug: 'apes-hauts-de-france',
    name: 'APES Hauts-de-France',
    acronym: 'APES',
    kind: 'OTHER',
    scope: 'REGION',
    description:
      "Acteurs pour une économie solidaire : réseau régional d'acteurs, de citoyens et de collectivités engagés pour une économie solidaire, au service des initiatives locales.",
    website: null,
    baseShare: 0.26,
    affinity: { 'alimentation-durable': 0.15, 'environnement-transition-ecologique': 0.1, ENTREPRISE: 0.1 },
    since: 2005,
  },
  {
    slug: 'cotess-sambre-avesnois',
    name: 'COTESS Sambre-Avesnois',
    acronym: 'COTESS',
    kind: 'LOCAL_NETWORK',
    scope: 'LOCAL',
    description:
      "Réseau local des acteurs de l'économie sociale et solidaire de Sambre-Avesnois : rencontres, projets communs et représentation auprès des collectivités.",
    website: null,
    baseShare: 0.12,
    affinity: { iae: 0.1 },
    since: 2012,
  },
  {
    slug: 'urscop-hauts-de-france',
    name: 'Union régionale des Scop et des Scic Hauts-de-France',
    acronym: 'URSCOP',
    kind: 'FEDERATION',
    scope: 'REGION',
    description:
      'Union régionale des sociétés coopératives : accompagnement à la création, à la transmission et au développement des Scop et des Scic.',
    website: null,
    baseShare: 0,
    affinity: { COOPERATIVE: 0.75 },
    since: 1990,
  },
  {
    slug: 'federation-acteurs-solidarite-hauts-de-france',
    name: 'Fédération des acteurs de la solidarité Hauts-de-France',
    acronym: 'FAS',
    kind: 'FEDERATION',
    scope: 'REGION',
    description:
      "Fédération des associations et organismes de lutte contre l'exclusion (anciennement FNARS) : hébergement, accès au logement, insertion et accompagnement social.",
    website: null,
    baseShare: 0,
    affinity: { 'sante-action-sociale': 0.3, 'habitat-logement': 0.3, iae: 0.2 },
    since: 1995,
  },
  {
    slug: 'mouvement-associatif-hauts-de-france',
    name: 'Le Mouvement associatif Hauts-de-France',
    acronym: null,
    kind: 'FEDERATION',
    scope: 'REGION',
    description:
      'Coordination régionale des fédérations et réseaux associatifs : elle porte la voix des associations et soutient la vie associative et le bénévolat.',
    website: null,
    baseShare: 0,
    affinity: { ASSOCIATION: 0.08, 'animation-education-populaire': 0.1 },
    since: 2000,
  },
  {
    slug: 'una',
    name: "UNA – Union nationale de l'aide, des soins et des services aux domiciles",
    acronym: 'UNA',
    kind: 'FEDERATION',
    scope: 'NATIONAL',
    description: "Fédération de structures à but non lucratif de l'aide, des soins et des services à domicile.",
    website: 'https://www.una.fr',
    baseShare: 0,
    affinity: { 'services-a-la-personne': 0.35 },
    since: 1985,
  },
  {
    slug: 'admr',
    name: 'Réseau ADMR',
    acronym: 'ADMR',
    kind: 'NATIONAL_NETWORK',
    scope: 'NATIONAL',
    description:
      'Réseau associatif de services à la personne : aide à domicile, famille, santé et services de proximité, très présent en milieu rural.',
    website: 'https://www.admr.org',
    baseShare: 0,
    affinity: { 'services-a-la-personne': 0.3 },
    since: 1980,
  },
  {
    slug: 'chantier-ecole',
    name: 'Chantier École',
    acronym: null,
    kind: 'NATIONAL_NETWORK',
    scope: 'NATIONAL',
    description:
      "Réseau des ateliers et chantiers d'insertion : professionnalisation des encadrants, échanges de pratiques et représentation des structures.",
    website: null,
    baseShare: 0,
    affinity: { iae: 0.45 },
    since: 1995,
  },
  {
    slug: 'france-active',
    name: 'France Active',
    acronym: null,
    kind: 'NATIONAL_NETWORK',
    scope: 'NATIONAL',
    description:
      "Réseau de financement solidaire : garanties, prêts et accompagnement des entrepreneurs engagés et des structures de l'ESS.",
    website: 'https://www.franceactive.org',
    baseShare: 0.02,
    affinity: { 'finance-solidaire': 0.3, ENTREPRISE: 0.3, COOPERATIVE: 0.1 },
    since: 1990,
  },
  {
    slug: 'mutualite-francaise-hauts-de-france',
    name: 'Mutualité Française Hauts-de-France',
    acronym: null,
    kind: 'FEDERATION',
    scope: 'REGION',
    description:
      "Union régionale des mutuelles santé : prévention, services de soins et d'accompagnement mutualistes, représentation des mutuelles.",
    website: null,
    baseShare: 0,
    affinity: { MUTUELLE: 0.8 },
    since: 1960,
  },
  {
    slug: 'reseau-des-ressourceries',
    name: 'Réseau des ressourceries et recycleries',
    acronym: null,
    kind: 'NATIONAL_NETWORK',
    scope: 'NATIONAL',
    description:
      'Réseau national des structures de réemploi : collecte, valorisation, vente et sensibilisation à la réduction des déchets.',
    website: null,
    baseShare: 0,
    affinity: { 'environnement-transition-ecologique': 0.25 },
    since: 2000,
  },
];

// ------------------------------------------------------- participatory spaces

export type SpaceKind = 'WORKSHOP' | 'CHANTIER' | 'STUDY_DAY';

export interface SpaceDefinition {
  kind: SpaceKind;
  sector: SectorSlug;
  title: string;
  goal: string;
  description: string;
}

export const SPACES: readonly SpaceDefinition[] = [
  // Workshops (ateliers) of the action plan.
  {
    kind: 'WORKSHOP',
    sector: 'culture',
    title: 'Participer à un salon',
    goal: 'Préparer ensemble la présence des structures sur les salons, forums et marchés du territoire.',
    description:
      'Choisir les bons événements, concevoir un stand commun, préparer les supports et le discours, puis faire le bilan des contacts pris.',
  },
  {
    kind: 'WORKSHOP',
    sector: 'sport',
    title: 'Renforcer le bénévolat',
    goal: 'Partager des pratiques pour recruter, accueillir et fidéliser les bénévoles.',
    description:
      "Les clubs et associations échangent leurs difficultés et leurs réussites : missions courtes, accueil des nouveaux, reconnaissance de l'engagement, relève des dirigeants.",
  },
  {
    kind: 'WORKSHOP',
    sector: 'animation-education-populaire',
    title: 'Répondre à un appel à projets',
    goal: 'Savoir repérer les appels à projets adaptés et rédiger un dossier convaincant.',
    description:
      "À partir d'appels à projets réels, les participants travaillent la présentation du projet, les indicateurs, le budget et le calendrier.",
  },
  {
    kind: 'WORKSHOP',
    sector: 'numerique',
    title: 'Rédiger un cahier des charges',
    goal: 'Exprimer clairement un besoin avant de solliciter un prestataire.',
    description:
      "Site internet, logiciel de gestion, travaux : décrire l'existant, les besoins, les contraintes et les critères de choix, avec des modèles à réutiliser.",
  },
  {
    kind: 'WORKSHOP',
    sector: 'services-a-la-personne',
    title: 'Mutualiser un emploi',
    goal: "Explorer les groupements d'employeurs et le partage de postes entre petites structures.",
    description:
      "Les structures qui ne peuvent pas financer un poste à temps plein étudient ensemble les formes juridiques et les conditions d'un emploi partagé.",
  },
  {
    kind: 'WORKSHOP',
    sector: 'formation',
    title: 'Accueillir des volontaires en service civique',
    goal: 'Construire des missions de service civique utiles et bien accompagnées.',
    description:
      'Agrément, définition des missions, tutorat et formation civique et citoyenne : un parcours pas à pas pour les structures qui se lancent.',
  },
  // Chantiers of the action plan.
  {
    kind: 'CHANTIER',
    sector: 'finance-solidaire',
    title: 'Le financement solidaire',
    goal: 'Faire connaître les outils de financement solidaire et faciliter leur accès aux structures du territoire.',
    description:
      "Cartographie des financeurs solidaires, témoignages de structures financées et préparation d'une rencontre annuelle avec les financeurs.",
  },
  {
    kind: 'CHANTIER',
    sector: 'environnement-transition-ecologique',
    title: 'Les emplois verts',
    goal: 'Identifier les métiers de la transition écologique accessibles aux habitants et les parcours qui y mènent.',
    description:
      'Réemploi, entretien du bocage, rénovation énergétique : le chantier recense les besoins des employeurs et les formations disponibles en Sambre-Avesnois.',
  },
  {
    kind: 'CHANTIER',
    sector: 'petite-enfance',
    title: "La garde d'enfants",
    goal: 'Développer des solutions de garde adaptées aux parents en insertion et aux horaires décalés.',
    description:
      "Crèches associatives, assistantes maternelles et structures d'insertion travaillent ensemble sur l'accueil d'urgence et les horaires atypiques.",
  },
  {
    kind: 'CHANTIER',
    sector: 'culture',
    title: 'Le mécénat',
    goal: "Rapprocher les entreprises du territoire et les structures de l'ESS autour du mécénat.",
    description:
      "Mécénat financier, de compétences ou en nature : le chantier prépare un guide et des rencontres entre chefs d'entreprise et associations.",
  },
  {
    kind: 'CHANTIER',
    sector: 'animation-education-populaire',
    title: 'La représentation des SESS',
    goal: "Organiser la représentation des structures de l'ESS dans les instances locales.",
    description:
      'Qui siège où, avec quel mandat et quel retour vers les autres structures : le chantier propose des règles simples de représentation collective.',
  },
  {
    kind: 'CHANTIER',
    sector: 'sante-action-sociale',
    title: "Évaluer l'impact de l'ESS",
    goal: "Construire une méthode commune et légère pour mesurer l'utilité sociale des structures.",
    description:
      "Choix d'indicateurs partagés, tests auprès de structures volontaires et restitution des premiers résultats aux partenaires publics.",
  },
  {
    kind: 'CHANTIER',
    sector: 'iae',
    title: "L'IAE",
    goal: "Renforcer la coopération entre les structures d'insertion par l'activité économique du territoire.",
    description:
      "Parcours des salariés en insertion, relations avec les employeurs classiques, achats responsables des collectivités : un travail commun sur toute la chaîne de l'insertion.",
  },
  // Study days (journées d'études).
  {
    kind: 'STUDY_DAY',
    sector: 'environnement-transition-ecologique',
    title: "L'ESS, moteur de la transition écologique en Sambre-Avesnois",
    goal: "Croiser les regards de chercheurs, d'élus et d'acteurs sur la contribution de l'ESS à la transition écologique.",
    description:
      "Conférences le matin, ateliers l'après-midi et visite d'une ressourcerie : une journée pour partager constats et pistes d'action.",
  },
  {
    kind: 'STUDY_DAY',
    sector: 'alimentation-durable',
    title: "Se nourrir autrement : l'alimentation durable sur le territoire",
    goal: "Faire le point sur l'accès de tous à une alimentation de qualité et sur les circuits courts.",
    description: 'Producteurs, épiceries solidaires, cantines et chercheurs partagent leurs expériences et leurs projets.',
  },
  {
    kind: 'STUDY_DAY',
    sector: 'mobilite',
    title: 'Bouger pour travailler : la mobilité solidaire en milieu rural',
    goal: 'Comprendre les freins à la mobilité des habitants et présenter les solutions solidaires existantes.',
    description:
      "Témoignages, résultats d'enquête et tables rondes avec les garages solidaires, les auto-écoles sociales et les collectivités.",
  },
];

/** Meeting places; `{de}` becomes "de Fourmies", "du Quesnoy"… */
export const PLACES: readonly string[] = [
  'Salle des fêtes {de}',
  'Médiathèque {de}',
  'Centre social {de}',
  'Maison des associations {de}',
  'Salle polyvalente {de}',
  'Espace culturel {de}',
  'Tiers-lieu {de}',
  'Mairie {de}, salle du conseil',
];

export interface DeliverableTemplate {
  kind: 'REPORT' | 'GUIDE' | 'TOOL' | 'EVENT' | 'OTHER';
  title: (topic: string) => string;
  description: string;
}

export const DELIVERABLES: readonly DeliverableTemplate[] = [
  {
    kind: 'REPORT',
    title: (t) => `Compte rendu : ${t}`,
    description: 'Synthèse des échanges et des propositions issues des séances.',
  },
  {
    kind: 'GUIDE',
    title: (t) => `Guide pratique : ${t}`,
    description: 'Fiches repères et bonnes pratiques rédigées avec les structures participantes.',
  },
  {
    kind: 'TOOL',
    title: (t) => `Boîte à outils : ${t}`,
    description: 'Modèles de documents, grilles et listes de vérification réutilisables.',
  },
  {
    kind: 'EVENT',
    title: (t) => `Restitution publique : ${t}`,
    description: "Temps de restitution ouvert aux acteurs de l'ESS et aux partenaires du territoire.",
  },
  {
    kind: 'OTHER',
    title: (t) => `Carnet de contacts : ${t}`,
    description: 'Liste des personnes et des structures ressources identifiées pendant les travaux.',
  },
];

export const SESSION_NOTES: readonly string[] = [
  'Compte rendu envoyé aux participants.',
  'Accueil café dès 8 h 45.',
  'Séance ouverte aux nouvelles structures.',
  'Covoiturage possible depuis Maubeuge.',
  'Salle accessible aux personnes à mobilité réduite.',
];

// ------------------------------------------------------------------ addresses

export const STREETS: readonly string[] = [
  'rue Jean Jaurès',
  'rue de la République',
  'place du Général de Gaulle',
  'rue Victor Hugo',
  'avenue de la Gare',
  'rue Pasteur',
  'rue du Moulin',
  "rue de l'Église",
  'rue Roger Salengro',
  'rue Léo Lagrange',
  'chemin des Prés',
  'rue des Écoles',
  'rue Gambetta',
  'rue Jules Ferry',
  'rue Émile Zola',
  'allée des Tilleuls',
  'rue du Marais',
  'rue Louise Michel',
  'rue Lucie Aubrac',
  'rue Jean Moulin',
  'rue de la Sambre',
  'rue du Bocage',
  'place de la Mairie',
  'rue des Fusillés',
  'rue Henri Barbusse',
  'rue du Calvaire',
];

// ------------------------------------------------------------------ accompaniment of project carriers

/** Fictional projects of carriers the mission accompanies (one each), with the sector they belong to. */
export const CARRIER_PROJECTS: ReadonlyArray<{ sector: SectorSlug; title: string; description: string }> = [
  {
    sector: 'alimentation-durable',
    title: 'Épicerie solidaire itinérante',
    description:
      'Un camion-épicerie qui dessert chaque semaine les villages sans commerce, avec des produits locaux à prix adaptés.',
  },
  {
    sector: 'environnement-transition-ecologique',
    title: 'Recyclerie de jouets et de puériculture',
    description: 'Collecter, réparer et revendre jouets et matériel de puériculture, avec des postes en insertion.',
  },
  {
    sector: 'culture',
    title: 'Café associatif et culturel',
    description: 'Un lieu de rencontre en centre-bourg : concerts, lectures, ateliers et restauration légère.',
  },
  {
    sector: 'mobilite',
    title: 'Atelier vélo participatif',
    description: 'Apprendre à réparer son vélo, remettre en état des vélos donnés et les proposer aux demandeurs d’emploi.',
  },
  {
    sector: 'services-a-la-personne',
    title: 'Conciergerie solidaire de quartier',
    description: 'Petits services du quotidien pour les habitants et les salariés des entreprises voisines.',
  },
  {
    sector: 'petite-enfance',
    title: 'Micro-crèche à horaires atypiques',
    description: 'Accueillir les jeunes enfants des parents qui travaillent tôt le matin, tard le soir ou le week-end.',
  },
  {
    sector: 'iae',
    title: 'Chantier d’insertion en maraîchage biologique',
    description: 'Produire des légumes biologiques vendus en paniers, en accompagnant des personnes éloignées de l’emploi.',
  },
  {
    sector: 'numerique',
    title: 'Tiers-lieu numérique et fab lab',
    description: 'Un espace ouvert pour se former au numérique, fabriquer et réparer, avec des permanences d’aide aux démarches.',
  },
  {
    sector: 'habitat-logement',
    title: 'Habitat partagé intergénérationnel',
    description: 'Des logements pour des seniors autonomes et des jeunes actifs, avec des espaces et des temps partagés.',
  },
  {
    sector: 'mobilite',
    title: 'Coopérative de livraison à vélo',
    description: 'Livrer les commerces de centre-ville à vélo cargo, sous forme de coopérative de salariés.',
  },
  {
    sector: 'environnement-transition-ecologique',
    title: 'Ressourcerie de matériaux du bâtiment',
    description: 'Récupérer les matériaux de chantier réutilisables et les revendre aux particuliers et aux artisans.',
  },
  {
    sector: 'alimentation-durable',
    title: 'Cantine solidaire en circuit court',
    description: 'Des repas à prix libre préparés avec les producteurs du territoire, et des ateliers cuisine.',
  },
  {
    sector: 'sport',
    title: 'Club de sport santé adapté',
    description: 'Des activités physiques adaptées pour les personnes atteintes de maladies chroniques, sur prescription.',
  },
  {
    sector: 'animation-education-populaire',
    title: 'Ludothèque itinérante',
    description: 'Prêter des jeux et animer des après-midis jeux dans les écoles, les centres sociaux et les EHPAD.',
  },
  {
    sector: 'finance-solidaire',
    title: 'Club d’investisseurs solidaires',
    description: 'Réunir l’épargne de citoyens pour financer les petites entreprises de l’ESS du territoire.',
  },
];

export const CARRIER_STAGE_NOTES: readonly string[] = [
  'Premier rendez-vous à la maison de l’ESS.',
  'Étude de marché à compléter.',
  'Budget prévisionnel revu avec la mission.',
  'Statuts en cours de rédaction.',
  'Recherche d’un local en cours.',
];

export const CARRIER_REFERRAL_NOTES: readonly string[] = [
  'Rendez-vous pris pour un premier diagnostic.',
  'Accompagnement au montage financier.',
  'Proposé lors du comité d’orientation.',
  'Hors du champ de la structure : réorientation conseillée.',
];

export const CARRIER_OPINIONS: Readonly<Record<'FAVORABLE' | 'RESERVED' | 'UNFAVORABLE', readonly string[]>> = {
  FAVORABLE: [
    'Projet solide, besoin avéré sur le territoire, porteur motivé et entouré.',
    'Modèle économique crédible ; prévoir un accompagnement sur la gouvernance.',
  ],
  RESERVED: [
    'Besoin réel, mais modèle économique à consolider avant toute demande de financement.',
    'Projet intéressant ; le porteur doit encore constituer une équipe.',
  ],
  UNFAVORABLE: ['Concurrence forte d’une structure existante : un rapprochement est conseillé.'],
};
