import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';
import { EssFamily } from './ess-family';

export enum StructureStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(StructureStatus, {
  name: 'StructureStatus',
  description: 'Cycle de vie : brouillon, publiée, archivée.',
  valuesConfig: {
    DRAFT: { description: 'Brouillon' },
    PUBLISHED: { description: 'Publiée' },
    ARCHIVED: { description: 'Archivée' },
  },
});

@ObjectType({ implements: Node, description: "Structure de l'ESS (association, coopérative, mutuelle, fondation…)." })
@Entity('structure')
export class Structure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Column({ type: 'text', insert: false, update: false, select: false })
  searchName: string;

  @Field(() => String, { nullable: true, description: 'SIREN (9 digits).' })
  @Column({ type: 'char', length: 9, nullable: true })
  siren: string | null;

  @Field(() => String, { nullable: true, description: 'SIRET of the establishment (14 digits).' })
  @Column({ type: 'char', length: 14, nullable: true })
  siret: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE legal category (catégorie juridique, 4 digits).' })
  @Column({ type: 'char', length: 4, nullable: true })
  legalCategory: string | null;

  @Field(() => EssFamily, { description: 'Effective ESS family: the override if any, else derived from the legal category.' })
  @Column({ type: 'varchar', length: 16 })
  essFamily: EssFamily;

  @Field(() => EssFamily, { nullable: true, description: 'Family set by hand, overriding the rule.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  essFamilyOverride: EssFamily | null;

  @Field(() => String, { nullable: true, description: 'NAF rév. 2 code, e.g. "88.99B".' })
  @Column({ type: 'varchar', length: 6, nullable: true })
  nafCode: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE workforce range code (tranche d’effectifs), e.g. "12".' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  workforceRange: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  volunteerCount: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 5, nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune.' })
  @Column({ type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: "The structure's public contact e-mail." })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Services offered.' })
  @Column({ type: 'text', nullable: true })
  services: string | null;

  @Field(() => String, { nullable: true, name: 'values', description: 'Values the structure stands for.' })
  @Column({ type: 'text', nullable: true })
  valuesStatement: string | null;

  @Field({ description: 'Accueille des stagiaires.' })
  @Column({ type: 'boolean', default: false })
  acceptsInterns: boolean;

  @Field({ description: 'Cherche des bénévoles.' })
  @Column({ type: 'boolean', default: false })
  seeksVolunteers: boolean;

  @Field({ description: "Agrément ESUS (entreprise solidaire d'utilité sociale)." })
  @Column({ type: 'boolean', default: false })
  esus: boolean;

  @Field(() => StructureStatus)
  @Column({ type: 'varchar', length: 10, default: StructureStatus.DRAFT })
  status: StructureStatus;

  @Field({ description: 'True for the fictional structures of the demo data set.' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the data was last checked.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastVerifiedAt: Date | null;

  @Field({ description: 'Where the data comes from: MANUAL, DEMO, SIRENE, IMPORT, SUBMISSION.' })
  @Column({ type: 'varchar', length: 12, default: 'MANUAL' })
  source: string;

  @Field(() => String, { nullable: true, description: 'Date of the source file (SIRENE stock), ISO date.' })
  @Column({ type: 'date', nullable: true })
  sourceDate: string | null;

  @Field(() => Boolean, { nullable: true, description: "SIRENE's ESS flag (economieSocialeSolidaireUniteLegale)." })
  @Column({ type: 'boolean', nullable: true })
  sireneEssFlag: boolean | null;

  /** statutDiffusion = P: never public. */
  @Column({ type: 'boolean', default: true })
  diffusible: boolean;

  @Field({ description: 'False once the establishment is closed (etatAdministratif = F).' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  employer: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Employees declared by the structure (when known; else the range is used).' })
  @Column({ type: 'integer', nullable: true })
  employeesDeclared: number | null;

  @Field({ description: 'Counted by the observatory (see whyInPerimeter).' })
  @Column({ type: 'boolean', default: true })
  inPerimeter: boolean;

  @Field(() => String, { nullable: true, description: 'INCLUDE or EXCLUDE, set by hand with a reason.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  perimeterDecision: 'INCLUDE' | 'EXCLUDE' | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  perimeterReason: string | null;

  @Field(() => Int, { description: 'Row version, for optimistic locking.' })
  @Column({ type: 'integer', default: 1 })
  version: number;

  get nodeId(): string {
    return toGlobalId('Structure', this.id);
  }
}
