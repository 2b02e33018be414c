import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention, InterventionAction } from '../model/session';
import type { TraceRecord } from '../model/trace';
import { randomScenario } from '../sim/test-scenarios';
import { freshRun } from '../timeline/timeline';
import { goTo, replaySession } from './moves';
import { interveneAt, interventionsOf, marksOf, openRun, SessionError } from './run';
import { traceWindow } from './windows';

const ACTIONS: InterventionAction[] = [
  { action: 'compact' },
  { action: 'closeWatch' },
  { action: 'watchError', code: 410, kind: 'Foo' },
  { action: 'failReconciles', count: 2 },
  { action: 'apiErrors', code: 500, durationMs: 800 },
];

describe('a session replayed on a run', () => {
  it('equals the same interventions made by hand, and a fresh run of the resulting script', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: ACTIONS.length - 1 })),
          {
            maxLength: 4,
          },
        ),
        fc.integer({ min: 0, max: 400 }),
        (seed, raw, end) => {
          const scenario = randomScenario(seed);
          const ivs: Intervention[] = raw
            .map(([step, a]) => ({ step, action: ACTIONS[a]! }))
            .sort((a, b) => a.step - b.step);
          const byHand = openRun(scenario, { frameLimit: 50, keyframeInterval: 37 });
          for (const iv of ivs) {
            goTo(byHand, iv.step, 1_000_000);
            interveneAt(byHand, byHand.tl.cursor.step, iv.action);
          }
          goTo(byHand, Math.max(end, ivs.at(-1)?.step ?? 0), 1_000_000);
          const target = byHand.tl.cursor.step;
          const made = interventionsOf(byHand);

          const replayed = openRun(scenario, { frameLimit: 50, keyframeInterval: 37 });
          replaySession(replayed, made, target, 1_000_000);
          expect(replayed.tl.cursor).toEqual(byHand.tl.cursor);
          expect(interventionsOf(replayed)).toEqual(made);
          expect(marksOf(replayed).filter((m) => m.kind === 'intervention').length).toBe(made.length);
          expect(replayed.tl.cursor).toEqual(freshRun(replayed.tl, target));
        },
      ),
      { numRuns: 12, seed: 11 },
    );
  });

  it('an intervention at an earlier step drops the later ones and their script entries', () => {
    const r = openRun(randomScenario(3), { frameLimit: 50 });
    const scripted = r.tl.ctx.script.length;
    goTo(r, 100, 1000);
    interveneAt(r, 100, { action: 'compact' });
    goTo(r, 200, 1000);
    interveneAt(r, 200, { action: 'closeWatch' });
    interveneAt(r, 200, { action: 'failReconciles', count: 1 });
    expect(interventionsOf(r).map((i) => i.step)).toEqual([100, 200, 200]);
    expect(r.tl.ctx.script.length).toBe(scripted + 3);
    goTo(r, 150, 1000);
    interveneAt(r, 150, { action: 'compact' });
    expect(interventionsOf(r).map((i) => [i.step, i.action.action])).toEqual([
      [100, 'compact'],
      [150, 'compact'],
    ]);
    expect(r.tl.ctx.script.length).toBe(scripted + 2);
    expect([r.tl.known, r.tl.cursor.step]).toEqual([150, 150]);
    expect(marksOf(r).every((m) => m.step <= 150)).toBe(true);
  });

  it('refuses an intervention whose step the run cannot reach, or steps that go backwards', () => {
    const r = openRun(randomScenario(5), { frameLimit: 50 });
    expect(() => replaySession(r, [{ step: 500, action: { action: 'compact' } }], 600, 100)).toThrow(
      SessionError,
    );
    const r2 = openRun(randomScenario(5), { frameLimit: 50 });
    expect(() =>
      replaySession(
        r2,
        [
          { step: 50, action: { action: 'compact' } },
          { step: 20, action: { action: 'compact' } },
        ],
        60,
        1000,
      ),
    ).toThrow(/never decrease/);
  });
});

describe('trace windows ahead of the computed range', () => {
  it('read window after window (going on from where the last one stopped) equal one window of a fresh run, and an intervention drops the look-ahead', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(
          fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: ACTIONS.length - 1 })),
          {
            nil: null,
          },
        ),
        (seed, sizes, cursor, iv) => {
          const scenario = randomScenario(seed);
          const run = openRun(scenario, { frameLimit: 50, keyframeInterval: 37 });
          goTo(run, cursor, 1_000_000);
          // Read windows ahead (some with gaps between them), then maybe intervene at the cursor.
          let from = run.tl.cursor.step + 1;
          const read: TraceRecord[] = [];
          for (const [i, n] of sizes.entries()) {
            const w = traceWindow(run, from, from + n - 1, 100_000);
            for (const x of w.records) read.push(x);
            from = w.to + 1 + (i % 3 === 2 ? 5 : 0);
          }
          const fresh = openRun(scenario, { frameLimit: 50 });
          const all = traceWindow(fresh, 1, from + 10, 100_000).records;
          const steps = new Set(read.map((x) => x.step));
          expect(read).toEqual(all.filter((x) => steps.has(x.step)));
          if (iv === null) return;
          interveneAt(run, run.tl.cursor.step, ACTIONS[iv[1]]!);
          // Where the last window ahead stopped: the fork's steps there differ from the old future's.
          const after = traceWindow(run, from, from + 40, 100_000).records;
          const forked = openRun(scenario, { frameLimit: 50 });
          goTo(forked, run.tl.cursor.step, 1_000_000);
          interveneAt(forked, forked.tl.cursor.step, ACTIONS[iv[1]]!);
          expect(after).toEqual(traceWindow(forked, from, from + 40, 100_000).records);
        },
      ),
      { numRuns: 25 },
    );
  });
});
