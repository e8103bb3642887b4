import { registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../common/relay/global-id';

export enum SpaceKind {
  WORKSHOP = 'WORKSHOP',
  CHANTIER = 'CHANTIER',
  STUDY_DAY = 'STUDY_DAY',
}
registerEnumType(SpaceKind, {
  name: 'SpaceKind',
  description: 'Atelier, chantier ou journée d’études.',
  valuesConfig: {
    WORKSHOP: { description: 'Atelier' },
    CHANTIER: { description: 'Chantier' },
    STUDY_DAY: { description: "Journée d'études" },
  },
});

export enum SpaceStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SpaceStatus, {
  name: 'SpaceStatus',
  valuesConfig: {
    PLANNED: { description: 'Prévu' },
    ACTIVE: { description: 'En cours' },
    COMPLETED: { description: 'Terminé' },
    CANCELLED: { description: 'Annulé' },
  },
});

/** GraphQL type name of each kind of participatory space. */
export const SPACE_TYPENAME: Record<SpaceKind, 'Workshop' | 'Chantier' | 'StudyDay'> = {
  WORKSHOP: 'Workshop',
  CHANTIER: 'Chantier',
  STUDY_DAY: 'StudyDay',
};

/**
 * One table for the three participatory spaces of the territorial network:
 * workshops (ateliers), chantiers and study days (journées d'études).
 * GraphQL exposes them as three types sharing the ParticipatorySpace interface.
 */
@Entity('participatory_space')
export class ParticipatorySpace {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: SpaceKind;

  @Column({ type: 'bigint' })
  sectorId: string;

  @Column('text')
  title: string;

  @Column('text')
  goal: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: SpaceStatus;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  get __typename(): string {
    return SPACE_TYPENAME[this.kind];
  }

  get nodeId(): string {
    return toGlobalId(SPACE_TYPENAME[this.kind], this.id);
  }
}
