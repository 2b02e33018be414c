/**
 * The play scheduler's clock, injectable: the browser's (performance.now, setTimeout,
 * requestAnimationFrame) or a manual one for tests.
 */

export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Calls `cb` once after `ms`; returns a cancel function. */
  after(ms: number, cb: () => void): () => void;
  /** Calls `cb` once at the next animation frame; returns a cancel function. */
  frame(cb: () => void): () => void;
}

export function browserClock(): Clock {
  const after = (ms: number, cb: () => void): (() => void) => {
    const t = setTimeout(cb, ms);
    return () => clearTimeout(t);
  };
  return {
    now: () => performance.now(),
    after,
    frame(cb) {
      if (typeof requestAnimationFrame !== 'function') return after(16, cb);
      const h = requestAnimationFrame(() => cb());
      return () => cancelAnimationFrame(h);
    },
  };
}

export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing due timers in time order. */
  tick(ms: number): void;
  /** Moves time forward by `ms` (default 16), fires due timers, then the pending frame callbacks. */
  animationFrame(ms?: number): void;
  readonly pendingTimers: number;
  readonly pendingFrames: number;
}

/** A clock that moves only when told (tests). */
export function createManualClock(start = 0): ManualClock {
  let t = start;
  let seq = 0;
  const timers = new Map<number, { at: number; cb: () => void }>();
  const frames = new Map<number, () => void>();
  function fireDue(): void {
    for (;;) {
      let next: [number, { at: number; cb: () => void }] | null = null;
      for (const e of timers) if (e[1].at <= t && (next === null || e[1].at < next[1].at)) next = e;
      if (next === null) return;
      timers.delete(next[0]);
      next[1].cb();
    }
  }
  return {
    now: () => t,
    after(ms, cb) {
      const id = ++seq;
      timers.set(id, { at: t + Math.max(0, ms), cb });
      return () => timers.delete(id);
    },
    frame(cb) {
      const id = ++seq;
      frames.set(id, cb);
      return () => frames.delete(id);
    },
    tick(ms) {
      const end = t + ms;
      for (;;) {
        let due = end;
        for (const e of timers.values()) if (e.at < due) due = e.at;
        t = due;
        fireDue();
        if (t >= end) return;
      }
    },
    animationFrame(ms = 16) {
      this.tick(ms);
      const cbs = [...frames.values()];
      frames.clear();
      for (const cb of cbs) cb();
    },
    get pendingTimers() {
      return timers.size;
    },
    get pendingFrames() {
      return frames.size;
    },
  };
}
