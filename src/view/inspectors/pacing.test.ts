// The inspectors' pacing (pacing.ts), driven through simulated time the way the hook drives it: frames
// at given times, a timer for each due time (fired when due unless a later decision moved it), and
// visibility changes. What is checked is when the newest frame is shown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACE_START, PACING, type PaceState, paceFlush, paceFrame, paceVisibility } from './pacing';

type Event = { at: number; kind: 'frame' } | { at: number; kind: 'visible'; on: boolean };

/** Runs `events` (ascending times) and returns the times the newest frame was shown. */
function run(events: readonly Event[], onScreen0: boolean, until: number): number[] {
  let s: PaceState = PACE_START;
  let on = onScreen0;
  const shows: number[] = [];
  const due = (st: PaceState): number => Math.min(st.quietDue ?? Infinity, st.maxDue ?? Infinity);
  const fireTimersBefore = (t: number): void => {
    for (let d = due(s); d <= t; d = due(s)) {
      s = paceFlush(d);
      shows.push(d);
    }
  };
  for (const e of events) {
    fireTimersBefore(e.at);
    if (e.kind === 'visible') on = e.on;
    const step = e.kind === 'frame' ? paceFrame(s, e.at, on) : paceVisibility(s, e.at, on);
    s = step.state;
    if (step.show) shows.push(e.at);
  }
  fireTimersBefore(until);
  return shows;
}

/** Frames every `every` ms from `from` to `to` (exclusive). */
function stream(from: number, to: number, every: number): Event[] {
  const out: Event[] = [];
  for (let t = from; t < to; t += every) out.push({ at: t, kind: 'frame' });
  return out;
}

describe('inspector pacing', () => {
  it('on screen: a step after a quiet moment is shown at once', () => {
    expect(run([{ at: 1000, kind: 'frame' }], true, 5000)).toEqual([1000]);
  });

  it('on screen, while fast-forwarding: the first frame at once, then every maxWaitMs, then the last', () => {
    const shows = run(stream(0, 2500, 17), true, 10_000);
    expect(shows[0]).toBe(0);
    const periodic = shows.slice(1, -1);
    expect(periodic.length).toBe(2);
    for (let i = 0; i < periodic.length; i++) expect(periodic[i]).toBe((i + 1) * PACING.maxWaitMs);
    // The stream's last frame came at 2499: shown once frames stopped for quietMs.
    expect(shows.at(-1)).toBe(2499 + PACING.quietMs);
  });

  it('off screen: nothing while frames keep coming, the newest once they stop', () => {
    expect(run(stream(0, 3000, 17), false, 10_000)).toEqual([2992 + PACING.quietMs]);
  });

  it('off screen: a single step is shown once quietMs has passed, not at once', () => {
    expect(run([{ at: 1000, kind: 'frame' }], false, 5000)).toEqual([1000 + PACING.quietMs]);
  });

  it('scrolled into view while frames keep coming: at once, then periodically', () => {
    const events = [...stream(0, 3000, 17)];
    events.splice(
      events.findIndex((e) => e.at > 1200),
      0,
      { at: 1200, kind: 'visible', on: true },
    );
    const shows = run(events, false, 10_000);
    expect(shows[0]).toBe(1200);
    expect(shows[1]).toBe(1200 + PACING.maxWaitMs);
    expect(shows.at(-1)).toBe(2992 + PACING.quietMs);
  });

  it('every frame is eventually shown, and never more than maxWaitMs late while on screen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 200 }),
        fc.boolean(),
        (gaps, onScreen) => {
          const events: Event[] = [];
          let t = 0;
          for (const g of gaps) {
            t += g;
            events.push({ at: t, kind: 'frame' });
          }
          const shows = run(events, onScreen, t + 10_000);
          // The last frame is shown, at most quietMs after it came.
          expect(shows.at(-1)).toBeGreaterThanOrEqual(t);
          expect(shows.at(-1)).toBeLessThanOrEqual(t + PACING.quietMs);
          if (!onScreen) return;
          // On screen, a frame waits at most maxWaitMs to be shown (or replaced by a newer one shown).
          for (const e of events) {
            const next = shows.find((x) => x >= e.at);
            expect(next).toBeDefined();
            expect(next! - e.at).toBeLessThanOrEqual(PACING.maxWaitMs);
          }
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });
});
