// The shape of the house as dependency rules (issue 7, point 7), checked by `npm run deps` inside
// `npm test` and proven to bite by src/dependency-rules.test.ts. docs/ARCHITECTURE.md draws the layers;
// these rules are what keeps the drawing true:
//   engine  → nothing outside src/engine (no npm packages, no Node built-ins);
//   view, diagram, store, i18n → never the Worker (the store talks to it through src/bridge, and the
//     bridge knows only the protocol file);
//   view, diagram → from the engine only the vocabulary (model/), fnv1a (kernel/hash.ts) and the
//     behaviour version, never engine logic;
//   compare (the run comparer) → from src only itself and the engine vocabulary;
//   no import cycle anywhere, type-only imports included;
//   src never imports the e2e journeys, the Node entry points in src/cli, or a test file.
// Test code may import anything (it is the outside world of the module it tests); the rules therefore
// name their `from` side without it. Paths are relative to the repository root.

/** A test file (Vitest unit tests, Playwright journeys). */
const TEST_FILE = '\\.(test|spec)\\.tsx?$';
/** A helper that only tests use (test-scenarios.ts, test-arbitraries.ts, test-fixture.ts). */
const TEST_HELPER = '(^|/)test-[^/]+\\.tsx?$';
/** Test code: test files and their helpers. */
const TEST_CODE = `${TEST_FILE}|${TEST_HELPER}`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-imports-only-engine',
      comment:
        'The engine is pure TypeScript that runs in Node and in the Worker: it imports nothing outside ' +
        'src/engine (no npm package, no Node built-in, no other layer).',
      severity: 'error',
      from: { path: '^src/engine/', pathNot: TEST_CODE },
      to: { pathNot: '^src/engine/' },
    },
    {
      name: 'no-worker-in-main-thread-layers',
      comment:
        'The view, the figure, the store and the string tables never import the Worker: the store ' +
        'reaches it only through src/bridge, and shared types come from src/engine/model.',
      severity: 'error',
      from: { path: '^src/(view|diagram|store|i18n)/', pathNot: TEST_CODE },
      to: { path: '^src/worker/' },
    },
    {
      name: 'bridge-knows-only-the-protocol',
      comment:
        'The bridge speaks the one typed protocol (src/worker/protocol.ts) and nothing else of the Worker.',
      severity: 'error',
      from: { path: '^src/bridge/', pathNot: TEST_CODE },
      to: { path: '^src/worker/', pathNot: '^src/worker/protocol\\.ts$' },
    },
    {
      name: 'view-takes-only-engine-vocabulary',
      comment:
        'The view and the figure take from the engine only its vocabulary (src/engine/model), fnv1a ' +
        '(src/engine/kernel/hash.ts) and the behaviour version; engine logic reaches them as frames ' +
        'and records through the store.',
      severity: 'error',
      from: { path: '^src/(view|diagram)/', pathNot: TEST_CODE },
      to: {
        path: '^src/engine/',
        pathNot: '^src/engine/(model/|kernel/hash\\.ts$|version\\.ts$)',
      },
    },
    {
      name: 'compare-takes-only-engine-vocabulary',
      comment:
        'The comparer (src/compare) runs on the main thread over trace windows the Workers answer: it ' +
        'takes from the rest of src only the engine vocabulary (src/engine/model), never engine logic, ' +
        'the store or the view.',
      severity: 'error',
      from: { path: '^src/compare/', pathNot: TEST_CODE },
      to: { path: '^src/', pathNot: '^src/(compare/|engine/model/)' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycle anywhere in src, type-only imports included (tsPreCompilationDeps below).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-e2e-in-src',
      comment: 'The Playwright journeys drive the page from outside; nothing in src imports them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^e2e/' },
    },
    {
      name: 'no-cli-outside-cli',
      comment: 'src/cli holds the Node entry points; only the CLI itself imports from it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-test-imports',
      comment: 'Nothing imports a test file (shared test helpers live in files not named *.test.*).',
      severity: 'error',
      from: {},
      to: { path: TEST_FILE },
    },
    {
      name: 'test-helpers-only-in-tests',
      comment: 'The test-*.ts helpers are test code: only tests and other helpers import them.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_HELPER },
    },
    {
      name: 'no-unresolvable',
      comment:
        'Every import resolves: an import the checker cannot follow is an import no rule above can see.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a cycle of `import type` still ties two modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
