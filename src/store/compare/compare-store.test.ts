import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../bridge/in-process-client';
import { createComparer } from '../../compare/comparer';
import type { Side } from '../../compare/types';
import type { Session } from '../../engine/model/session';
import type { TraceRecord } from '../../engine/model/trace';
import { libraryScenario } from '../../scenarios/library';
import { createEngineHost } from '../../worker/engine-host';
import type { Request, Response } from '../../worker/protocol';
import { createManualClock } from '../clock';
import { type CompareStoreOptions, createCompareStore } from './compare-store';
import type { CompareSetup } from './types';

const DEFAULT: Session = { source: { kind: 'library', name: 'default' }, interventions: [], step: 0 };
const MODERN: Session = {
  source: { kind: 'library', name: 'default', changes: { era: 'modern' } },
  interventions: [],
  step: 0,
};
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The first `n` steps of a session's run, from a host of its own (the naive reference). */
function traceOf(session: Session, n: number): TraceRecord[] {
  const h = createEngineHost();
  h.handle({ id: 1, type: 'open', session: { ...session, step: 0 } });
  const out: TraceRecord[] = [];
  for (let from = 1, id = 2; from <= n; id++) {
    const w = h.handle({ id, type: 'trace', from, to: n });
    if (w.type !== 'trace' || w.to < from) break;
    out.push(...w.records);
    from = w.to + 1;
  }
  return out;
}

/** Step → time of the first `n` steps (index 0 unused). */
function timesOf(session: Session, n: number): number[] {
  const times: number[] = [Number.NaN];
  for (const x of traceOf(session, n)) times[x.step] = x.time;
  return times;
}

function lastAtOrBefore(times: readonly number[], t: number): number {
  let s = 0;
  while (s + 1 < times.length && times[s + 1]! <= t) s++;
  if (s + 1 >= times.length) throw new Error(`the reference is too short for time ${t}`);
  return s;
}

/** A host that throws (as a crashed Worker does) while `crash[side]` is set. */
function compare(extra: Partial<CompareStoreOptions> = {}) {
  const clock = createManualClock();
  const crash: Record<Side, boolean> = { left: false, right: false };
  const order: Side[] = ['left', 'right'];
  let made = 0;
  const store = createCompareStore({
    makeClient: () => {
      const side = order[made++]!;
      return createInProcessClient(() => {
        const host = createEngineHost();
        return {
          handle(req: Request): Response {
            if (crash[side]) throw new Error(`${side} crashed`);
            return host.handle(req);
          },
        };
      });
    },
    makeComparer: (input) => createComparer(input),
    clock,
    ...extra,
  });
  const s = () => store.getState();
  const cursors = () => [store.sides.left.getState().cursor, store.sides.right.getState().cursor];
  return { store, s, clock, crash, cursors };
}

const pair = (left: Session, right: Session, align: CompareSetup['align'] = 'time'): CompareSetup => ({
  left,
  right,
  align,
});

describe('compare store', () => {
  it('aligned by time, after any moves each side shows the last step of its run whose time is ≤ the position', async () => {
    const times = { left: timesOf(DEFAULT, 1_500), right: timesOf(MODERN, 1_500) };
    const maxT = Math.min(times.left[600]!, times.right[600]!);
    const { s, cursors } = compare();
    expect(await s().open(pair(DEFAULT, MODERN))).toBe(true);
    // Opened at step 0: the position lies before the first step.
    expect(cursors()).toEqual([0, 0]);
    expect(s().position).toBeLessThan(Math.min(times.left[1]!, times.right[1]!));
    const op = fc.oneof(
      fc.constant({ kind: 'forward' as const }),
      fc.constant({ kind: 'back' as const }),
      fc.record({ kind: fc.constant('seek' as const), t: fc.integer({ min: -10, max: maxT }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await s().seek(-1);
        for (const o of ops) {
          const before = s().position;
          if (o.kind === 'forward') await s().stepForward();
          else if (o.kind === 'back') await s().stepBack();
          else await s().seek(o.t);
          const pos = s().position;
          expect(cursors()).toEqual([lastAtOrBefore(times.left, pos), lastAtOrBefore(times.right, pos)]);
          const all = [...times.left.slice(1), ...times.right.slice(1)];
          if (o.kind === 'forward') {
            // The next distinct time at which either side has a step.
            expect(pos).toBe(Math.min(...all.filter((t) => t > before)));
          }
          if (o.kind === 'back' && before >= Math.min(...all)) {
            const earlier = all.filter((t) => t < before);
            expect(pos).toBe(earlier.length > 0 ? Math.max(...earlier) : before - 1);
          }
        }
      }),
      { numRuns: 12 },
    );
    s().dispose();
  });

  it('aligned by step, both sides show the position (clamped at 0); switching the alignment keeps the frames in step', async () => {
    const { s, cursors } = compare();
    expect(await s().open(pair(DEFAULT, MODERN, 'step'))).toBe(true);
    await s().stepBack();
    expect([s().position, ...cursors()]).toEqual([0, 0, 0]);
    for (let i = 0; i < 5; i++) void s().stepForward();
    await s().stepForward();
    expect([s().position, ...cursors()]).toEqual([6, 6, 6]);
    await s().seek(250.7);
    expect([s().position, ...cursors()]).toEqual([250, 250, 250]);
    await s().seek(-4);
    expect([s().position, ...cursors()]).toEqual([0, 0, 0]);
    await s().seek(40);
    await s().setAlign('time');
    const times = { left: timesOf(DEFAULT, 200), right: timesOf(MODERN, 200) };
    // By time from the later side's time: each side at its last step at or before it.
    expect(s().position).toBe(Math.max(times.left[40]!, times.right[40]!));
    expect(cursors()).toEqual([
      lastAtOrBefore(times.left, s().position),
      lastAtOrBefore(times.right, s().position),
    ]);
    expect(s().setup?.align).toBe('time');
    s().dispose();
  });

  it('a link reopens the very frames it names; a setup refused on one side leaves the previous one as it was', async () => {
    const { s, store, cursors } = compare();
    const setup = pair({ ...DEFAULT, step: 120 }, { ...MODERN, step: 90 });
    expect(await s().open(setup)).toBe(true);
    expect(cursors()).toEqual([120, 90]);
    const digests = () => [
      store.sides.left.getState().frame?.digest,
      store.sides.right.getState().frame?.digest,
    ];
    const before = digests();
    const position = s().position;
    const bad = pair(
      { source: { kind: 'library', name: 'default' }, seed: 7, interventions: [], step: 10 },
      { source: { kind: 'text', text: 'kind: Nope' }, interventions: [], step: 0 },
    );
    expect(await s().open(bad)).toBe(false);
    expect(s().error?.message).toMatch(/right/);
    expect(s().setup).toBe(setup);
    expect(s().position).toBe(position);
    // The left side opened the new session, then went back to the one it showed.
    expect(cursors()).toEqual([120, 90]);
    expect(digests()).toEqual(before);
    expect(store.sides.left.getState().seedOverride).toBeUndefined();
    expect(store.sides.right.getState().error).toBeNull();
    s().dismissError();
    expect(s().error).toBeNull();
    // A setup that is not one at all.
    expect(await s().open({ left: DEFAULT, right: DEFAULT, align: 'sideways' } as never)).toBe(false);
    expect(s().setup).toBe(setup);
    s().dispose();
  });

  it('a first setup refused on one side leaves no setup; dispose ends both engines', async () => {
    const { s, store } = compare();
    const bad = pair(DEFAULT, {
      source: { kind: 'library', name: 'no-such-story' },
      interventions: [],
      step: 0,
    });
    expect(await s().open(bad)).toBe(false);
    expect([s().setup, s().search.status]).toEqual([null, 'idle']);
    expect(s().error?.message).toMatch(/right/);
    expect(await s().nextDifference()).toBe(false);
    s().dispose();
    expect(await store.sides.left.getState().fetchTrace(1, 5)).toBeNull();
    expect(await store.sides.right.getState().fetchTrace(1, 5)).toBeNull();
  });

  it('varies the era and a setting of a scenario file (read into a scenario first)', async () => {
    const { s, store } = compare();
    const text = libraryScenario('default')!.yaml;
    const file: Session = { source: { kind: 'text', text }, interventions: [], step: 10 };
    expect(await s().open(pair(file, file))).toBe(true);
    expect(await s().vary({ kind: 'era', era: 'modern' })).toBe(true);
    const right = store.sides.right.getState();
    expect(right.source?.kind).toBe('scenario');
    expect(right.scenario?.era).toBe('modern');
    expect(store.sides.left.getState().scenario?.era).toBe('classic');
    s().dispose();
  });

  it('a crash on one side marks it failed; the other side still steps and plays; restartSide brings it back', async () => {
    const { s, store, crash, cursors, clock } = compare();
    expect(await s().open(pair(DEFAULT, DEFAULT, 'step'))).toBe(true);
    await s().seek(20);
    crash.right = true;
    await s().stepForward();
    await flush();
    expect(s().failed).toEqual(['right']);
    expect(store.sides.right.getState().fatal).toMatch(/right crashed/);
    await s().stepForward();
    expect(cursors()).toEqual([22, 20]);
    s().setSpeed(10);
    s().play();
    for (let i = 0; i < 5; i++) {
      await flush();
      clock.tick(100);
    }
    await flush();
    s().pause();
    expect(cursors()[0]).toBeGreaterThan(24);
    expect(cursors()[1]).toBe(20);
    crash.right = false;
    await s().restartSide('right');
    expect(s().failed).toEqual([]);
    expect(cursors()[1]).toBe(s().position);
    expect(cursors()[0]).toBe(s().position);
    s().dispose();
  });

  it('plays at the speed of the shared transport on the injected clock, and pauses on a step', async () => {
    const { s, cursors, clock } = compare();
    expect(await s().open(pair(DEFAULT, DEFAULT, 'step'))).toBe(true);
    s().setSpeed(4);
    s().play();
    await flush();
    expect(s().position).toBe(1);
    for (let i = 0; i < 4; i++) {
      clock.tick(250);
      await flush();
    }
    expect(s().position).toBe(5);
    await s().stepBack();
    expect(s().playing).toBe(false);
    clock.tick(1_000);
    await flush();
    expect([s().position, ...cursors()]).toEqual([4, 4, 4]);
    s().dispose();
  });

  it('a session compared with itself: the search stops at the budget with frontier, and asking again searches on', async () => {
    const { s } = compare({ searchBudget: 300, searchWindow: 120 });
    expect(await s().open(pair(DEFAULT, DEFAULT))).toBe(true);
    expect(s().search.status).toBe('idle');
    expect(await s().nextDifference()).toBe(false);
    expect(s().search.status).toBe('frontier');
    expect(s().search.differences).toEqual([]);
    expect(s().search.searchedTo).toEqual({ left: 300, right: 300 });
    expect(await s().nextDifference()).toBe(false);
    expect(s().search.searchedTo).toEqual({ left: 600, right: 600 });
    s().dispose();
  });

  it('a move during a search stops it at its next window (partial); the move happens and asking again goes on', async () => {
    const { s, store, cursors } = compare({ searchBudget: 5_000, searchWindow: 100 });
    expect(await s().open(pair(DEFAULT, DEFAULT, 'step'))).toBe(true);
    // The user steps as soon as the search shows progress (the in-process engine never yields to timers).
    let step: Promise<void> | null = null;
    const stop = store.subscribe((st) => {
      if (step === null && st.search.status === 'searching' && st.search.searchedTo.left > 0)
        step = s().stepForward();
    });
    expect(await s().nextDifference()).toBe(false);
    stop();
    expect(step).not.toBeNull();
    await step;
    expect(s().search.status).toBe('partial');
    const got = s().search.searchedTo.left;
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(5_000);
    expect([s().position, ...cursors()]).toEqual([1, 1, 1]);
    expect(await s().nextDifference()).toBe(false);
    expect(s().search.status).toBe('frontier');
    expect(s().search.searchedTo).toEqual({ left: got + 5_000, right: got + 5_000 });
    s().dispose();
  });

  it('vary makes the right session from the left with one change', async () => {
    const { s, store } = compare();
    const left: Session = {
      source: { kind: 'library', name: 'default' },
      seed: 5,
      interventions: [],
      step: 30,
    };
    expect(await s().open(pair(left, left))).toBe(true);
    const right = () => store.sides.right.getState();
    expect(await s().vary({ kind: 'era', era: 'modern' })).toBe(true);
    expect(right().scenario?.era).toBe('modern');
    expect(right().source).toEqual({ kind: 'library', name: 'default', changes: { era: 'modern' } });
    expect(right().seedOverride).toBe(5);
    expect(s().setup?.right.source).toEqual(right().source);
    expect(await s().vary({ kind: 'seed', seed: 9 })).toBe(true);
    expect([right().seedOverride, right().scenario?.era, right().scenario?.seed]).toEqual([9, 'classic', 9]);
    expect(await s().vary({ kind: 'setting', changes: { resyncPeriodMs: 0 } })).toBe(true);
    expect(right().source).toEqual({ kind: 'library', name: 'default', changes: { resyncPeriodMs: 0 } });
    const mistakes = {
      noDeepCopy: true,
      noTombstoneUnwrap: false,
      noForget: false,
      noDone: false,
      filterAllResyncs: false,
    };
    expect(await s().vary({ kind: 'mistakes', mistakes })).toBe(true);
    expect(right().source).toEqual({ kind: 'library', name: 'default', changes: { mistakes } });
    expect(await s().vary({ kind: 'fork', step: 30, action: { action: 'compact' } })).toBe(true);
    expect(right().interventions).toEqual([{ step: 30, action: { action: 'compact' } }]);
    expect(right().source).toEqual(left.source);
    // A bad fork is refused with the engine's reason; the right side keeps what it showed.
    const before = right().frame;
    expect(await s().vary({ kind: 'fork', step: 30, action: { action: 'nope' } as never })).toBe(false);
    expect(s().error).not.toBeNull();
    expect(right().frame?.digest).toBe(before?.digest);
    expect(right().interventions).toEqual([{ step: 30, action: { action: 'compact' } }]);
    s().dispose();
  });

  it('nextDifference on a fork finds the first step where the records part (never before the fork), on both timelines', async () => {
    const fork = 150;
    const action = { action: 'closeWatch', kind: 'Foo' } as const;
    const forked: Session = { ...DEFAULT, interventions: [{ step: fork, action }] };
    // Naive: the first step whose records differ between the two full traces.
    const a = traceOf(DEFAULT, 600);
    const b = traceOf(forked, 600);
    const norm = (x: TraceRecord) => JSON.stringify([x.step, x.component, x.message, x.key, x.params]);
    let i = 0;
    while (i < a.length && i < b.length && norm(a[i]!) === norm(b[i]!)) i++;
    const first = Math.min(a[i]!.step, b[i]!.step);
    expect(first).toBeGreaterThan(fork);
    const { s, cursors } = compare({ searchWindow: 64 });
    expect(await s().open(pair(DEFAULT, DEFAULT))).toBe(true);
    await s().seek(a.find((x) => x.step === fork)!.time);
    expect(await s().vary({ kind: 'fork', step: fork, action })).toBe(true);
    await s().seek(-1);
    expect(await s().nextDifference()).toBe(true);
    const d = s().search.differences[0]!;
    expect([d.leftStep, d.rightStep]).toEqual([first, first]);
    expect(cursors()).toEqual([first, first]);
    expect(s().search.current).toBe(0);
    expect(s().position).toBe(d.time);
    // The next one is after it; back again shows the first.
    expect(await s().nextDifference()).toBe(true);
    expect(s().search.current).toBe(1);
    expect(cursors()[0]).toBeGreaterThan(first);
    expect(await s().previousDifference()).toBe(true);
    expect(cursors()).toEqual([first, first]);
    await s().stepForward();
    expect(s().search.current).toBeNull();
    s().dispose();
  });
});

describe('the search at the engine look-ahead cap', () => {
  it('stops with frontier and says the look-ahead cap stopped it, without asking window after empty window', async () => {
    let traces = 0;
    const store = createCompareStore({
      makeClient: () =>
        createInProcessClient(() => {
          const host = createEngineHost({ computePerRequest: 250 });
          return {
            handle(req: Request): Response {
              if (req.type === 'trace') traces++;
              return host.handle(req);
            },
          };
        }),
      makeComparer: (input) => createComparer(input),
      clock: createManualClock(),
      searchBudget: 5_000,
      searchWindow: 100,
    });
    const s = () => store.getState();
    expect(await s().open(pair(DEFAULT, DEFAULT, 'step'))).toBe(true);
    expect(await s().nextDifference()).toBe(false);
    expect(s().search.status).toBe('frontier');
    expect(s().search.lookAhead).toBe(true);
    // Each side reads up to the cap (step 250) and learns it from one empty answer.
    expect(s().search.searchedTo).toEqual({ left: 250, right: 250 });
    expect(traces).toBeLessThanOrEqual(2 * (Math.ceil(250 / 100) + 1));
    // Moved further on (the computed range grows), the search goes on past the old cap.
    await s().seek(200);
    expect(await s().nextDifference()).toBe(false);
    expect(s().search.searchedTo.left).toBeGreaterThan(250);
    s().dispose();
  });
});
