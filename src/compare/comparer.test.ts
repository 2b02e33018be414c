/**
 * The comparer over real runs (built-in scenarios and lessons, run in Node as the Worker runs them):
 * a run compared with itself, a fork with one intervention, the same pair fed in other windows, and the
 * three stories of the built-in comparisons (eras, DeepCopy, resync).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InterventionAction } from '../engine/model/session';
import type { TraceRecord } from '../engine/model/trace';
import { createComparer } from './comparer';
import { recordSignature, sameRecord } from './normalise';
import { feedBoth, SOURCES, scenarioOf, type Trace, traceOf } from './test-runs';
import type { CompareResult, Difference } from './types';

const ACTIONS: InterventionAction[] = [
  { action: 'compact' },
  { action: 'closeWatch' },
  { action: 'watchError', code: 410, kind: 'Foo' },
  { action: 'failReconciles', count: 2 },
  { action: 'apiErrors', code: 500, durationMs: 800 },
  { action: 'restartApiServer', downtimeMs: 500, cacheInitMs: 100 },
  { action: 'slowHandlers', extraMs: 300, durationMs: 2000 },
];

const windowSizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 });
const interleaving = fc.array(fc.boolean(), { maxLength: 40 });

function compareAll(
  left: Trace,
  right: Trace,
  eras: { leftEra: 'classic' | 'modern'; rightEra: 'classic' | 'modern' } = {
    leftEra: 'classic',
    rightEra: 'classic',
  },
): CompareResult {
  const c = createComparer(eras);
  feedBoth(c, left, right);
  return c.result();
}

/** The naive comparison: both traces normalised in full, the first index where they differ (or -1). */
function naiveFirstDifference(a: readonly TraceRecord[], b: readonly TraceRecord[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || recordSignature(x) !== recordSignature(y)) return i;
  }
  return -1;
}

describe('a run compared with itself', () => {
  it('finds no difference, whatever the scenario, seed and windows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 30, max: 160 }),
        windowSizes,
        windowSizes,
        interleaving,
        (src, seed, steps, ls, rs, order) => {
          const t = traceOf(scenarioOf(src, {}, seed), steps);
          const era = scenarioOf(src).settings.era;
          const c = createComparer({ leftEra: era, rightEra: era });
          feedBoth(c, t, t, { left: ls, right: rs }, order);
          const r = c.result();
          expect(r.differences).toEqual([]);
          expect(r.complete).toBe(true);
          expect(r.fedTo).toEqual({ left: t.to, right: t.to });
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('a fork with one intervention at step n', () => {
  it('diverges exactly at the first differing record of the two full traces, never at or before n', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom(...ACTIONS),
        (src, n, action) => {
          const scenario = scenarioOf(src);
          const steps = n + 80;
          const left = traceOf(scenario, steps);
          const right = traceOf(scenario, steps, [{ step: n, action }]);
          const i = naiveFirstDifference(left.records, right.records);
          const r = compareAll(left, right, {
            leftEra: scenario.settings.era,
            rightEra: scenario.settings.era,
          });
          if (i === -1) {
            expect(r.differences).toEqual([]);
            return;
          }
          const first = r.differences[0]!;
          expect(first.kind).toBe('record');
          expect(first.leftStep).toBe(left.records[i]?.step ?? 0);
          expect(first.rightStep).toBe(right.records[i]?.step ?? 0);
          // The intervention acts in the steps after n; up to n both runs are the same run.
          if (first.leftStep !== 0) expect(first.leftStep).toBeGreaterThan(n);
          if (first.rightStep !== 0) expect(first.rightStep).toBeGreaterThan(n);
          expect(r.differences.filter((d) => d.kind === 'record')).toHaveLength(1);
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** Two runs that differ: another seed, the other era, or a fork. */
const pairs = fc.oneof(
  fc.record({ kind: fc.constant('seed' as const), seed: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({ kind: fc.constant('era' as const), seed: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({
    kind: fc.constant('fork' as const),
    n: fc.integer({ min: 0, max: 80 }),
    action: fc.constantFrom(...ACTIONS),
  }),
);

describe('the windows a comparison is fed in', () => {
  it('change nothing: each listed difference is final, and the list is the one of a single window', () => {
    fc.assert(
      fc.property(pairs, windowSizes, windowSizes, interleaving, (pair, ls, rs, order) => {
        const base = scenarioOf({ library: 'default' });
        const steps = 260;
        const left = traceOf(base, steps);
        let right: Trace;
        let rightEra: 'classic' | 'modern' = 'classic';
        if (pair.kind === 'seed') right = traceOf({ ...base, seed: pair.seed }, steps);
        else if (pair.kind === 'era') {
          rightEra = 'modern';
          right = traceOf(scenarioOf({ library: 'default' }, { era: 'modern' }, pair.seed), steps);
        } else right = traceOf(base, steps, [{ step: pair.n, action: pair.action }]);
        const eras = { leftEra: 'classic' as const, rightEra };
        const whole = compareAll(left, right, eras).differences;

        const c = createComparer(eras);
        const seen: Difference[][] = [];
        const spy = {
          feed: (...a: Parameters<typeof c.feed>) => {
            c.feed(...a);
            seen.push([...c.result().differences]);
          },
          result: () => c.result(),
        };
        feedBoth(spy, left, right, { left: ls, right: rs }, order);
        expect(c.result().differences).toEqual(whole);
        for (const listed of seen) expect(whole.slice(0, listed.length)).toEqual(listed);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the built-in comparisons’ stories', () => {
  it('classic against modern: an era difference at the initial list, Replaced deltas against ReplacedAll', () => {
    const left = traceOf(scenarioOf({ library: 'default' }), 200);
    const right = traceOf(scenarioOf({ library: 'default' }, { era: 'modern' }), 200);
    const r = compareAll(left, right, { leftEra: 'classic', rightEra: 'modern' });
    const first = r.differences[0]!;
    expect(first.kind).toBe('era');
    expect([first.leftStep, first.rightStep]).toEqual([1, 1]);
    expect(first.summary.left.map((c) => c.type)).toContain('Replaced');
    expect(first.summary.right.map((c) => c.type)).toContain('ReplacedAll');
    expect(first.summary.left.every((c) => c.type !== 'ReplacedAll')).toBe(true);
    // After the era difference come what the controller sees, never another era or record difference.
    expect(
      r.differences.slice(1).every((d) => ['handler', 'lister', 'queue', 'write'].includes(d.kind)),
    ).toBe(true);
  });

  it('with and without DeepCopy: the first difference is the worker mutating the cached Foo', () => {
    const base = scenarioOf({ library: 'default' });
    const left = traceOf(base, 300);
    const right = traceOf(
      scenarioOf({ library: 'default' }, { mistakes: { ...base.settings.mistakes, noDeepCopy: true } }),
      300,
    );
    const r = compareAll(left, right);
    const first = r.differences[0]!;
    expect(first.kind).toBe('record');
    const at = right.records.filter((x) => x.step === first.rightStep).map((x) => x.message);
    expect(at).toContain('worker.cache-mutated');
    expect(first.summary.right.map((c) => c.message)).toContain('worker.cache-mutated');
    expect(first.summary.left.map((c) => c.message)).not.toContain('worker.cache-mutated');
  });

  it('resync on against off: a handler difference, a resync OnUpdate on the left only', () => {
    const left = traceOf(scenarioOf({ lesson: 'resync' }), 200);
    const right = traceOf(scenarioOf({ lesson: 'resync' }, { resyncPeriodMs: 0 }), 200);
    const r = compareAll(left, right);
    const onlyLeft = r.differences.find((d) => d.kind === 'handler' && d.rightStep === 0);
    expect(onlyLeft).toBeDefined();
    const call = left.records.find((x) => x.step === onlyLeft!.leftStep && x.message === 'handler.OnUpdate')!;
    expect(call.params.rv).toBe(call.params.oldRv); // a resync: the same object twice (SI3)
    expect(onlyLeft!.summary.left).toEqual([{ message: 'handler.OnUpdate', type: null, count: 1 }]);
    expect(onlyLeft!.summary.right).toEqual([]);
  });
});

describe('feeding', () => {
  it('parts where one run ended and the other goes on: its next record, the other side at step 0', () => {
    const long = traceOf(scenarioOf({ library: 'default' }), 100);
    const short: Trace = { records: long.records.filter((r) => r.step <= 60), to: 60 };
    const r = compareAll(long, short);
    expect(r.differences[0]).toMatchObject({ kind: 'record', leftStep: 61, rightStep: 0 });
    expect(r.complete).toBe(true);
  });

  it('refuses a window that does not follow the last one, and a window after the end', () => {
    const t = traceOf(scenarioOf({ library: 'default' }), 20);
    const c = createComparer({ leftEra: 'classic', rightEra: 'classic' });
    c.feed(
      'left',
      t.records.filter((r) => r.step <= 10),
      1,
      10,
      false,
    );
    expect(() => c.feed('left', [], 12, 14, false)).toThrow(/does not follow/);
    c.feed(
      'left',
      t.records.filter((r) => r.step > 10),
      11,
      20,
      true,
    );
    expect(() => c.feed('left', [], 21, 21, true)).toThrow(/ended/);
    expect(c.result().fedTo).toEqual({ left: 20, right: 0 });
    expect(c.result().complete).toBe(false);
  });
});

describe('matching two records', () => {
  it('agrees with comparing their signatures, over records of real runs and ones with a param changed', () => {
    const recs = [
      ...traceOf(scenarioOf({ library: 'default' }), 150).records,
      ...traceOf(scenarioOf({ library: 'default' }, { era: 'modern' }), 150).records,
    ];
    const changed = fc.record({
      i: fc.nat({ max: recs.length - 1 }),
      j: fc.nat({ max: recs.length - 1 }),
      tweak: fc.option(
        fc.tuple(
          fc.constantFrom('rv', 'type', 'watchId', 'worker', 'code', 'extra'),
          fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        ),
      ),
    });
    fc.assert(
      fc.property(changed, ({ i, j, tweak }) => {
        const a = recs[i]!;
        let b = recs[j]!;
        if (tweak !== null) b = { ...a, params: { ...a.params, [tweak[0]]: tweak[1] } };
        expect(sameRecord(a, b)).toBe(recordSignature(a) === recordSignature(b));
        expect(sameRecord(a, a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
