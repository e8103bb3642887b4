import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum DeliverableKind {
  REPORT = 'REPORT',
  GUIDE = 'GUIDE',
  TOOL = 'TOOL',
  EVENT = 'EVENT',
  OTHER = 'OTHER',
}
registerEnumType(DeliverableKind, {
  name: 'DeliverableKind',
  valuesConfig: {
    REPORT: { description: 'Rapport' },
    GUIDE: { description: 'Guide' },
    TOOL: { description: 'Outil' },
    EVENT: { description: 'Événement' },
    OTHER: { description: 'Autre' },
  },
});

@ObjectType({ description: 'What a participatory space produced (livrable).' })
@Entity('space_deliverable')
export class SpaceDeliverable {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'bigint' })
  spaceId: string;

  @Field()
  @Column('text')
  title: string;

  @Field(() => DeliverableKind)
  @Column({ type: 'varchar', length: 10 })
  kind: DeliverableKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  deliveredAt: string | null;
}
