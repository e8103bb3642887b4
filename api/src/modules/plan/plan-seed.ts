import type { DataSource } from 'typeorm';
import { queryRow, queryRows, sql } from '../../common/sql/sql';

/**
 * The 15 actions of the hub's action plan, as Essor serves them, with their first
 * objectives and indicators (computed from the graph where it holds the data, entered by
 * hand otherwise). Owners, milestones and targets are then kept by the mission in web-admin.
 */
export const PLAN: ReadonlyArray<{
  number: number;
  title: string;
  owner: string;
  objectives: string[];
  indicators: Array<{ code: string; title: string; unit: string; target?: number; computed?: string }>;
}> = [
  {
    number: 1,
    title: "Annuaire des structures de l'ESS",
    owner: 'Mission territoriale',
    objectives: ['Référencer les structures employeuses du territoire', 'Garder les fiches à jour'],
    indicators: [
      {
        code: 'structures-publiees',
        title: 'Structures publiées dans l’annuaire',
        unit: 'structures',
        target: 520,
        computed: 'STRUCTURES_PUBLISHED',
      },
      {
        code: 'fiches-fraiches',
        title: 'Fiches vérifiées depuis moins d’un an',
        unit: '%',
        target: 80,
        computed: 'STRUCTURES_FRESH_PERCENT',
      },
    ],
  },
  {
    number: 2,
    title: 'Animation des secteurs du réseau territorial',
    owner: 'Animateurs de secteur',
    objectives: ['Un animateur par secteur'],
    indicators: [
      {
        code: 'seances-tenues',
        title: 'Séances d’ateliers, chantiers et journées tenues',
        unit: 'séances',
        target: 40,
        computed: 'WORKSHOP_SESSIONS_HELD',
      },
    ],
  },
  {
    number: 3,
    title: 'Ateliers, chantiers et journées d’études',
    owner: 'Mission territoriale',
    objectives: ['Produire des livrables utiles aux structures'],
    indicators: [
      {
        code: 'participants',
        title: 'Participations (structures et personnes)',
        unit: 'participations',
        target: 300,
        computed: 'SPACE_PARTICIPANTS',
      },
    ],
  },
  {
    number: 4,
    title: 'Accompagnement des porteurs de projet',
    owner: 'Mission territoriale',
    objectives: ['Orienter chaque porteur vers une offre d’accompagnement'],
    indicators: [
      // Projects accompanied, referred with success or mentored: see COMPUTED_INDICATORS_SQL (plan.service.ts).
      {
        code: 'porteurs-accompagnes',
        title: 'Projets de porteurs accompagnés',
        unit: 'projets',
        target: 30,
        computed: 'CARRIERS_SUPPORTED',
      },
    ],
  },
  {
    number: 5,
    title: 'Tutorat entre pairs',
    owner: 'Mission territoriale',
    objectives: ['Mobiliser des tuteurs expérimentés'],
    indicators: [
      { code: 'offres-tutorat', title: 'Offres de tutorat ouvertes', unit: 'offres', target: 20, computed: 'MENTOR_OFFERS_OPEN' },
      {
        code: 'tutorats-en-cours',
        title: 'Tutorats de porteurs de projet en cours',
        unit: 'tutorats',
        target: 10,
        computed: 'MENTORSHIPS_ACTIVE',
      },
    ],
  },
  {
    number: 6,
    title: 'Labo des besoins et des opportunités',
    owner: 'Mission territoriale',
    objectives: ['Faire émerger des idées en quête de porteurs'],
    indicators: [{ code: 'idees-portees', title: 'Idées ayant trouvé un porteur', unit: 'idées', target: 5 }],
  },
  {
    number: 7,
    title: 'Financements solidaires et appels à projets',
    owner: 'Mission territoriale',
    objectives: ['Relayer les outils de financement'],
    indicators: [{ code: 'appels-relayes', title: 'Appels à projets relayés', unit: 'appels', target: 25 }],
  },
  {
    number: 8,
    title: 'Emploi et compétences : vivier de talents',
    owner: 'Mission territoriale',
    objectives: ['Rapprocher offres d’emploi et candidats'],
    indicators: [{ code: 'offres-emploi', title: 'Offres d’emploi publiées', unit: 'offres', target: 50 }],
  },
  {
    number: 9,
    title: 'Plan de formation mutualisé',
    owner: 'Mission territoriale',
    objectives: ['Recenser les besoins de formation'],
    indicators: [{ code: 'besoins-formation', title: 'Besoins de formation recensés', unit: 'besoins', target: 40 }],
  },
  {
    number: 10,
    title: 'Vie associative et bénévolat',
    owner: 'Mission territoriale',
    objectives: ['Réunir l’assemblée locale des associations'],
    indicators: [{ code: 'missions-benevolat', title: 'Missions de bénévolat publiées', unit: 'missions', target: 60 }],
  },
  {
    number: 11,
    title: 'Moments solidaires et rencontres d’entrepreneurs',
    owner: 'Mission territoriale',
    objectives: ['Deux rencontres par an'],
    indicators: [{ code: 'evenements', title: 'Événements organisés', unit: 'événements', target: 6 }],
  },
  {
    number: 12,
    title: 'Sensibilisation des jeunes à l’ESS',
    owner: 'Mission territoriale',
    objectives: ['Ouvrir des lieux de stage et de visite'],
    indicators: [{ code: 'visites', title: 'Visites et interventions en classe', unit: 'visites', target: 20 }],
  },
  {
    number: 13,
    title: "Observatoire de l'ESS",
    owner: 'Mission territoriale',
    objectives: ['Publier le panorama annuel'],
    indicators: [{ code: 'panorama', title: 'Panorama annuel publié', unit: 'oui/non', target: 1 }],
  },
  {
    number: 14,
    title: "Représentation et visibilité de l'ESS",
    owner: 'Comité de pilotage',
    objectives: ['Faire connaître les propositions de la mission'],
    indicators: [
      {
        code: 'propositions-traitees',
        title: 'Propositions du public traitées',
        unit: 'propositions',
        target: 50,
        computed: 'SUBMISSIONS_PROCESSED',
      },
    ],
  },
  {
    number: 15,
    title: 'Pilotage de la mission territoriale',
    owner: 'Comité de pilotage',
    objectives: ['Trois comités de pilotage par an'],
    indicators: [{ code: 'comites', title: 'Comités de pilotage tenus', unit: 'comités', target: 3 }],
  },
];

/** Seeds the plan when there is none (one transaction). */
export async function seedPlan(ds: DataSource): Promise<void> {
  const { n } = (await queryRow(ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM plan_action`))!;
  if (n > 0) return;
  await ds.transaction(async (m) => {
    for (const a of PLAN) {
      const { id } = (await queryRow(
        m,
        sql<{
          id: string;
        }>`INSERT INTO plan_action (number, title, owner) VALUES (${a.number}, ${a.title}, ${a.owner}) RETURNING id`,
      ))!;
      await queryRows(m, sql`INSERT INTO plan_objective (action_id, title) SELECT ${id}, unnest(${a.objectives}::text[])`);
      for (const i of a.indicators) {
        await queryRows(
          m,
          sql`INSERT INTO plan_indicator (action_id, code, title, unit, target, computed_key)
           VALUES (${id}, ${i.code}, ${i.title}, ${i.unit}, ${i.target ?? null}, ${i.computed ?? null})`,
        );
      }
    }
  });
}
