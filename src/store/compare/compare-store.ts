/**
 * createCompareStore: two sessions side by side (issue 13), each in its own SimStore over its own
 * engine client (in the page, its own Worker), moved by one transport, and the search for where they
 * part (an injected Comparer fed from each side's `trace` windows).
 *
 * Alignment (state.position):
 * - by time (the default), position is a virtual time and each side shows its LAST step at or before it
 *   (SimState.seekTimeAtOrBefore; step 0 when no step is: the position lies before its first step).
 *   stepForward goes to the next distinct time at which either side has a step, stepBack to the previous
 *   one (or, from the earliest, to one ms before it: both sides at step 0). A session opened at step 0
 *   starts "before the first step".
 * - by step, position is a step number and both sides show it (each clamped at its end).
 * - open() shows each session at its own step (a link reopens the very frames it was made from) and sets
 *   the position from them: by time the later side's time, by step the larger step.
 * - showDifference(i) puts each side exactly at the difference's step (leftStep/rightStep: what the
 *   timelines mark); position = the difference's time (by time) or the larger of the two steps (by step).
 *   The next transport move aligns both from there.
 *
 * The search: each request (nextDifference) feeds both sides' trace windows, in turn, into the comparer
 * until a difference after the one on screen is listed, both runs ended ('complete'), or each side has
 * been read `searchBudget` steps further in this request ('frontier': asking again searches on). A move
 * of the transport (step, seek, align, open, vary) stops a search under way at its next window
 * ('partial': what was read stays fed), so the move does not wait for the whole budget.
 *
 * Failures: each side's `fatal` puts it in `failed`; the transport skips it and the other side goes on;
 * restartSide() recreates its engine and reopens its session at its step. All moves run one at a time.
 */
import { createStore } from 'zustand/vanilla';
import type { EngineClient } from '../../bridge/client';
import {
  ALIGN_MODES,
  type AlignMode,
  type CompareInput,
  type CompareResult,
  type Comparer,
  type Difference,
  SIDES,
  type Side,
} from '../../compare/types';
import type { Session } from '../../engine/model/session';
import { browserClock, type Clock } from '../clock';
import { sessionOf } from '../selectors';
import { createSimStore } from '../sim-store';
import type { SimState, SimStore } from '../types';
import { lastTimeBefore, nextTimeAfter } from './times';
import {
  COMPARE_SPEEDS,
  type CompareSearchState,
  type CompareState,
  type CompareStore,
  type Variation,
} from './types';
import { defaultParseText, type ParseText, variedSession } from './variation';

export interface CompareStoreOptions {
  /** A new engine client (in the page: a Worker); called once per side. */
  readonly makeClient: () => EngineClient;
  /** The comparer (src/compare createComparer), made anew for every setup. */
  readonly makeComparer: (input: CompareInput) => Comparer;
  /** The transport's clock (default: the browser's). */
  readonly clock?: Clock;
  /** Rows per long list in each side's frames (default 200). */
  readonly frameLimit?: number;
  /** Steps per side one search request may read ahead (default 20,000). */
  readonly searchBudget?: number;
  /**
   * Steps per trace window of the search (default 20,000: the Worker answers fewer when its record cap
   * cuts the window; each window far ahead replays from the computed frontier, so fewer windows cost less).
   */
  readonly searchWindow?: number;
  /** Steps a time-aligned step forward may read to find the next time (default 50,000). */
  readonly timeScan?: number;
  /** Reads a file's text for an era or setting variation (default: the scenario parser, on demand). */
  readonly parseText?: () => Promise<ParseText>;
}

const IDLE_SEARCH: CompareSearchState = {
  status: 'idle',
  differences: [],
  searchedTo: { left: 0, right: 0 },
  current: null,
  message: null,
};

interface Search {
  readonly comparer: Comparer;
  /** Steps fed per side, and whether that side's run ended. */
  readonly fed: Record<Side, { to: number; ended: boolean }>;
}

export function createCompareStore(opts: CompareStoreOptions): CompareStore {
  const clock = opts.clock ?? browserClock();
  const budget = Math.max(1, opts.searchBudget ?? 20_000);
  const window = Math.max(1, opts.searchWindow ?? 20_000);
  const timeScan = Math.max(1, opts.timeScan ?? 50_000);
  const clients: Record<Side, EngineClient> = { left: opts.makeClient(), right: opts.makeClient() };
  const storeOpts = { clock, ...(opts.frameLimit === undefined ? {} : { frameLimit: opts.frameLimit }) };
  const sides: Record<Side, SimStore> = {
    left: createSimStore(clients.left, storeOpts),
    right: createSimStore(clients.right, storeOpts),
  };
  const side = (s: Side): SimState => sides[s].getState();

  let search: Search | null = null;
  /** Bumped by every open/vary: a search of an older setup stops. */
  let setupGen = 0;
  /** Bumped by every move the user makes: a search under way stops at its next window ('partial'). */
  let moveGen = 0;
  /** Bumped by every pause: a pending play tick stops. */
  let playGen = 0;
  let cancelTick: (() => void) | null = null;
  let disposed = false;
  let chain: Promise<unknown> = Promise.resolve();

  /** Runs moves one at a time, in order (a move started while another runs waits for it). */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  }

  const live = (): Side[] => SIDES.filter((s) => !store.getState().failed.includes(s));

  const store = createStore<CompareState>()((set, get) => {
    const setSearch = (patch: Partial<CompareSearchState>): void =>
      set({ search: { ...get().search, ...patch } });

    function pause(): void {
      playGen++;
      cancelTick?.();
      cancelTick = null;
      if (get().playing) set({ playing: false });
    }

    // --- alignment -------------------------------------------------------------------------------

    async function alignTime(pos: number): Promise<void> {
      await Promise.all(live().map((s) => side(s).seekTimeAtOrBefore(pos)));
      set({ position: pos });
    }

    async function alignStep(pos: number): Promise<void> {
      const target = Math.max(0, Math.trunc(pos));
      const on = live();
      await Promise.all(on.map((s) => side(s).seek(target)));
      // Clamped at each end: past both ends, the position is the later end.
      const furthest = Math.max(0, ...on.map((s) => side(s).cursor));
      set({ position: Math.min(target, furthest) });
    }

    /** The position of the frames on screen: by time, the later side's time (before the first step at step 0). */
    function positionOfSides(mode: AlignMode): number {
      const on = live().map(side);
      if (on.length === 0) return 0;
      if (mode === 'step') return Math.max(...on.map((s) => s.cursor));
      return Math.max(...on.map((s) => (s.frame?.time ?? 0) - (s.cursor === 0 ? 1 : 0)));
    }

    /** One move forward; false when nothing moved (both at their ends). */
    async function forward(): Promise<boolean> {
      const { align, position } = get();
      const before = live().map((s) => side(s).cursor);
      if (align === 'step') await alignStep(position + 1);
      else {
        const next = await Promise.all(live().map((s) => nextTimeAfter(side(s), position, timeScan)));
        const times = next.filter((t): t is number => t !== null);
        if (times.length === 0) return false;
        await alignTime(Math.min(...times));
      }
      return live().some((s, i) => side(s).cursor !== before[i]);
    }

    async function back(): Promise<void> {
      const { align, position } = get();
      if (align === 'step') {
        if (position > 0) await alignStep(position - 1);
        return;
      }
      const prev = await Promise.all(live().map((s) => lastTimeBefore(side(s), position)));
      const times = prev.filter((t): t is number => t !== null);
      if (times.length > 0) await alignTime(Math.max(...times));
      // No step lies before the position: one ms before it, both sides show step 0.
      else if (live().some((s) => side(s).cursor > 0)) await alignTime(position - 1);
    }

    const moved = (): void => {
      if (get().search.current !== null) setSearch({ current: null });
    };

    // --- play ------------------------------------------------------------------------------------

    function tick(g: number): void {
      cancelTick = null;
      void serial(forward).then(
        (ok) => {
          if (g !== playGen || disposed) return;
          moved();
          if (!ok) return pause();
          cancelTick = clock.after(1000 / get().speed, () => tick(g));
        },
        () => {
          if (g === playGen) pause();
        },
      );
    }

    // --- opening ---------------------------------------------------------------------------------

    /**
     * Opens `sessions` on their sides in parallel; when one is refused, the sides that opened go back
     * to the session they showed (when they had one) and the refusal is returned.
     */
    async function openSides(sessions: Partial<Record<Side, Session>>): Promise<string | null> {
      const which = SIDES.filter((s) => sessions[s] !== undefined);
      const before = Object.fromEntries(which.map((s) => [s, sessionOf(side(s))])) as Record<
        Side,
        Session | null
      >;
      // A failed side gets a fresh engine first (an open is the one request a broken engine takes, but
      // a crashed Worker takes none).
      await Promise.all(which.filter((s) => get().failed.includes(s)).map((s) => side(s).restart()));
      const errBefore = Object.fromEntries(which.map((s) => [s, side(s).error]));
      const results = await Promise.all(
        which.map(async (s) => {
          const ok = await side(s).open(sessions[s]!);
          const err = side(s).error;
          const refused = !ok && (side(s).frame === null || (err !== null && err !== errBefore[s]));
          return { s, refused, err: refused ? err : null };
        }),
      );
      const refusal = results.find((r) => r.refused);
      if (refusal === undefined) return null;
      await Promise.all(
        results.map(async (r) => {
          if (r.refused) side(r.s).dismissError();
          else if (before[r.s] !== null) await side(r.s).open(before[r.s]!);
        }),
      );
      const e = refusal.err;
      set({
        error: {
          message: `The ${refusal.s} session was refused: ${e?.message ?? 'it could not be opened'}`,
          details: e?.details ?? [],
        },
      });
      return e?.message ?? 'refused';
    }

    /** A new comparison of what is open: the search starts over. */
    function startSearch(): void {
      setupGen++;
      const eras = SIDES.map((s) => side(s).scenario?.era);
      search =
        eras[0] === undefined || eras[1] === undefined
          ? null
          : { comparer: opts.makeComparer({ leftEra: eras[0], rightEra: eras[1] }), fed: fresh() };
      set({ search: IDLE_SEARCH });
    }

    // --- the search ------------------------------------------------------------------------------

    const fresh = (): Search['fed'] => ({ left: { to: 0, ended: false }, right: { to: 0, ended: false } });

    function publish(
      r: CompareResult,
      status: CompareSearchState['status'],
      message: string | null = null,
      lookAhead = false,
    ): void {
      setSearch({ status, differences: r.differences, searchedTo: { ...r.fedTo }, message, lookAhead });
    }

    /** Feeds windows until `found` holds; null when the search stopped without it. */
    async function searchUntil(found: (r: CompareResult) => boolean): Promise<CompareResult | null> {
      const sr = search;
      if (sr === null) return null;
      const gen = setupGen;
      const moves = moveGen;
      const spent: Record<Side, number> = { left: 0, right: 0 };
      // Sides whose window came back empty and cut short: the engine's look-ahead cap (not the end).
      const capped = new Set<Side>();
      setSearch({ status: 'searching', message: null, lookAhead: false });
      for (;;) {
        const r = sr.comparer.result();
        if (found(r)) {
          publish(r, r.complete ? 'complete' : 'partial');
          return r;
        }
        if (r.complete) {
          publish(r, 'complete');
          return null;
        }
        const todo = SIDES.filter((s) => !sr.fed[s].ended && !capped.has(s) && spent[s] < budget);
        if (todo.length === 0) {
          publish(r, 'frontier', null, capped.size > 0);
          return null;
        }
        // Progress on screen while searching (searchedTo).
        if (r.fedTo.left + r.fedTo.right > 0) publish(r, 'searching');
        const windows = await Promise.all(
          todo.map(async (s) => {
            const from = sr.fed[s].to + 1;
            const to = from + Math.min(window, budget - spent[s]) - 1;
            return { s, from, to, w: await side(s).fetchTrace(from, to) };
          }),
        );
        if (gen !== setupGen || disposed) return null;
        if (moves !== moveGen) {
          // The user moved meanwhile: what was fed stays; asking again searches on from there.
          publish(sr.comparer.result(), 'partial');
          return null;
        }
        for (const { s, from, to, w } of windows) {
          if (w === null) {
            publish(sr.comparer.result(), 'error', `The ${s} side's trace could not be read.`);
            return null;
          }
          if (w.truncated && w.to < from) {
            capped.add(s);
            continue;
          }
          // Not cut short by a cap and shorter than asked: the run ended at w.to (an empty window says so too).
          const ended = !w.truncated && w.to < to;
          sr.comparer.feed(s, w.records, from, Math.max(w.to, from - 1), ended);
          sr.fed[s] = { to: Math.max(w.to, from - 1), ended };
          spent[s] += Math.max(1, w.to - from + 1);
        }
      }
    }

    async function show(i: number): Promise<void> {
      const d: Difference | undefined = get().search.differences[i];
      if (d === undefined) return;
      const steps: Record<Side, number> = { left: d.leftStep, right: d.rightStep };
      await Promise.all(live().map((s) => side(s).seek(steps[s])));
      set({ position: get().align === 'time' ? d.time : Math.max(d.leftStep, d.rightStep) });
      setSearch({ current: i });
    }

    /** A difference not yet passed on both sides (after the one on screen, when one is). */
    function afterHere(): (d: Difference, i: number) => boolean {
      const cur = get().search.current;
      if (cur !== null) return (_, i) => i > cur;
      const l = side('left').cursor;
      const r = side('right').cursor;
      return (d) => d.leftStep > l || d.rightStep > r;
    }

    return {
      setup: null,
      align: 'time',
      position: 0,
      playing: false,
      speed: 1,
      search: IDLE_SEARCH,
      failed: [],
      error: null,

      async open(setup) {
        moveGen++;
        pause();
        if (
          typeof setup !== 'object' ||
          setup === null ||
          !ALIGN_MODES.includes(setup.align) ||
          typeof setup.left !== 'object' ||
          typeof setup.right !== 'object'
        ) {
          set({ error: { message: 'The comparison is not valid.', details: [] } });
          return false;
        }
        return serial(async () => {
          if ((await openSides({ left: setup.left, right: setup.right })) !== null) return false;
          set({ setup, align: setup.align, position: positionOfSides(setup.align), error: null });
          startSearch();
          return true;
        });
      },

      async vary(variation: Variation) {
        moveGen++;
        pause();
        return serial(async () => {
          const setup = get().setup;
          const left = sessionOf(side('left'));
          if (setup === null || left === null) return false;
          const needsText =
            variation.kind !== 'seed' && variation.kind !== 'fork' && left.source.kind === 'text';
          const parse: ParseText = needsText
            ? await (opts.parseText ?? defaultParseText)()
            : () => ({ error: 'no reader' });
          const right = variedSession(left, variation, parse);
          if ('error' in right) {
            set({ error: { message: right.error, details: [] } });
            return false;
          }
          if ((await openSides({ right })) !== null) return false;
          const { align, position } = get();
          if (align === 'time') await side('right').seekTimeAtOrBefore(position);
          else await side('right').seek(position);
          set({ setup: { left, right, align }, error: null });
          startSearch();
          return true;
        });
      },

      async setAlign(mode) {
        moveGen++;
        pause();
        if (!ALIGN_MODES.includes(mode)) return;
        await serial(async () => {
          if (get().align === mode) return;
          const pos = positionOfSides(mode);
          const setup = get().setup;
          set({ align: mode, ...(setup === null ? {} : { setup: { ...setup, align: mode } }) });
          moved();
          if (setup === null) return;
          if (mode === 'time') await alignTime(pos);
          else await alignStep(pos);
        });
      },

      async stepForward() {
        moveGen++;
        pause();
        await serial(async () => {
          if (get().setup === null) return;
          await forward();
          moved();
        });
      },

      async stepBack() {
        moveGen++;
        pause();
        await serial(async () => {
          if (get().setup === null) return;
          await back();
          moved();
        });
      },

      async seek(position) {
        moveGen++;
        pause();
        if (!Number.isFinite(position)) return;
        await serial(async () => {
          if (get().setup === null) return;
          if (get().align === 'time') await alignTime(position);
          else await alignStep(position);
          moved();
        });
      },

      play() {
        const s = get();
        if (s.playing || s.setup === null || disposed || live().length === 0) return;
        set({ playing: true });
        tick(++playGen);
      },

      pause,

      togglePlay() {
        if (get().playing) pause();
        else get().play();
      },

      setSpeed(speed) {
        if (!COMPARE_SPEEDS.includes(speed) || get().speed === speed) return;
        set({ speed });
      },

      async nextDifference() {
        pause();
        return serial(async () => {
          const after = afterHere();
          let i = get().search.differences.findIndex(after);
          if (i < 0) {
            const r = await searchUntil((res) => res.differences.some(after));
            if (r === null) return false;
            i = r.differences.findIndex(after);
          }
          await show(i);
          return true;
        });
      },

      async previousDifference() {
        pause();
        return serial(async () => {
          const list = get().search.differences;
          const cur = get().search.current;
          let i: number;
          if (cur !== null) i = cur - 1;
          else {
            const l = side('left').cursor;
            const r = side('right').cursor;
            i = list.findLastIndex(
              (d) => d.leftStep <= l && d.rightStep <= r && (d.leftStep < l || d.rightStep < r),
            );
          }
          if (i < 0) return false;
          await show(i);
          return true;
        });
      },

      async showDifference(index) {
        pause();
        await serial(() => show(index));
      },

      dismissError() {
        set({ error: null });
      },

      async restartSide(s) {
        if (!SIDES.includes(s)) return;
        await serial(async () => {
          await side(s).restart();
          if (get().setup === null || side(s).fatal !== null) return;
          // Back to where the other side is, by the alignment.
          if (get().align === 'time') await side(s).seekTimeAtOrBefore(get().position);
          else await side(s).seek(get().position);
        });
      },

      dispose() {
        if (disposed) return;
        pause();
        disposed = true;
        for (const u of unsubscribe) u();
        for (const s of SIDES) {
          side(s).dispose();
          clients[s].dispose();
        }
      },
    };
  });

  // A side whose engine failed is marked; the other goes on (its own store shows the failure).
  const unsubscribe = SIDES.map((s) =>
    sides[s].subscribe(
      (st) => st.fatal,
      (fatal) => {
        const failed = store.getState().failed;
        const next =
          fatal === null ? failed.filter((x) => x !== s) : failed.includes(s) ? failed : [...failed, s];
        if (next.length !== failed.length) store.setState({ failed: SIDES.filter((x) => next.includes(x)) });
      },
    ),
  );

  return Object.assign(store, { sides: { left: sides.left, right: sides.right } }) as CompareStore;
}
