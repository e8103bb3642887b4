import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, separators and line breaks inside quotes', () => {
    const { header, rows } = parseCsv('\uFEFFnom;description\r\n"Les ""Amis""";"ligne 1\nligne 2; suite"\r\nSimple;x\n\n');
    expect(header).toEqual(['nom', 'description']);
    expect(rows).toEqual([
      { line: 2, cells: ['Les "Amis"', 'ligne 1\nligne 2; suite'] },
      { line: 4, cells: ['Simple', 'x'] },
    ]);
  });
  it('guesses the comma separator', () => {
    expect(parseCsv('nom,siret\nA,1\n').rows[0].cells).toEqual(['A', '1']);
  });
});
