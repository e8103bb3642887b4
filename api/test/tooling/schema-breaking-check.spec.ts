/**
 * scripts/schema-breaking-check.mjs (`npm run schema:check`, in `npm test`) on throwaway git repositories:
 * which commit it compares with (main's tip and its parent, uncommitted changes, a feature branch, a clone
 * without local main, no history at all) and what it does with breaking, declared, dangerous and safe changes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../../scripts/schema-breaking-check.mjs');

const V1 = `type Query {
  structures(search: String, first: Int): [Structure!]!
  sector(id: ID!): Sector
}

type Structure {
  id: ID!
  name: String!
}

type Sector {
  id: ID!
}

enum Status {
  DRAFT
  PUBLISHED
}
`;
/** V1 without `Query.structures(search:)`: one breaking change. */
const BREAKING = V1.replace('search: String, ', '');
/** V1 with a new field: one safe change. */
const SAFE = V1.replace('  name: String!\n', '  name: String!\n  siret: String\n');
/** V1 with a new enum value: one dangerous change. */
const DANGEROUS = V1.replace('  PUBLISHED\n', '  PUBLISHED\n  ARCHIVED\n');

const SEARCH_REMOVED = 'FIELD_ARGUMENT_REMOVED Query.structures.search';

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'essor-schema-check-'));
  dirs.push(d);
  return d;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(dir: string, file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

function declarations(...changes: Array<{ change: string; reason: string; since?: string }>): string {
  return JSON.stringify({ changes }, null, 2);
}

/** A repository on main whose commits set the schema (and optional declarations) in turn. */
function repo(...commits: Array<{ schema: string; declared?: string }>): string {
  const dir = tmp();
  git(dir, 'init', '-q', '-b', 'main');
  commits.forEach((c, i) => {
    write(dir, 'schema/schema.graphql', c.schema);
    if (c.declared !== undefined) write(dir, 'schema/breaking-changes.json', c.declared);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `commit ${i + 1}`);
  });
  return dir;
}

function check(dir: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [SCRIPT, '--root', dir, ...args], { encoding: 'utf8', env: gitEnv });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('schema breaking-change check (scripts/schema-breaking-check.mjs)', () => {
  it('main just received an undeclared breaking change: fails with the change and how to declare it', () => {
    const dir = repo({ schema: V1 }, { schema: BREAKING });
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toContain('HEAD~1');
    expect(out).toContain('1 undeclared BREAKING change(s)');
    expect(out).toContain(`Argument 'search: String' was removed from field 'Query.structures' [${SEARCH_REMOVED}]`);
    expect(out).toContain('schema/breaking-changes.json');
    expect(out).toContain(`"change": "${SEARCH_REMOVED}"`);
    expect(out).toContain('--declare');
  });

  it('a declared breaking change passes, by id, by message, or by a * pattern', () => {
    for (const change of [
      SEARCH_REMOVED,
      "Argument 'search: String' was removed from field 'Query.structures'",
      'FIELD_ARGUMENT_REMOVED Query.*',
    ]) {
      const declared = declarations(
        { change: 'FIELD_REMOVED Query.gone', reason: 'an old one, kept as history', since: '2024-01-01' },
        { change, reason: 'one filter input replaces the flat arguments', since: '2025-01-01' },
      );
      const { code, out } = check(repo({ schema: V1 }, { schema: BREAKING, declared }));
      expect({ change, code }).toEqual({ change, code: 0 });
      expect(out).toContain(`breaking, declared: Argument 'search: String' was removed`);
      expect(out).toContain('one filter input replaces the flat arguments');
    }
  });

  it('a declaration of another change does not cover this one', () => {
    const declared = declarations({ change: 'FIELD_ARGUMENT_REMOVED Query.structures.first', reason: 'not this one' });
    const { code, out } = check(repo({ schema: V1 }, { schema: BREAKING, declared }));
    expect(code).toBe(1);
    expect(out).toContain(SEARCH_REMOVED);
  });

  it('safe changes pass; dangerous ones pass with a warning', () => {
    const safe = check(repo({ schema: V1 }, { schema: SAFE }));
    expect(safe).toEqual({ code: 0, out: expect.stringContaining('0 breaking, 0 dangerous') });
    const dangerous = check(repo({ schema: V1 }, { schema: DANGEROUS }));
    expect(dangerous.code).toBe(0);
    expect(dangerous.out).toContain("warning, dangerous: Enum value 'ARCHIVED' was added to enum 'Status'");
  });

  it('uncommitted changes on main are compared with HEAD, the last commit of main', () => {
    // HEAD~1 → HEAD removed the argument (declared); the working tree removes a field: only the latter counts.
    const declared = declarations({ change: SEARCH_REMOVED, reason: 'accepted' });
    const dir = repo({ schema: V1 }, { schema: BREAKING, declared });
    write(dir, 'schema/schema.graphql', BREAKING.replace('  sector(id: ID!): Sector\n', ''));
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toContain('uncommitted changes');
    expect(out).toContain("Field 'sector' was removed from object type 'Query' [FIELD_REMOVED Query.sector]");
    expect(out).not.toContain(SEARCH_REMOVED);
    // Made safe again: passes.
    write(dir, 'schema/schema.graphql', SAFE.replace('search: String, ', ''));
    expect(check(dir).code).toBe(0);
  });

  it('a feature branch is compared with its merge-base with main: every commit of the branch counts', () => {
    const dir = repo({ schema: V1 });
    git(dir, 'checkout', '-q', '-b', 'feature');
    write(dir, 'schema/schema.graphql', BREAKING);
    git(dir, 'commit', '-q', '-am', 'break');
    write(dir, 'schema/schema.graphql', BREAKING.replace('  name: String!\n', '  name: String!\n  siret: String\n'));
    git(dir, 'commit', '-q', '-am', 'then a safe change');
    // main moves on meanwhile: the base is where the branch left it.
    git(dir, 'checkout', '-q', 'main');
    write(dir, 'schema/schema.graphql', DANGEROUS);
    git(dir, 'commit', '-q', '-am', 'main moves on');
    git(dir, 'checkout', '-q', 'feature');
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toContain('git merge-base HEAD main');
    expect(out).toContain(SEARCH_REMOVED);
    expect(out).not.toContain('ARCHIVED');
  });

  it('without a local main (a clone of a branch), the branch is compared with origin/main', () => {
    const origin = repo({ schema: V1 });
    git(origin, 'checkout', '-q', '-b', 'feature');
    write(origin, 'schema/schema.graphql', BREAKING);
    git(origin, 'commit', '-q', '-am', 'break');
    const clone = path.join(tmp(), 'clone');
    git(origin, 'clone', '-q', '--branch', 'feature', `file://${origin}`, clone);
    expect(git(clone, 'branch', '--list', 'main').trim()).toBe('');
    const { code, out } = check(clone);
    expect(code).toBe(1);
    expect(out).toContain('git merge-base HEAD origin/main');
    expect(out).toContain(SEARCH_REMOVED);
  });

  it('--declare adds the undeclared breaking changes to schema/breaking-changes.json, and the check then passes', () => {
    const dir = repo(
      { schema: V1 },
      { schema: BREAKING, declared: declarations({ change: 'FIELD_REMOVED Query.old', reason: 'history' }) },
    );
    const declared = check(dir, '--declare', 'one filter input replaces the flat arguments');
    expect(declared.code).toBe(0);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'schema/breaking-changes.json'), 'utf8'));
    expect(file.changes).toEqual([
      { change: 'FIELD_REMOVED Query.old', reason: 'history' },
      {
        change: SEARCH_REMOVED,
        reason: 'one filter input replaces the flat arguments',
        since: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      },
    ]);
    expect(check(dir).code).toBe(0);
  });

  it('a malformed declaration file fails', () => {
    const { code, out } = check(
      repo({ schema: V1 }, { schema: BREAKING, declared: declarations({ change: SEARCH_REMOVED, reason: '' }) }),
    );
    expect(code).toBe(2);
    expect(out).toContain('needs a non-empty "change" and "reason"');
  });

  it('without history it says why and passes: no git, a single commit, a shallow clone', () => {
    const tarball = tmp();
    write(tarball, 'schema/schema.graphql', BREAKING);
    expect(check(tarball)).toEqual({ code: 0, out: expect.stringContaining('skipped: ') });
    expect(check(tarball).out).toContain('is not a git checkout');

    const single = check(repo({ schema: BREAKING }));
    expect(single.code).toBe(0);
    expect(single.out).toContain("skipped: HEAD (main's tip) has no parent in this clone");

    const origin = repo({ schema: V1 }, { schema: BREAKING });
    const shallow = path.join(tmp(), 'shallow');
    git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, shallow);
    const r = check(shallow);
    expect(r.code).toBe(0);
    expect(r.out).toContain("skipped: HEAD (main's tip) has no parent in this clone");
  });

  it('the schema file new in the compared commit: nothing to compare, passes', () => {
    const dir = repo({ schema: V1 });
    fs.rmSync(path.join(dir, 'schema/schema.graphql'));
    git(dir, 'commit', '-q', '-am', 'no schema');
    write(dir, 'schema/schema.graphql', BREAKING);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'schema again');
    const { code, out } = check(dir);
    expect(code).toBe(0);
    expect(out).toContain('does not exist at');
  });
});
