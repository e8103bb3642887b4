// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { initialJsBudget } from '../../vite.config';

type Hook = (this: { error: (message: string) => never }, options: { dir: string }, bundle: unknown) => void;

function runBudget(budgetKb: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'essor-budget-'));
  // Hardly compressible content: the gzip size stays close to the raw size.
  const noise = (size: number) => Array.from({ length: size }, (_, i) => ((i * 7919) % 251).toString(36)).join('');
  writeFileSync(path.join(dir, 'entry.js'), noise(20_000));
  writeFileSync(path.join(dir, 'vendor.js'), noise(20_000));
  writeFileSync(path.join(dir, 'lazy.js'), noise(200_000));
  const bundle = {
    'entry.js': { type: 'chunk', fileName: 'entry.js', isEntry: true, imports: ['vendor.js'], dynamicImports: ['lazy.js'] },
    'vendor.js': { type: 'chunk', fileName: 'vendor.js', isEntry: false, imports: [] },
    'lazy.js': { type: 'chunk', fileName: 'lazy.js', isEntry: false, imports: ['vendor.js'] },
    'style.css': { type: 'asset', fileName: 'style.css' },
  };
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.fn((message: string): never => {
    throw new Error(message);
  });
  const plugin = initialJsBudget({ budgetKb });
  const hook = plugin.writeBundle as unknown as Hook;
  let thrown: unknown;
  try {
    hook.call({ error }, { dir }, bundle);
  } catch (e) {
    thrown = e;
  }
  const printed = log.mock.calls.map((call) => String(call[0])).join('\n');
  log.mockRestore();
  return { printed, thrown };
}

describe('budget du JS initial (plugin Vite)', () => {
  it('compte l’entrée et ses imports statiques, pas les chunks paresseux, et affiche le total', () => {
    const { printed, thrown } = runBudget(200);
    expect(thrown).toBeUndefined();
    expect(printed).toMatch(/JS initial : \d+,\d Ko gzip \(budget 200 Ko\)/);
    expect(printed).toContain('entry.js, vendor.js');
    expect(printed).not.toContain('lazy.js');
  });

  it('fait échouer le build au-delà du budget', () => {
    const { thrown } = runBudget(1);
    expect(String(thrown)).toMatch(/budget dépassé/);
  });
});
