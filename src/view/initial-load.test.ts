/**
 * The page's first load stays small: what src/main.tsx imports statically (following `import` and
 * `export … from`, skipping `import type` and dynamic `import()`) must not reach the engine, the YAML
 * reader, the link codec, the lesson texts or parser, the lesson player (the picker is there, with the
 * catalog only), the scenario library or the sandbox editor. Those load on demand (React.lazy panels,
 * `import()` for links and lesson files); a static import added by mistake would pull them back into
 * the first load, and this test names the chain that does it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = 'src/main.tsx';

/** Module specifiers a file imports at run time (not type-only, not dynamic). */
function staticImports(source: string): string[] {
  const out: string[] = [];
  const re =
    /^[ \t]*(?:import|export)[ \t]+(type[ \t]+)?([^;'"]*?)[ \t]*from[ \t]*['"]([^'"]+)['"]|^[ \t]*import[ \t]*['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) {
    if (m[4] !== undefined) {
      out.push(m[4]);
      continue;
    }
    if (m[1] !== undefined) continue;
    const braces = /^\{([\s\S]*)\}$/.exec((m[2] ?? '').trim());
    if (braces !== null) {
      const names = (braces[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
    }
    out.push(m[3] ?? '');
  }
  return out;
}

/** Module specifiers a file loads on demand (`import('…')` with a literal specifier). */
function dynamicImports(source: string): string[] {
  return [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
}

function resolveModule(from: string, spec: string): string {
  if (!spec.startsWith('.')) return `npm:${spec}`;
  const base = resolve(dirname(join(ROOT, from)), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return relative(ROOT, c);
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** Every module the entry reaches statically, with the module that first imported it. */
function reachable(entry: string): Map<string, string | null> {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file.startsWith('npm:') || !/\.tsx?$/.test(file)) continue;
    for (const spec of staticImports(readFileSync(join(ROOT, file), 'utf8'))) {
      const dep = resolveModule(file, spec);
      if (!parent.has(dep)) {
        parent.set(dep, file);
        queue.push(dep);
      }
    }
  }
  return parent;
}

function chain(parent: Map<string, string | null>, file: string): string {
  const path: string[] = [];
  for (let f: string | null | undefined = file; f != null; f = parent.get(f)) path.unshift(f);
  return path.join(' → ');
}

/** What the first load must not contain (a module path, or a prefix ending in '/'). */
const LAZY = [
  'npm:yaml',
  'npm:fflate',
  'src/worker/engine-host.ts',
  'src/bridge/in-process-client.ts',
  'src/engine/apiserver/',
  'src/engine/client-go/',
  'src/engine/controller/',
  'src/engine/kernel/',
  'src/engine/timeline/',
  'src/engine/sim/frame.ts',
  'src/engine/sim/step.ts',
  'src/engine/sim/create-world.ts',
  'src/scenarios/parse.ts',
  'src/scenarios/url-codec.ts',
  'src/scenarios/write.ts',
  'src/scenarios/check.ts',
  'src/scenarios/library/index.ts',
  'src/scenarios/library/heavy.ts',
  'src/scenarios/lessons/index.ts',
  'src/scenarios/lessons/parse.ts',
  'src/scenarios/lessons/library/',
  'src/view/links/link-state.ts',
  'src/scenarios/lesson-attachment.ts',
  'src/view/links/share-link.ts',
  'src/view/lessons/lesson-player.tsx',
  'src/view/lessons/pause-card.tsx',
  'src/view/lessons/player-logic.ts',
  'src/view/lessons/use-lesson-trace.ts',
  'src/view/lessons/lesson-file.ts',
  'src/view/lessons/built-in-lesson.ts',
  'src/view/sandbox/sandbox-panel.tsx',
  'src/view/sandbox/yaml-check.ts',
  'src/view/sandbox/settings-form.ts',
];

describe('the first load', () => {
  it('reads static imports and skips type-only and dynamic ones', () => {
    const src = [
      "import { a, type B } from './a';",
      "import type { C } from './c';",
      "import { type D, type E } from './d';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "import './h.css';",
      'import {',
      '  i,',
      '  type J,',
      "} from './i';",
      "const k = import('./k');",
    ].join('\n');
    expect(staticImports(src)).toEqual(['./a', './f', './h.css', './i']);
  });

  it('reaches the app shell but nothing that loads on demand', () => {
    const parent = reachable(ENTRY);
    expect(parent.has('src/view/shell/workspace.tsx')).toBe(true);
    // The lesson picker (catalog only) is there; the lesson player is not.
    expect(parent.has('src/view/lessons/lesson-panel.tsx')).toBe(true);
    expect(parent.has('src/scenarios/lessons/catalog-data.ts')).toBe(true);
    const pulled = [...parent.keys()]
      .filter((f) => LAZY.some((l) => (l.endsWith('/') ? f.startsWith(l) : f === l)))
      .map((f) => chain(parent, f));
    expect(pulled).toEqual([]);
  });

  it('loads the lesson player and the lesson-file reader on demand, from the lesson panel', () => {
    const panel = 'src/view/lessons/lesson-panel.tsx';
    const onDemand = dynamicImports(readFileSync(join(ROOT, panel), 'utf8')).map((d) =>
      resolveModule(panel, d),
    );
    expect(onDemand.sort()).toEqual([
      'src/view/lessons/lesson-file.ts',
      'src/view/lessons/lesson-player.tsx',
    ]);
    // What they bring: the lesson parser, the lesson texts and the YAML reader (not in the first load).
    for (const f of onDemand) {
      const brought = reachable(f);
      expect(brought.has('src/scenarios/lessons/parse.ts')).toBe(true);
      expect(brought.has('npm:yaml')).toBe(true);
    }
    expect(
      reachable('src/view/lessons/lesson-player.tsx').has('src/scenarios/lessons/library/index.ts'),
    ).toBe(true);
  });
});
