import { Field, Int, ObjectType } from 'type-graphql';
import type { ReferenceImportLineError, ReferenceImportResult } from './reference-figures.service';

@ObjectType()
export class ReferenceImportError implements ReferenceImportLineError {
  @Field(() => Int) line: number;
  @Field(() => String, { nullable: true }) column: string | null;
  @Field() message: string;
}

@ObjectType()
export class ReferenceImportReport implements ReferenceImportResult {
  @Field(() => Int) imported: number;
  @Field(() => [ReferenceImportError]) errors: ReferenceImportError[];
}
