/**
 * The play scheduler, outside React. One request in flight at a time (pull): the next advance is asked
 * only after the previous answer arrived, so no step is dropped by "newest request wins".
 *
 * - Below BATCH_SPEED steps/s: advance 1 step (no summary), then wait for the rest of 1000/speed ms.
 *   Every step is shown. The first step comes at once when play starts.
 * - From BATCH_SPEED up: one advance per animation frame, by the steps owed at that speed since the
 *   last one (fractions carried over; a gap after a long pause counts at most MAX_FRAME_GAP_MS), with
 *   summary = true. 'max' advances an adaptive batch sized so the engine answers in about half a frame.
 *   The batches are pipelined: an answer is applied at the start of an animation frame and the next
 *   advance is asked right after, so the engine computes it while the page renders the one just applied,
 *   and it is ready when the next frame starts. At most one answer is applied per animation frame (one
 *   that arrives when this frame already has one waits for the next), so no render is wasted on a frame
 *   the display never shows.
 * - At a virtual-time rate (types.ts RATES): once per animation frame, the virtual time moves on by
 *   rate × the wall time since the last frame, and the engine goes to the last step at or before it
 *   (`advanceToTime`, with a summary), at most an adaptive batch of steps on. When the batch runs out
 *   first (many steps at one instant), the virtual time waits at the step reached: the clock never shows
 *   a time the figure has not got to. The virtual time starts from the frame on screen, and again
 *   whenever someone else moved the cursor (a seek while playing).
 */
import type { Clock } from './clock';
import { BATCH_SPEED, type Speed, virtualRate } from './types';

/** Where a rate advance got to: the step and its virtual time, and whether it reached the time asked. */
export interface TimeAdvance {
  readonly step: number;
  readonly time: number;
  readonly reached: boolean;
}

export interface PlayerDeps {
  readonly clock: Clock;
  speed(): Speed;
  /**
   * Asks for an advance of up to `steps` and returns a function that applies its answer and says
   * whether playing goes on; null when there is nothing to ask (a stop point is next: stop).
   */
  advance(steps: number, summary: boolean): Promise<(() => boolean) | null>;
  /**
   * Requests an advance to the last step at or before `time` (ms of virtual time), at most `steps` on,
   * and applies its answer; resolves where it got to, or null when playing must stop.
   */
  advanceToTime(time: number, steps: number): Promise<TimeAdvance | null>;
  /** The step on screen and its virtual time. */
  shown(): { readonly step: number; readonly time: number };
  /** The virtual time a rate play has reached, for the clock (null: not playing at a rate). */
  setPlayTime(ms: number | null): void;
  /** Called when the scheduler stops by itself (end of the run, an error). */
  onStop(): void;
}

export interface Player {
  start(): void;
  stop(): void;
  /** Stops and starts again (speed change); a rate play keeps its virtual time. */
  restart(): void;
  readonly running: boolean;
}

const MAX_FRAME_GAP_MS = 250;
const MAX_BATCH = 20_000;
const MIN_BATCH = 16;

export function createPlayer(deps: PlayerDeps): Player {
  const { clock } = deps;
  let running = false;
  let gen = 0;
  let cancel: (() => void) | null = null;
  let carry = 0;
  let last = 0;
  let batch = 256;
  /** A rate play's virtual time, and the step it belongs to (-1: take both from the screen). */
  let vt = 0;
  let vtStep = -1;

  /** The batch pipeline's state (see the header). */
  let inFlight = false;
  let waiting: (() => boolean) | null = null;
  let appliedThisFrame = false;

  /** Stops without a word to the store (restart keeps the rate play's clock). */
  function halt(): void {
    running = false;
    gen++;
    cancel?.();
    cancel = null;
    // An answer kept for the next frame is shown now: the engine's cursor is already there.
    const w = waiting;
    waiting = null;
    w?.();
  }

  function forgetTime(): void {
    vtStep = -1;
    deps.setPlayTime(null);
  }

  function finish(g: number): void {
    if (g !== gen) return;
    halt();
    forgetTime();
    deps.onStop();
  }

  function loop(g: number): void {
    const s = deps.speed();
    if (virtualRate(s) !== null) rateFrame(g);
    else if (batched(s)) {
      ask(g);
      nextFrame(g);
    } else slowStep(g);
  }

  function batched(s: Speed): boolean {
    return s === 'max' || (typeof s === 'number' && s >= BATCH_SPEED);
  }

  /** Adapts the batch so an answer takes about a frame (grows only when the batch was the limit). */
  function sizeBatch(took: number, limited: boolean): void {
    if (took < 8 && limited) batch = Math.min(MAX_BATCH, batch * 2);
    else if (took > 30) batch = Math.max(MIN_BATCH, Math.floor(batch / 2));
  }

  /** Wall milliseconds since the previous frame (at most MAX_FRAME_GAP_MS). */
  function frameGap(): number {
    const now = clock.now();
    const dt = Math.min(MAX_FRAME_GAP_MS, Math.max(0, now - last));
    last = now;
    return dt;
  }

  function slowStep(g: number): void {
    const began = clock.now();
    void deps.advance(1, false).then((apply) => {
      const ok = apply?.() === true;
      if (g !== gen) return;
      if (!ok) return finish(g);
      const s = deps.speed();
      const interval = typeof s === 'number' ? 1000 / s : 0;
      cancel = clock.after(Math.max(0, interval - (clock.now() - began)), () => {
        cancel = null;
        if (g === gen) loop(g);
      });
    });
  }

  /** Applies an answer; false when playing must stop. */
  function applyNow(g: number, apply: () => boolean): boolean {
    appliedThisFrame = true;
    const ok = apply();
    if (g !== gen) return false;
    if (!ok) finish(g);
    return ok;
  }

  function nextFrame(g: number): void {
    cancel = clock.frame(() => {
      cancel = null;
      if (g !== gen) return;
      appliedThisFrame = false;
      const w = waiting;
      waiting = null;
      if (w !== null && !applyNow(g, w)) return;
      if (!inFlight) ask(g);
      nextFrame(g);
    });
  }

  /** Asks for the next batch (if any steps are owed) and applies or keeps its answer when it comes. */
  function ask(g: number): void {
    const s = deps.speed();
    if (!batched(s)) return;
    const now = clock.now();
    let n: number;
    if (s === 'max') n = batch;
    else {
      const dt = Math.min(MAX_FRAME_GAP_MS, Math.max(0, now - last));
      const owed = carry + ((typeof s === 'number' ? s : 0) * dt) / 1000;
      n = Math.floor(owed);
      if (n < 1) return;
      carry = owed - n;
    }
    last = now;
    inFlight = true;
    void deps.advance(n, true).then((apply) => {
      inFlight = false;
      if (apply === null) {
        finish(g);
        return;
      }
      if (s === 'max' && g === gen) sizeBatch(clock.now() - now, true);
      // A stopped player still applies what it asked for: the engine's cursor has moved there.
      if (g !== gen) {
        apply();
        return;
      }
      if (appliedThisFrame) {
        waiting = apply;
        return;
      }
      if (applyNow(g, apply)) ask(g);
    });
  }

  function rateFrame(g: number): void {
    cancel = clock.frame(() => {
      cancel = null;
      if (g !== gen) return;
      const rate = virtualRate(deps.speed()) ?? 0;
      const dt = frameGap();
      const on = deps.shown();
      if (on.step !== vtStep) {
        vt = on.time;
        vtStep = on.step;
      }
      const target = vt + rate * dt;
      const began = clock.now();
      void deps.advanceToTime(target, batch).then((res) => {
        if (g !== gen) return;
        if (res === null) return finish(g);
        vtStep = res.step;
        // The batch ran out first: the clock waits at the step reached.
        vt = res.reached ? target : res.time;
        deps.setPlayTime(vt);
        sizeBatch(clock.now() - began, !res.reached);
        rateFrame(g);
      });
    });
  }

  const player: Player = {
    start() {
      if (running) return;
      running = true;
      const g = ++gen;
      carry = 0;
      last = clock.now();
      if (virtualRate(deps.speed()) === null) forgetTime();
      loop(g);
    },
    stop() {
      if (!running) return;
      halt();
      forgetTime();
    },
    restart() {
      if (!running) return;
      halt();
      player.start();
    },
    get running() {
      return running;
    },
  };
  return player;
}
