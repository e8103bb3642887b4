// `npm run schema:check [-- --base REV] [-- --declare "why"]`: the breaking-change check of the committed
// GraphQL schema. It compares the working tree's schema/schema.graphql with the one of the last commit of
// main (graphql-inspector's diff) and fails on every BREAKING change that schema/breaking-changes.json does
// not declare; DANGEROUS changes are printed as warnings. What "the last commit of main" is:
//   - HEAD is main's tip (`main` or `origin/main` names the HEAD commit: a fresh clone in CI, a developer on
//     main, a branch without commits of its own):
//       the schema differs from HEAD's (uncommitted change) → compared with HEAD;
//       else → compared with HEAD's first parent HEAD~1, so that the commit that just landed is checked;
//   - any other HEAD (a feature branch) → compared with `git merge-base HEAD main`, else with origin/main:
//     everything the branch and the working tree change;
//   - `--base REV` chooses the commit instead.
// Without that history (no git, a tarball, a shallow clone without the parent, no main) it says why and
// exits 0: a lack of history never fails. `--declare "why"` adds every undeclared breaking change to
// schema/breaking-changes.json (reason "why", since today) and exits 0. `--root DIR`: another checkout (tests).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const SCHEMA = 'schema/schema.graphql';
const DECLARATIONS = 'schema/breaking-changes.json';
const TAG = '[schema:check]';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    base: { type: 'string' },
    declare: { type: 'string' },
  },
});
const root = path.resolve(values.root ?? path.dirname(path.dirname(fileURLToPath(import.meta.url))));

const log = (m) => console.log(`${TAG} ${m}`);
const fail = (m, code = 1) => {
  console.error(`${TAG} ${m}`);
  process.exit(code);
};
const skip = (why) => {
  log(`skipped: ${why}`);
  process.exit(0);
};

/** git in the checkout; null when it fails (no git, no such revision, shallow history…). */
function git(...args) {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return null;
  }
}
const commitOf = (rev) => git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`)?.trim() || null;
const short = (sha) => sha.slice(0, 10);

/** The commit to compare with and why, or the reason there is none. */
function chooseBase(current) {
  const top = git('rev-parse', '--show-toplevel')?.trim();
  if (!top || fs.realpathSync(top) !== fs.realpathSync(root))
    return { none: `${root} is not a git checkout (a tarball?): there is no last commit of main to compare with` };
  const head = commitOf('HEAD');
  if (!head) return { none: 'the repository has no commit yet' };
  if (values.base) {
    const sha = commitOf(values.base);
    if (!sha) fail(`--base ${values.base}: no such commit`, 2);
    return { sha, why: `--base ${values.base}` };
  }
  const mains = ['main', 'origin/main'].map((ref) => ({ ref, sha: commitOf(ref) })).filter((m) => m.sha);
  if (!mains.length)
    return { none: 'neither main nor origin/main exists in this clone: pass --base <rev> to choose what to compare with' };
  const onMain = mains.find((m) => m.sha === head);
  if (onMain) {
    if (current !== git('show', `HEAD:${SCHEMA}`))
      return { sha: head, why: `HEAD (${onMain.ref}'s tip), as ${SCHEMA} has uncommitted changes` };
    const parent = commitOf('HEAD~1');
    if (!parent)
      return {
        none: `HEAD (${onMain.ref}'s tip) has no parent in this clone (first commit or shallow clone): nothing to compare with`,
      };
    return { sha: parent, why: `HEAD~1, the commit before ${onMain.ref}'s tip (the commit that just landed is checked)` };
  }
  for (const m of mains) {
    const sha = git('merge-base', 'HEAD', m.ref)?.trim();
    if (sha) return { sha, why: `git merge-base HEAD ${m.ref} (this branch and the working tree are checked)` };
  }
  return { none: `HEAD has no common ancestor with ${mains.map((m) => m.ref).join(' or ')} in this clone (shallow clone?)` };
}

/** The declarations of schema/breaking-changes.json, each with a test of a change. */
function readDeclarations() {
  const file = path.join(root, DECLARATIONS);
  if (!fs.existsSync(file)) return { file, doc: { changes: [] }, entries: [] };
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${DECLARATIONS} is not valid JSON: ${e.message}`, 2);
  }
  if (!doc || !Array.isArray(doc.changes)) fail(`${DECLARATIONS} must be an object with a "changes" array`, 2);
  const entries = doc.changes.map((entry, i) => {
    if (
      !entry ||
      typeof entry.change !== 'string' ||
      !entry.change.trim() ||
      typeof entry.reason !== 'string' ||
      !entry.reason.trim()
    )
      fail(`${DECLARATIONS}: changes[${i}] needs a non-empty "change" and "reason" (and a "since" date)`, 2);
    // `*` matches any text; the rest is literal.
    const pattern = new RegExp(`^${entry.change.trim().split('*').map(escapeRegExp).join('.*')}$`);
    return { ...entry, matches: (c) => pattern.test(c.id) || pattern.test(c.message) };
  });
  return { file, doc, entries };
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The schema of an SDL text, or the error that stops it from building. */
function parse(sdl) {
  try {
    return buildSchema(sdl);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

const schemaFile = path.join(root, SCHEMA);
if (!fs.existsSync(schemaFile)) fail(`${SCHEMA} is missing (npm run schema writes it)`, 2);
const current = fs.readFileSync(schemaFile, 'utf8');
const newSchema = parse(current);
if (newSchema instanceof Error) fail(`${SCHEMA} does not parse: ${newSchema.message}`, 2);

const base = chooseBase(current);
if (base.none) skip(base.none);
const previous = git('show', `${base.sha}:${SCHEMA}`);
if (previous === null) skip(`${SCHEMA} does not exist at ${short(base.sha)}: nothing to compare with`);
const oldSchema = parse(previous);
if (oldSchema instanceof Error) skip(`${SCHEMA} of ${short(base.sha)} does not parse (${oldSchema.message})`);

const changes = (await diff(oldSchema, newSchema)).map((c) => ({
  level: c.criticality.level,
  id: `${c.type} ${c.path ?? ''}`.trim(),
  message: c.message,
  reason: c.criticality.reason,
}));
const breaking = changes.filter((c) => c.level === 'BREAKING');
const dangerous = changes.filter((c) => c.level === 'DANGEROUS');
log(
  `${SCHEMA} compared with ${short(base.sha)}, ${base.why}: ${changes.length} change(s), ` +
    `${breaking.length} breaking, ${dangerous.length} dangerous`,
);
for (const c of dangerous) log(`warning, dangerous: ${c.message} [${c.id}]${c.reason ? ` — ${c.reason}` : ''}`);

const declarations = readDeclarations();
const undeclared = [];
for (const c of breaking) {
  const entry = declarations.entries.find((d) => d.matches(c));
  if (entry) log(`breaking, declared: ${c.message} [${c.id}] — ${entry.reason}${entry.since ? ` (since ${entry.since})` : ''}`);
  else undeclared.push(c);
}
if (!undeclared.length) {
  log('no undeclared breaking change');
  process.exit(0);
}

const today = new Date().toISOString().slice(0, 10);
if (values.declare !== undefined) {
  const reason = values.declare.trim();
  if (!reason) fail('--declare needs the reason of the change: --declare "why"', 2);
  declarations.doc.changes.push(...undeclared.map((c) => ({ change: c.id, reason, since: today })));
  fs.mkdirSync(path.dirname(declarations.file), { recursive: true });
  fs.writeFileSync(declarations.file, `${JSON.stringify(declarations.doc, null, 2)}\n`);
  log(`${undeclared.length} breaking change(s) declared in ${DECLARATIONS}: commit it with the schema`);
  process.exit(0);
}

console.error(
  [
    `${TAG} ${undeclared.length} undeclared BREAKING change(s) of ${SCHEMA} (compared with ${short(base.sha)}):`,
    ...undeclared.map((c) => `  - ${c.message} [${c.id}]${c.reason ? `\n      ${c.reason}` : ''}`),
    '',
    'Clients built against the previous schema (the SPAs, outside consumers) may fail on these. If they are',
    `intended, declare each one in ${DECLARATIONS} and commit it with the schema. "change" is the id in`,
    'brackets (TYPE Path) or the message, and `*` matches any text (e.g. "FIELD_ARGUMENT_REMOVED Query.structures.*"):',
    JSON.stringify(
      { changes: undeclared.map((c) => ({ change: c.id, reason: 'why this break is accepted', since: today })) },
      null,
      2,
    ).replace(/^/gm, '  '),
    `or add them all at once: npm run schema:check -- --declare "why this break is accepted"`,
  ].join('\n'),
);
process.exit(1);
