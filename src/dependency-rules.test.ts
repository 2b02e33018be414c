// Proves that the dependency rules in .dependency-cruiser.cjs bite (issue 7, point 7): a tiny tree of
// files laid out like src/, with one file breaking each rule and files that break none, is cruised with
// the same rules and options as `npm run deps`; every broken rule must be reported, and nothing else.
// Without this, a checker that silently skipped TypeScript files (dependency-cruiser does when it finds
// no TypeScript compiler API it supports) would pass the real tree by seeing no imports at all.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as IConfiguration;

/** The fixture tree: path → source. */
const FILES: Record<string, string> = {
  // Allowed: the engine's vocabulary and logic, used the ways the rules allow.
  'src/engine/model/objects.ts': 'export type Obj = { name: string };\n',
  'src/engine/kernel/hash.ts': 'export const fnv1a = (s: string): number => s.length;\n',
  'src/engine/version.ts': 'export const ENGINE_BEHAVIOUR_VERSION = 1;\n',
  'src/engine/sim/step.ts':
    "import type { Obj } from '../model/objects';\nexport const step = (o: Obj): Obj => o;\n",
  'src/worker/protocol.ts': "import type { Obj } from '../engine/model/objects';\nexport type Req = Obj;\n",
  'src/worker/engine-host.ts':
    "import { step } from '../engine/sim/step';\nimport type { Req } from './protocol';\nexport const host = (r: Req) => step(r);\n",
  'src/bridge/client.ts':
    "import type { Req } from '../worker/protocol';\nexport type Client = (r: Req) => void;\n",
  'src/store/store.ts':
    "import type { Client } from '../bridge/client';\nexport type Store = { client: Client };\n",
  'src/view/ok.tsx':
    "import type { Obj } from '../engine/model/objects';\nimport { fnv1a } from '../engine/kernel/hash';\n" +
    "import { ENGINE_BEHAVIOUR_VERSION } from '../engine/version';\nimport type { Store } from '../store/store';\n" +
    'export const ok = (o: Obj, s: Store) => [fnv1a(o.name), ENGINE_BEHAVIOUR_VERSION, s];\n',
  'src/view/test-fixture.ts': "import { step } from '../engine/sim/step';\nexport const fixture = step;\n",
  'src/view/ok.test.ts':
    "import { host } from '../worker/engine-host';\nimport { fixture } from './test-fixture';\nexport const t = [host, fixture];\n",
  'src/cli/sim.ts':
    "import { step } from '../engine/sim/step';\nimport './other';\nexport const sim = step;\n",
  'src/cli/other.ts': 'export const other = 1;\n',
  'src/compare/ok.ts': "import type { Obj } from '../engine/model/objects';\nexport type Seen = Obj;\n",
  'e2e/pages/app.ts': 'export const app = 1;\n',

  // Forbidden, one rule each.
  'src/engine/sim/uses-view.ts': "import { ok } from '../../view/ok';\nexport const bad = ok;\n",
  'src/engine/sim/uses-node.ts':
    "import { readFileSync } from 'node:fs';\nexport const bad = readFileSync;\n",
  'src/store/uses-worker.ts': "import { host } from '../worker/engine-host';\nexport const bad = host;\n",
  'src/i18n/uses-protocol.ts': "import type { Req } from '../worker/protocol';\nexport type Bad = Req;\n",
  'src/bridge/uses-host.ts': "import { host } from '../worker/engine-host';\nexport const bad = host;\n",
  'src/diagram/uses-engine-logic.ts':
    "import { step } from '../engine/sim/step';\nexport const bad = step;\n",
  'src/compare/uses-engine-logic.ts':
    "import { step } from '../engine/sim/step';\nexport const bad = step;\n",
  'src/engine/sim/cycle-a.ts': "import type { B } from './cycle-b';\nexport type A = { b?: B };\n",
  'src/engine/sim/cycle-b.ts': "import type { A } from './cycle-a';\nexport type B = { a?: A };\n",
  'src/view/uses-e2e.ts': "import { app } from '../../e2e/pages/app';\nexport const bad = app;\n",
  'src/view/uses-cli.ts': "import { other } from '../cli/other';\nexport const bad = other;\n",
  'src/view/uses-test.ts': "import { t } from './ok.test';\nexport const bad = t;\n",
  'src/view/uses-helper.ts': "import { fixture } from './test-fixture';\nexport const bad = fixture;\n",
  'src/view/uses-missing.ts': "import { gone } from './missing';\nexport const bad = gone;\n",
};

/** Every violation the fixture must produce, as `rule: from → to`. */
const EXPECTED = [
  'engine-imports-only-engine: src/engine/sim/uses-view.ts → src/view/ok.tsx',
  'engine-imports-only-engine: src/engine/sim/uses-node.ts → fs',
  'no-worker-in-main-thread-layers: src/store/uses-worker.ts → src/worker/engine-host.ts',
  'no-worker-in-main-thread-layers: src/i18n/uses-protocol.ts → src/worker/protocol.ts',
  'bridge-knows-only-the-protocol: src/bridge/uses-host.ts → src/worker/engine-host.ts',
  'view-takes-only-engine-vocabulary: src/diagram/uses-engine-logic.ts → src/engine/sim/step.ts',
  'compare-takes-only-engine-vocabulary: src/compare/uses-engine-logic.ts → src/engine/sim/step.ts',
  // A cycle is reported once, at the edge where the cruise first closes it.
  'no-cycles: src/engine/sim/cycle-a.ts → src/engine/sim/cycle-b.ts',
  'no-e2e-in-src: src/view/uses-e2e.ts → e2e/pages/app.ts',
  'no-cli-outside-cli: src/view/uses-cli.ts → src/cli/other.ts',
  'no-test-imports: src/view/uses-test.ts → src/view/ok.test.ts',
  'test-helpers-only-in-tests: src/view/uses-helper.ts → src/view/test-fixture.ts',
  'no-unresolvable: src/view/uses-missing.ts → ./missing',
].sort();

describe('.dependency-cruiser.cjs', () => {
  let root = '';
  let result: ICruiseResult;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'informer-deps-'));
    for (const [path, source] of Object.entries(FILES)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), source);
    }
    // The fixture has no tsconfig.json; the compiler options only help resolution, which the
    // fixture's relative imports do not need.
    const { tsConfig: _unused, ...options } = config.options ?? {};
    const answer = await cruise(['src'], {
      ...options,
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
    });
    result = answer.output as ICruiseResult;
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('sees every file of the fixture, TypeScript and TSX included', () => {
    const sources = result.modules.map((m) => m.source).filter((s) => s.startsWith('src/'));
    const expected = Object.keys(FILES).filter((p) => p.startsWith('src/'));
    expect(sources).toEqual(expect.arrayContaining(expected));
    const ok = result.modules.find((m) => m.source === 'src/view/ok.tsx');
    expect(ok?.dependencies.map((d) => d.resolved).sort()).toEqual([
      'src/engine/kernel/hash.ts',
      'src/engine/model/objects.ts',
      'src/engine/version.ts',
      'src/store/store.ts',
    ]);
  });

  it('reports each broken rule, and only those', () => {
    const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(EXPECTED);
  });

  it('has a fixture breaking every rule it defines', () => {
    const broken = new Set(EXPECTED.map((line) => line.split(':')[0]));
    expect([...broken].sort()).toEqual((config.forbidden ?? []).map((r) => r.name).sort());
  });
});
