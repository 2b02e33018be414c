/**
 * The play scheduler, outside React. One request in flight at a time (pull): the next advance is asked
 * only after the previous answer arrived, so no step is dropped by "newest request wins".
 *
 * - Below BATCH_SPEED steps/s: advance 1 step (no summary), then wait for the rest of 1000/speed ms.
 *   Every step is shown. The first step comes at once when play starts.
 * - From BATCH_SPEED up: once per animation frame, advance by the steps owed at that speed since the
 *   last frame (fractions carried over; a frame after a long pause counts at most MAX_FRAME_GAP_MS),
 *   with summary = true. 'max' advances an adaptive batch sized so an answer takes about a frame.
 */
import type { Clock } from './clock';
import { BATCH_SPEED, type Speed } from './types';

export interface PlayerDeps {
  readonly clock: Clock;
  speed(): Speed;
  /** Requests an advance and applies its answer; resolves false when playing must stop. */
  advance(steps: number, summary: boolean): Promise<boolean>;
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
    if (s === 'max' || s >= BATCH_SPEED) nextFrame(g);
    else slowStep(g);
  }

  function slowStep(g: number): void {
    const began = clock.now();
    void deps.advance(1, false).then((ok) => {
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

  function nextFrame(g: number): void {
    cancel = clock.frame(() => {
      cancel = null;
      if (g !== gen) return;
      const s = deps.speed();
      const now = clock.now();
      const dt = Math.min(MAX_FRAME_GAP_MS, Math.max(0, now - last));
      last = now;
      let n: number;
      if (s === 'max') n = batch;
      else {
        const owed = carry + (s * dt) / 1000;
        n = Math.floor(owed);
        carry = owed - n;
      }
      if (n < 1) return nextFrame(g);
      const began = clock.now();
      void deps.advance(n, true).then((ok) => {
        if (g !== gen) return;
        if (!ok) return finish(g);
        if (s === 'max') {
          const took = clock.now() - began;
          if (took < 8) batch = Math.min(MAX_BATCH, batch * 2);
          else if (took > 30) batch = Math.max(MIN_BATCH, Math.floor(batch / 2));
        }
        nextFrame(g);
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
      loop(g);
    },
    stop() {
      if (!running) return;
      running = false;
      gen++;
      cancel?.();
      cancel = null;
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
