/**
 * The play scheduler, outside React. One request in flight at a time (pull): the next advance is asked
 * only after the previous answer arrived, so no step is dropped by "newest request wins".
 *
 * - Below BATCH_SPEED steps/s: advance 1 step (no summary), then wait for the rest of 1000/speed ms.
 *   Every step is shown. The first step comes at once when play starts.
 * - From BATCH_SPEED up: once per animation frame, advance by the steps owed at that speed since the
 *   last frame (fractions carried over; a frame after a long pause counts at most MAX_FRAME_GAP_MS),
 *   with summary = true. 'max' advances an adaptive batch sized so an answer takes about a frame.
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
  /** Requests an advance and applies its answer; resolves false when playing must stop. */
  advance(steps: number, summary: boolean): Promise<boolean>;
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

  /** Stops without a word to the store (restart keeps the rate play's clock). */
  function halt(): void {
    running = false;
    gen++;
    cancel?.();
    cancel = null;
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
    else if (s === 'max' || (typeof s === 'number' && s >= BATCH_SPEED)) nextFrame(g);
    else slowStep(g);
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
    void deps.advance(1, false).then((ok) => {
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

  function nextFrame(g: number): void {
    cancel = clock.frame(() => {
      cancel = null;
      if (g !== gen) return;
      const s = deps.speed();
      const dt = frameGap();
      let n: number;
      if (s === 'max') n = batch;
      else {
        const owed = carry + ((typeof s === 'number' ? s : 0) * dt) / 1000;
        n = Math.floor(owed);
        carry = owed - n;
      }
      if (n < 1) return nextFrame(g);
      const began = clock.now();
      void deps.advance(n, true).then((ok) => {
        if (g !== gen) return;
        if (!ok) return finish(g);
        if (s === 'max') sizeBatch(clock.now() - began, true);
        nextFrame(g);
      });
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
