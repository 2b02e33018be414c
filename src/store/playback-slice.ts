/**
 * Playback: the cursor and the controls that move it. Every move is a request through the engine link;
 * the numbers (cursor, known, ended) come back with the answer.
 */
import type { EngineLink } from './engine-link';
import { DEFAULT_SPEED, type PlaybackSlice, type SimState, type SimStore, SPEEDS } from './types';

export function createPlaybackSlice(
  link: EngineLink,
  set: SimStore['setState'],
  get: () => SimState,
): PlaybackSlice {
  const pause = (): void => {
    link.player.stop();
    if (get().playing) set({ playing: false });
  };

  /** Waits for a pending load (its cursor is the one to move); false when nothing is loaded. */
  const ready = async (): Promise<boolean> => {
    while (link.loading !== null) await link.loading;
    return get().frame !== null;
  };

  const seekTo = async (step: number): Promise<void> => {
    link.target = step;
    await link.send({ type: 'seek', step });
  };

  return {
    cursor: 0,
    known: 0,
    ended: false,
    playing: false,
    speed: DEFAULT_SPEED,
    playTime: null,
    source: null,
    seedOverride: undefined,
    interventions: [],

    async open(session) {
      pause();
      link.target = null;
      const p = link.client.request({ type: 'open', session, frameLimit: link.options.frameLimit });
      link.loading = p;
      const res = await p;
      if (link.loading === p) link.loading = null;
      if (res === null) return false;
      if (res.type === 'error') {
        link.applyError(res);
        return false;
      }
      set({ source: session.source, seedOverride: session.seed });
      link.applyFrame(res);
      // One open computes a bounded number of steps: a session beyond them is reached by seeking on.
      let at = res.frame.step;
      let ended = res.ended;
      while (at < session.step && !ended) {
        const more = await link.send({ type: 'seek', step: session.step });
        if (more === null || more.type !== 'frame' || more.frame.step <= at) return false;
        at = more.frame.step;
        ended = more.ended;
      }
      return at === session.step;
    },

    load(source, seed) {
      return get().open({ source, ...(seed === undefined ? {} : { seed }), interventions: [], step: 0 });
    },

    play() {
      const s = get();
      if (s.frame === null || s.ended || s.fatal !== null) return;
      if (!s.playing) set({ playing: true });
      link.player.start();
    },

    pause,

    togglePlay() {
      if (get().playing) pause();
      else get().play();
    },

    async stepForward() {
      pause();
      if (!(await ready())) return;
      const s = get();
      if (s.ended && link.target === null) return;
      await seekTo((link.target ?? s.cursor) + 1);
    },

    async stepBack() {
      pause();
      if (!(await ready())) return;
      const base = link.target ?? get().cursor;
      if (base <= 0) return;
      await seekTo(base - 1);
    },

    async seek(step) {
      if (!Number.isFinite(step) || !(await ready())) return;
      await seekTo(Math.max(0, Math.trunc(step)));
    },

    async seekTime(ms) {
      if (Number.isNaN(ms) || !(await ready())) return;
      link.target = null;
      await link.send({ type: 'seek-time', time: ms });
    },

    async seekTimeAtOrBefore(ms) {
      if (Number.isNaN(ms) || !(await ready())) return false;
      link.target = null;
      let at = -1;
      for (;;) {
        const res = await link.send({ type: 'seek-time', time: ms, at: 'last-at-or-before' });
        if (res === null || res.type !== 'frame') return false;
        // The request's budget ran out short of the first step after ms: go on from where it stopped.
        const step = res.frame.step;
        if (res.ended || res.frame.time > ms || step === at || step < res.known) return true;
        at = step;
      }
    },

    async runUntil(until) {
      pause();
      if (!(await ready())) return null;
      link.target = null;
      const res = await link.send({ type: 'run-until', until, maxSteps: link.options.runUntilMaxSteps });
      return res !== null && res.type === 'frame' ? (res.untilReached ?? null) : null;
    },

    setSpeed(speed) {
      if (!SPEEDS.includes(speed) || get().speed === speed) return;
      set({ speed });
      link.player.restart();
    },

    async intervene(action) {
      if (get().playing || !(await ready())) return false;
      const step = get().cursor;
      link.target = null;
      const res = await link.send({ type: 'intervene', step, action });
      return res !== null && res.type === 'frame';
    },

    setStopPoints(steps) {
      link.stopPoints = [...new Set(steps.filter((x) => Number.isInteger(x) && x > 0))].sort((a, b) => a - b);
    },

    async interveneNow(action) {
      pause();
      return get().intervene(action);
    },
  };
}
