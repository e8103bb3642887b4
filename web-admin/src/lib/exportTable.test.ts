import { describe, expect, it } from 'vitest';
import { buildCsv, slugify } from './exportTable';

describe('buildCsv', () => {
  it('writes UTF-8 with BOM, `;` separators, plain numbers and quoted text', () => {
    const csv = buildCsv({
      columns: ['Famille', 'Établissements', 'Salariés (estimation centrale)'],
      rows: [
        ['Association', 1234, 5678.5],
        ['Coopérative; SCOP', 12, null],
        ['Dite "la mutuelle"', 0, 1e3],
        ['=SOMME(A1)', -2, 3],
      ],
    });
    expect(csv).toBe(
      '\uFEFF' +
        'Famille;Établissements;Salariés (estimation centrale)\r\n' +
        'Association;1234;5678.5\r\n' +
        '"Coopérative; SCOP";12;\r\n' +
        '"Dite ""la mutuelle""";0;1000\r\n' +
        "'=SOMME(A1);-2;3\r\n",
    );
  });

  it('makes file-name slugs', () => {
    expect(slugify("Répartition par famille de l'ESS")).toBe('repartition-par-famille-de-l-ess');
  });
});
