/**
 * Fast-forward at a virtual-time rate (moves.ts `forwardToTime`): it lands on the last step at or before
 * the time asked, counts what it passed like `forward`, stops at its step cap, and leaves the cursor as a
 * fresh run would (also after undoing a step that lay after the time).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../model/trace';
import { createWorld } from '../sim/create-world';
import { stepWorld } from '../sim/step';
import { randomScenario } from '../sim/test-scenarios';
import { freshRun } from '../timeline/timeline';
import { forward, forwardToTime, goTo } from './moves';
import { openRun } from './run';

/** Every step's time and records of a fresh run, up to `steps` steps (index 0 = step 1). */
function stepsOf(seed: number, steps: number): { time: number; records: TraceRecord[] }[] {
  const scenario = randomScenario(seed);
  const w = createWorld(scenario);
  const ctx = { scenario, script: [...scenario.script] };
  const out: { time: number; records: TraceRecord[] }[] = [];
  while (out.length < steps) {
    const recs = stepWorld(w, ctx);
    if (recs === null) break;
    out.push({ time: w.now, records: recs });
  }
  return out;
}

/** Per-arrow counts of the records of steps from + 1 … to − 1 (what a jump from `from` to `to` skips). */
function skipped(all: { records: TraceRecord[] }[], from: number, to: number) {
  const byArrow: Record<string, number> = {};
  let records = 0;
  for (let s = from + 1; s < to; s++)
    for (const x of all[s - 1]!.records) {
      records++;
      byArrow[String(x.arrow)] = (byArrow[String(x.arrow)] ?? 0) + 1;
    }
  return { fromStep: from, toStep: to, records, byArrow };
}

describe('forwardToTime', () => {
  it('lands on the last step at or before t and counts the steps it passed, as a fresh run says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 150 }),
        fc.array(fc.integer({ min: 0, max: 4_000 }), { minLength: 1, maxLength: 6 }),
        (seed, start, gaps) => {
          const all = stepsOf(seed, 3_000);
          const r = openRun(randomScenario(seed), { frameLimit: 50, keyframeInterval: 37 });
          goTo(r, start, 1_000_000);
          let t = r.tl.cursor.now;
          for (const gap of gaps) {
            t += gap;
            const from = r.tl.cursor.step;
            const res = forwardToTime(r, 1_000_000, t, true);
            // The last step at or before t (steps never go back in time), never behind where it began.
            let want = from;
            while (want < all.length && all[want]!.time <= t) want++;
            expect(r.tl.cursor.step).toBe(want);
            expect(res.reached).toBe(want < all.length);
            expect(res.summary).toEqual(skipped(all, from, want));
            expect(r.tl.cursorRecords).toEqual(want === 0 ? [] : all[want - 1]!.records);
          }
          expect(r.tl.cursor).toEqual(freshRun(r.tl, r.tl.cursor.step));
        },
      ),
      { numRuns: 25, seed: 14 },
    );
  });

  it('stops at its step cap inside a burst (reached false), and goes on from there', () => {
    const r = openRun(randomScenario(7), { frameLimit: 50 });
    // The cold start: many steps before the first second of virtual time.
    const res = forwardToTime(r, 5, 1_000, true);
    expect([r.tl.cursor.step, res.reached]).toEqual([5, false]);
    expect(r.tl.cursor.now).toBeLessThanOrEqual(1_000);
    const more = forwardToTime(r, 1_000_000, 1_000, true);
    expect(more.reached).toBe(true);
    expect(more.summary?.fromStep).toBe(5);
    const check = openRun(randomScenario(7), { frameLimit: 50 });
    forwardToTime(check, 1_000_000, 1_000, false);
    expect(r.tl.cursor.step).toBe(check.tl.cursor.step);
  });

  it('counts the same records as forward over the same steps', () => {
    const a = openRun(randomScenario(21), { frameLimit: 50 });
    const b = openRun(randomScenario(21), { frameLimit: 50 });
    const res = forwardToTime(a, 1_000_000, 60_000, true);
    const ref = forward(b, a.tl.cursor.step, true, null);
    expect(res.summary).toEqual(ref.summary);
  });

  it('does not move when the time asked lies before the next step', () => {
    const r = openRun(randomScenario(5), { frameLimit: 50 });
    goTo(r, 40, 1_000);
    const at = r.tl.cursor.now;
    const res = forwardToTime(r, 100, at - 1, true);
    expect([r.tl.cursor.step, res.reached, res.summary?.records]).toEqual([40, true, 0]);
  });
});
