import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

export enum MentorTheme {
  GOVERNANCE = 'GOVERNANCE',
  BUSINESS_MODEL = 'BUSINESS_MODEL',
  HUMAN_RESOURCES = 'HUMAN_RESOURCES',
  GROWTH = 'GROWTH',
  FUNDING = 'FUNDING',
  COMMUNICATION = 'COMMUNICATION',
  DIGITAL = 'DIGITAL',
  LEGAL = 'LEGAL',
  IMPACT = 'IMPACT',
}
registerEnumType(MentorTheme, {
  name: 'MentorTheme',
  valuesConfig: {
    GOVERNANCE: { description: 'Gouvernance' },
    BUSINESS_MODEL: { description: 'Modèle économique' },
    HUMAN_RESOURCES: { description: 'Ressources humaines' },
    GROWTH: { description: 'Croissance, changement d’échelle' },
    FUNDING: { description: 'Financement' },
    COMMUNICATION: { description: 'Communication' },
    DIGITAL: { description: 'Numérique' },
    LEGAL: { description: 'Juridique' },
    IMPACT: { description: "Mesure d'impact" },
  },
});

export enum MentorOfferStatus {
  OPEN = 'OPEN',
  FULL = 'FULL',
  CLOSED = 'CLOSED',
}
registerEnumType(MentorOfferStatus, {
  name: 'MentorOfferStatus',
  valuesConfig: {
    OPEN: { description: 'Disponible' },
    FULL: { description: 'Complet' },
    CLOSED: { description: 'Clos' },
  },
});

@ObjectType({ implements: Node, description: 'Offre de tutorat : un·e tuteur·rice, des thèmes, une disponibilité.' })
@Entity('mentor_offer')
export class MentorOffer {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'bigint' })
  mentorId: string;

  @Field()
  @Column('text')
  title: string;

  @Field(() => [MentorTheme])
  @Column({ type: 'text', array: true })
  themes: MentorTheme[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  availability: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => MentorOfferStatus)
  @Column({ type: 'varchar', length: 8 })
  status: MentorOfferStatus;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Last change (closing included).' })
  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  get nodeId(): string {
    return toGlobalId('MentorOffer', this.id);
  }
}
