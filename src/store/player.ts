/**
 * The play scheduler, outside React. One request in flight at a time (pull): the next advance is asked
 * only after the previous answer was applied, so no step is dropped by "newest request wins".
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
 */
import type { Clock } from './clock';
import { BATCH_SPEED, type Speed } from './types';

export interface PlayerDeps {
  readonly clock: Clock;
  speed(): Speed;
  /**
   * Asks for an advance of up to `steps` and returns a function that applies its answer and says
   * whether playing goes on; null when there is nothing to ask (a stop point is next: stop).
   */
  advance(steps: number, summary: boolean): Promise<(() => boolean) | null>;
  /** Called when the scheduler stops by itself (end of the run, an error). */
  onStop(): void;
}

export interface Player {
  start(): void;
  stop(): void;
  /** Stops and starts again (speed change). */
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

  function finish(g: number): void {
    if (g !== gen) return;
    running = false;
    gen++;
    deps.onStop();
  }

  function loop(g: number): void {
    const s = deps.speed();
    if (s === 'max' || s >= BATCH_SPEED) {
      ask(g);
      nextFrame(g);
    } else slowStep(g);
  }

  function slowStep(g: number): void {
    const began = clock.now();
    void deps.advance(1, false).then((apply) => {
      const ok = apply?.() === true;
      if (g !== gen) return;
      if (!ok) return finish(g);
      const s = deps.speed();
      const interval = s === 'max' ? 0 : 1000 / s;
      cancel = clock.after(Math.max(0, interval - (clock.now() - began)), () => {
        cancel = null;
        if (g === gen) loop(g);
      });
    });
  }

  /** The batch pipeline's state (see the header). */
  let inFlight = false;
  let waiting: (() => boolean) | null = null;
  let appliedThisFrame = false;

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
    if (s !== 'max' && s < BATCH_SPEED) return;
    const now = clock.now();
    const dt = Math.min(MAX_FRAME_GAP_MS, Math.max(0, now - last));
    let n: number;
    if (s === 'max') n = batch;
    else {
      const owed = carry + (s * dt) / 1000;
      n = Math.floor(owed);
      if (n < 1) return;
      carry = owed - n;
    }
    last = now;
    inFlight = true;
    void deps.advance(n, true).then((apply) => {
      inFlight = false;
      if (apply === null) {
        if (g === gen) finish(g);
        return;
      }
      if (s === 'max' && g === gen) {
        const took = clock.now() - now;
        if (took < 8) batch = Math.min(MAX_BATCH, batch * 2);
        else if (took > 30) batch = Math.max(MIN_BATCH, Math.floor(batch / 2));
      }
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

  const player: Player = {
    start() {
      if (running) return;
      running = true;
      const g = ++gen;
      carry = 0;
      last = clock.now();
      loop(g);
    },
    stop() {
      if (!running) return;
      running = false;
      gen++;
      cancel?.();
      cancel = null;
      // An answer kept for the next frame is shown now: the engine's cursor is already there.
      const w = waiting;
      waiting = null;
      w?.();
    },
    restart() {
      if (!running) return;
      player.stop();
      player.start();
    },
    get running() {
      return running;
    },
  };
  return player;
}
