import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { importStructures } from './structure-import.service';

@ObjectType({ description: 'An error of an import line; line 1 is the header.' })
class ImportError {
  @Field(() => Int) line: number;
  @Field(() => String, { nullable: true }) column: string | null;
  @Field() message: string;
}

@ObjectType()
class ImportPreviewRow {
  @Field(() => Int) line: number;
  @Field({ description: 'CREATE or UPDATE (a structure with the same SIRET exists).' }) action: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) siret: string | null;
  @Field(() => String, { nullable: true }) communeCode: string | null;
}

@ObjectType({ description: "Rapport d'import CSV." })
class ImportReport {
  @Field() committed: boolean;
  @Field(() => Int) totalRows: number;
  @Field(() => Int) validRows: number;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => [ImportError]) errors: ImportError[];
  @Field(() => [ImportPreviewRow]) preview: ImportPreviewRow[];
}

@Resolver()
export class StructureImportResolver {
  @Roles(Role.ADMIN)
  @Mutation(() => ImportReport, {
    description: 'CSV import of structures: preview (commit: false), or write — nothing while a line fails, unless skipInvalid.',
  })
  importStructures(
    @Ctx() ctx: Context,
    @Arg('csv') csv: string,
    @Arg('commit') commit: boolean,
    @Arg('skipInvalid', () => Boolean, { nullable: true }) skipInvalid?: boolean | null,
  ) {
    return importStructures(ctx, csv, commit, !!skipInvalid);
  }
}
