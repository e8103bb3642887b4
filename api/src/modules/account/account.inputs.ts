import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Role } from '../../common/auth/roles';

@InputType()
export class CreateAccountInput {
  @Field()
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(320)
  email: string;

  @Field()
  @Length(1, 120, { message: 'Le nom affiché doit comporter entre 1 et 120 caractères.' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'If absent, an invitation mail lets the person choose it.' })
  @IsOptional()
  @MaxLength(200)
  password?: string | null;

  @Field(() => [Role])
  @ArrayMaxSize(5)
  roles: Role[];

  @Field(() => [ID], { nullable: true, description: 'Structures a STRUCTURE_EDITOR may edit.' })
  @IsOptional()
  @ArrayMaxSize(100)
  structureIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Sectors (slugs) a FACILITATOR animates.' })
  @IsOptional()
  @ArrayMaxSize(50)
  sectorSlugs?: string[] | null;
}

@InputType()
export class UpdateAccountInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  displayName?: string | null;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  roles?: Role[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  disabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Lifts a lock caused by failed logins.' })
  @IsOptional()
  unlock?: boolean | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  structureIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  sectorSlugs?: string[] | null;
}
