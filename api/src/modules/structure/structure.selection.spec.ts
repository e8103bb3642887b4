import { printSchema } from 'graphql';
import { buildEssorSchema } from '../../schema';
import { HEAVY_STRUCTURE_COLUMNS, LIGHT_STRUCTURE_FIELDS, unneededStructureColumns } from './structure.selection';

describe('light columns of structure lists', () => {
  it('every field of Structure is classified: light, or reading a large text', async () => {
    const schema = await buildEssorSchema();
    expect(printSchema(schema)).toContain('type Structure');
    const type = schema.getType('Structure') as unknown as { getFields(): Record<string, unknown> };
    const heavyReaders = new Set(Object.values(HEAVY_STRUCTURE_COLUMNS).flat());
    const unclassified = Object.keys(type.getFields()).filter((f) => !LIGHT_STRUCTURE_FIELDS.has(f) && !heavyReaders.has(f));
    expect(unclassified).toEqual([]);
  });

  it('leaves out the large texts nobody asked for, keeps those asked for', () => {
    const all = Object.keys(HEAVY_STRUCTURE_COLUMNS);
    expect([...unneededStructureColumns(new Set(['id', 'name', 'commune']))].sort()).toEqual([...all].sort());
    expect([...unneededStructureColumns(new Set(['id', 'description', 'whyInPerimeter', 'values']))].sort()).toEqual(
      all.filter((c) => !['description', 'perimeterReason', 'valuesStatement'].includes(c)).sort(),
    );
  });

  it('an unknown field loads every column', () => {
    expect(unneededStructureColumns(new Set(['id', 'somethingNew'])).size).toBe(0);
  });
});
