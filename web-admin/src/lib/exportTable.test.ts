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

describe('buildXlsx', () => {
  it('writes a real workbook: named sheet, text as shared text (never a formula), numbers as numbers', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const { buildXlsx } = await import('./exportTable');
    const blob = await buildXlsx({
      caption: 'Effectifs : par famille [2026]',
      columns: ['Famille', 'Établissements'],
      rows: [
        ['Association', 1234],
        ['=SOMME(A1)', null],
      ],
    });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="Effectifs   par famille  2026"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<c r="B2"[^>]*><v>1234<\/v><\/c>/);
    expect(sheet).not.toContain('<f>');
    const text = Object.entries(files)
      .filter(([name]) => /sharedStrings|sheet1/.test(name))
      .map(([, data]) => strFromU8(data))
      .join('');
    expect(text).toContain('Établissements');
    expect(text).toContain('=SOMME(A1)');
  });
});
