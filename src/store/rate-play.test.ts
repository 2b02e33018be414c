/**
 * Playing at a virtual-time rate (player.ts, `advance` with `untilTime`), on the in-process engine and
 * the manual clock: the virtual time follows the wall clock at the rate, every step in between is either
 * shown or counted in the skipped summary (the resyncs of the default scenario among them), the frame is
 * always the last step at or before the time on the clock, and pausing and a lesson's stop points stop it.
 */
import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../bridge/in-process-client';
import type { SkipSummary } from '../engine/model/session';
import type { TraceRecord } from '../engine/model/trace';
import { createEngineHost } from '../worker/engine-host';
import type { Request, Response } from '../worker/protocol';
import { createManualClock } from './clock';
import { createSimStore } from './sim-store';
import type { SimStore } from './types';

const DEFAULT = { kind: 'library', name: 'default' } as const;
const FRAME_MS = 16;
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** What one fast-forward answer showed: the step, its time and records, and what it skipped. */
interface Shown {
  readonly step: number;
  readonly time: number;
  readonly records: readonly TraceRecord[];
  readonly skipped: SkipSummary;
  readonly untilTime: number;
  readonly steps: number;
}

/** A store on an in-process engine and a manual clock; `shown` lists every rate answer. */
function setup() {
  const clock = createManualClock();
  const shown: Shown[] = [];
  const client = createInProcessClient(() => {
    const host = createEngineHost();
    return {
      handle(req: Request): Response {
        const res = host.handle(req);
        if (req.type === 'advance' && req.untilTime !== undefined && res.type === 'frame')
          shown.push({
            step: res.frame.step,
            time: res.frame.time,
            records: res.frame.records.map((r) => ({ arrow: r.arrow }) as TraceRecord),
            skipped: res.skipped!,
            untilTime: req.untilTime,
            steps: req.steps,
          });
        return res;
      },
    };
  });
  const store: SimStore = createSimStore(client, { clock });
  const s = () => store.getState();
  /** Runs animation frames until `ms` of wall time have passed. */
  const run = async (ms: number): Promise<void> => {
    const end = clock.now() + ms;
    while (clock.now() < end) {
      clock.animationFrame(FRAME_MS);
      await flush();
    }
  };
  return { clock, store, shown, s, run };
}

/** Each step's virtual time and records in a fresh run of the default scenario (index 0 = step 1). */
function referenceRun(steps: number): { time: number; records: TraceRecord[] }[] {
  const host = createEngineHost();
  const opened = host.handle({
    id: 1,
    type: 'open',
    session: { source: DEFAULT, interventions: [], step: 0 },
  });
  expect(opened.type).toBe('opened');
  const res = host.handle({ id: 2, type: 'trace', from: 1, to: steps });
  if (res.type !== 'trace') throw new Error(res.type);
  const out: { time: number; records: TraceRecord[] }[] = [];
  for (const r of res.records) {
    const at = out[r.step - 1] ?? { time: r.time, records: [] };
    at.records.push(r);
    out[r.step - 1] = at;
  }
  return out;
}

const isResync = (r: { arrow: unknown }): boolean => r.arrow === 'resync';

describe('playing at a virtual-time rate', () => {
  it('at 1 min/s, 5 s of wall time shows about 300 s of virtual time, passing every resync', async () => {
    const { clock, shown, s, run } = setup();
    await s().load(DEFAULT);
    s().setSpeed('1min/s');
    const began = clock.now();
    s().play();
    await run(5_000);
    const wall = clock.now() - began;
    expect(s().playing).toBe(true);
    // The clock: 60 virtual ms per wall ms, within one frame.
    const vt = s().playTime!;
    expect(Math.abs(vt - 60 * wall)).toBeLessThanOrEqual(60 * FRAME_MS);
    expect(vt).toBeGreaterThan(299_000);

    // The frame on screen is the last step at or before the clock's time.
    const ref = referenceRun(s().cursor + 1);
    const at = s().cursor;
    expect(s().frame!.time).toBeLessThanOrEqual(vt);
    expect(ref[at]!.time).toBeGreaterThan(vt);

    // Every step from 1 to the cursor was shown or counted, in order, with nothing left out.
    let from = 0;
    let resyncs = 0;
    for (const x of shown) {
      expect(x.skipped.fromStep).toBe(from);
      expect(x.skipped.toStep).toBe(x.step);
      if (x.step > from) resyncs += x.records.filter(isResync).length;
      resyncs += x.skipped.byArrow.resync ?? 0;
      // Each answer is the last step at or before the time it was asked for, unless its cap cut it.
      expect(x.time).toBeLessThanOrEqual(x.untilTime);
      if (x.step - from < x.steps) expect(ref[x.step]!.time).toBeGreaterThan(x.untilTime);
      from = x.step;
    }
    expect(from).toBe(at);
    const want = ref.slice(0, at).flatMap((x) => x.records.filter(isResync));
    expect(resyncs).toBe(want.length);

    // The resyncs happen every 30 s: about ten periods in 300 s, and each was on screen as it happened
    // (a frame within two seconds of virtual time after its first resync record).
    const periods = [...new Set(want.map((r) => Math.floor(r.time / 30_000)))];
    expect(periods.length).toBeGreaterThanOrEqual(9);
    for (const p of periods) {
      const first = want.find((r) => Math.floor(r.time / 30_000) === p)!.time;
      expect(shown.some((x) => x.time >= first && x.time <= first + 2_000)).toBe(true);
    }
    s().pause();
  });

  it('pausing stops it; the clock shows the step on screen again', async () => {
    const { s, run, shown } = setup();
    await s().load(DEFAULT);
    s().setSpeed('1min/s');
    s().play();
    await run(1_000);
    expect(s().playTime).not.toBeNull();
    s().pause();
    const [cursor, asked] = [s().cursor, shown.length];
    await run(2_000);
    expect([s().playing, s().playTime, s().cursor, shown.length]).toEqual([false, null, cursor, asked]);
  });

  it('changing between rates keeps the clock going; a seek while playing restarts it from there', async () => {
    const { s, run } = setup();
    await s().load(DEFAULT);
    s().setSpeed('10s/s');
    s().play();
    await run(1_000);
    const before = s().playTime!;
    expect(before).toBeGreaterThan(9_000);
    s().setSpeed('10min/s');
    await run(FRAME_MS);
    // One frame at 10 min/s on from where it was (not back to the frame's own time).
    expect(s().playTime! - before).toBeCloseTo(600 * FRAME_MS, -2);
    await run(500);
    await s().seek(40);
    const t40 = s().frame!.time;
    await run(FRAME_MS);
    expect(s().playTime!).toBeLessThanOrEqual(t40 + 2 * 600 * FRAME_MS);
    s().pause();
  });

  it("a lesson's stop point stops it with the step before on screen", async () => {
    const { s, run } = setup();
    await s().load(DEFAULT);
    // A stop point in the middle of the resync at about 90 s.
    const ref = referenceRun(2_000);
    const stop = ref.findIndex((x) => x.time > 90_000 && x.records.some(isResync)) + 2;
    expect(stop).toBeGreaterThan(2);
    s().setStopPoints([stop]);
    s().setSpeed('1min/s');
    s().play();
    await run(3_000);
    expect([s().playing, s().cursor, s().playTime]).toEqual([false, stop - 1, null]);
  });

  it('many steps at one instant do not stall it: requests stay capped and the clock waits for them', async () => {
    const { s, run, shown } = setup();
    // The heavy scenario's cold start: thousands of steps in its first second of virtual time.
    await s().load({ kind: 'library', name: 'heavy' });
    s().setSpeed('10s/s');
    s().play();
    await run(30 * FRAME_MS);
    expect(shown.length).toBeGreaterThanOrEqual(25);
    expect(shown[0]!.steps).toBe(256);
    expect(shown[0]!.step).toBe(256);
    for (const x of shown) expect(x.steps).toBeLessThanOrEqual(20_000);
    // Every capped answer moved on; the clock never ran ahead of the frame while capped.
    for (const x of shown.filter((y) => y.step - y.skipped.fromStep === y.steps))
      expect(x.step).toBeGreaterThan(x.skipped.fromStep);
    expect(s().playTime! - s().frame!.time).toBeLessThanOrEqual(10 * FRAME_MS);
    s().pause();
  });
});
