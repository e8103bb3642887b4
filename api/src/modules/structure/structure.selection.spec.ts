import { buildEssorSchema } from '../../schema';
import { columnProperties } from '../../common/reads';
import { DERIVED_STRUCTURE_FIELDS, unneededStructureColumns } from './structure.selection';
import { Structure } from './structure.entity';

describe('columns read by structure lists', () => {
  it('every field of Structure is a column property or a derived field with its reads', async () => {
    const schema = await buildEssorSchema();
    const type = schema.getType('Structure') as unknown as { getFields(): Record<string, unknown> };
    const columns = columnProperties(Structure);
    const unclassified = Object.keys(type.getFields()).filter((f) => !columns.has(f) && !(f in DERIVED_STRUCTURE_FIELDS));
    expect(unclassified).toEqual([]);
    // Derived fields read existing column properties.
    const unknownReads = Object.values(DERIVED_STRUCTURE_FIELDS)
      .flat()
      .filter((p) => !columns.has(p));
    expect(unknownReads).toEqual([]);
  });

  it('reads the id, the status and what the selected fields need, nothing else', () => {
    const kept = (fields: string[]) =>
      [...columnProperties(Structure)].filter((p) => !unneededStructureColumns(new Set(fields)).has(p));
    expect(kept(['id', 'name', 'commune', 'sectors']).sort()).toEqual(['communeCode', 'id', 'name', 'status']);
    expect(kept(['values', 'workforceRangeLabel']).sort()).toEqual(['id', 'status', 'valuesStatement', 'workforceRange']);
    expect(kept(['whyInPerimeter']).sort()).toEqual(
      ['esus', 'id', 'legalCategory', 'perimeterDecision', 'perimeterReason', 'sireneEssFlag', 'status'].sort(),
    );
  });

  it('an unknown field loads every column', () => {
    expect(unneededStructureColumns(new Set(['id', 'somethingNew'])).size).toBe(0);
  });
});
