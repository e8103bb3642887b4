/**
 * The house's import rules (`npm run lint` → scripts/depcruise.mjs; docs/architecture.md).
 * Today's violations are listed in .dependency-cruiser-known-violations.json (`npm run lint:deps:baseline`
 * rewrites it): lint fails on any NEW one; the list shrinks as the modules are fixed.
 */
const ROOT = '^api/src/(loaders|entities|schema|app|context|bootstrap|main|data-source)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle between files of the API.',
      severity: 'error',
      from: { path: '^api/src/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-modules',
      comment:
        'The domain modules form an acyclic graph (api/src/modules/<a> → <b> → <a> is a cycle): a module imports only ' +
        'from the modules below it in the layer order of docs/architecture.md (module map).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^api/src/modules/[^/]+$' },
      to: { path: '^api/src/modules/[^/]+$', circular: true },
    },
    {
      name: 'common-is-the-ground-floor',
      comment: 'api/src/common imports neither a module nor the composition root (they pass what common needs in).',
      severity: 'error',
      from: { path: '^api/src/common/' },
      to: { path: ['^api/src/modules/', ROOT] },
    },
    {
      name: 'loaders-do-not-call-services',
      comment: 'A loader reads through the read runtime (common/reads); services call loaders, never the other way.',
      severity: 'error',
      from: { path: '\\.loaders\\.ts$' },
      to: { path: '\\.service\\.ts$' },
    },
    {
      name: 'services-without-graphql',
      comment: 'Services throw domain errors (common/domain-error) and know nothing of GraphQL.',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: { path: '(^|/)node_modules/(graphql|type-graphql|@apollo/[^/]+)/' },
    },
    {
      name: 'spas-apart',
      comment: 'web-public and web-admin do not import each other; both import @essor/web-ui (web-public/ui).',
      severity: 'error',
      from: { path: '^web-admin/' },
      to: { path: '^web-public/', pathNot: '^web-public/ui/' },
    },
    {
      name: 'spas-apart-public',
      comment: 'web-public and web-admin do not import each other; both import @essor/web-ui (web-public/ui).',
      severity: 'error',
      from: { path: '^web-public/' },
      to: { path: '^web-admin/' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'api/tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
    skipAnalysisNotInRules: true,
  },
};
