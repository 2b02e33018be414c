// Keeps files small (design guide, habit 11; issue 7: "no source file outside tests and data tables is
// over 600 lines"). Every source file under src/ (TypeScript, TSX, CSS; test files excepted) must stay
// within MAX_LINES, unless it is a data table on the allowlist below, each entry with its reason.
// Files being split on other branches are listed as PENDING and printed on every run; an entry that is
// no longer needed fails the test so it gets removed.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 600;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = /\.(ts|tsx|css)$/;
const TEST_FILE = /\.test\.tsx?$/;

/** Data tables that may grow past MAX_LINES: a path prefix (a folder ends in '/') and the reason. */
const DATA_TABLES: readonly { readonly prefix: string; readonly reason: string }[] = [
  {
    prefix: 'src/scenarios/lessons/library/',
    reason: 'lesson library: one lesson per file, its scenario, pause points, goal and prose as data',
  },
  { prefix: 'src/i18n/en/', reason: 'English string tables, one per area of the page' },
  { prefix: 'src/i18n/zh-CN/', reason: 'Chinese string tables, key for key beside the English ones' },
  {
    prefix: 'src/diagram/layout-boxes.ts',
    reason: 'figure layout table: every box of the figure at its coordinates',
  },
  {
    prefix: 'src/diagram/layout-arrows.ts',
    reason: 'figure layout table: every arrow, reference line and caption at its coordinates',
  },
];

/** Files over MAX_LINES that are being split on another branch right now (remove after merging). */
const PENDING: readonly { readonly path: string; readonly reason: string }[] = [];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name) && !TEST_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

function lineCount(text: string): number {
  if (text === '') return 0;
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

/** Every non-test source file under src/ with its line count, paths relative to the repository. */
function measure(): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const full of sourceFiles(join(ROOT, 'src'))) {
    sizes.set(relative(ROOT, full).split('\\').join('/'), lineCount(readFileSync(full, 'utf8')));
  }
  return sizes;
}

const isDataTable = (path: string): boolean => DATA_TABLES.some((d) => path.startsWith(d.prefix));

describe(`source files stay within ${MAX_LINES} lines`, () => {
  const sizes = measure();

  it('counts lines the way wc -l does', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\n\n')]).toEqual([
      0, 1, 1, 2, 2,
    ]);
  });

  it('finds the source tree, TypeScript, TSX and CSS alike', () => {
    const paths = [...sizes.keys()];
    expect(paths).toContain('src/main.tsx');
    expect(paths.some((p) => p.endsWith('.css'))).toBe(true);
    expect(paths.some((p) => TEST_FILE.test(p))).toBe(false);
  });

  it('has no file over the limit but data tables and pending splits', () => {
    const pending = new Set(PENDING.map((p) => p.path));
    for (const p of PENDING) {
      const lines = sizes.get(p.path);
      if (lines !== undefined && lines > MAX_LINES) console.warn(`${p.path}: ${lines} lines (${p.reason})`);
    }
    const over = [...sizes]
      .filter(([path, lines]) => lines > MAX_LINES && !isDataTable(path) && !pending.has(path))
      .map(([path, lines]) => `${path}: ${lines} lines`);
    expect(
      over,
      'split these files (or, for a pure data table, add it to DATA_TABLES with a reason)',
    ).toEqual([]);
  });

  it('lists no pending split that is already done', () => {
    const done = PENDING.filter((p) => (sizes.get(p.path) ?? 0) <= MAX_LINES).map(
      (p) => `${p.path} is ${sizes.get(p.path) ?? 'gone'}: remove it from PENDING`,
    );
    expect(done).toEqual([]);
  });

  it('allows only data tables: every allowlist entry names files that exist', () => {
    const missing = DATA_TABLES.filter((d) => ![...sizes.keys()].some((p) => p.startsWith(d.prefix)));
    expect(missing.map((d) => d.prefix)).toEqual([]);
  });
});
