import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The house's import rules (.dependency-cruiser.cjs, run by `npm run lint`) catch what they claim to. */
const repo = path.resolve(__dirname, '../..');
const fixture = path.join(__dirname, 'fixtures/architecture');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(cwd: string, args: string[]): { violations: Violation[] } {
  const r = spawnSync(
    process.execPath,
    [path.join(repo, 'scripts/depcruise.mjs'), '--config', path.join(repo, '.dependency-cruiser.cjs'), '-T', 'json', ...args],
    { cwd, encoding: 'utf8', timeout: 120_000 },
  );
  if (!r.stdout) throw new Error(`depcruise failed: ${r.stderr}`);
  return JSON.parse(r.stdout).summary;
}

describe('architecture rules (dependency-cruiser)', () => {
  it('fail on an import cycle, on common importing a module and on a loader calling a service', () => {
    const { violations } = cruise(fixture, ['api/src']);
    const found = violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'common-is-the-ground-floor: api/src/common/ground.ts → api/src/modules/alpha/alpha.service.ts',
        'loaders-do-not-call-services: api/src/modules/beta/beta.loaders.ts → api/src/modules/alpha/alpha.service.ts',
      ]),
    );
    expect(found.some((f) => f.startsWith('no-circular: api/src/modules/alpha/alpha.'))).toBe(true);
  }, 120_000);

  it('the known-violations baseline holds no import of common into a module or the composition root', () => {
    const known: Violation[] = JSON.parse(fs.readFileSync(path.join(repo, '.dependency-cruiser-known-violations.json'), 'utf8'));
    expect(known.filter((v) => v.rule.name === 'common-is-the-ground-floor')).toEqual([]);
    expect(known.filter((v) => v.from.startsWith('api/src/common/') && /^api\/src\/(modules\/|[^/]+\.ts$)/.test(v.to))).toEqual(
      [],
    );
  });
});
