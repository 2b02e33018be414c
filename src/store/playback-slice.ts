/**
 * Playback: the cursor and the controls that move it. Every move is a request through the engine link;
 * the numbers (cursor, known, ended) come back with the answer.
 */
import type { Response } from '../worker/protocol';
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
    source: null,
    seedOverride: undefined,
    interventions: [],

    async load(source, seed) {
      pause();
      link.target = null;
      const p = link.client.request({
        type: 'load',
        source,
        ...(seed === undefined ? {} : { seed }),
        frameLimit: link.options.frameLimit,
      });
      link.loading = p;
      const res = await p;
      if (link.loading === p) link.loading = null;
      if (res === null) return false;
      if (res.type === 'error') {
        link.applyError(res);
        return false;
      }
      link.lastLoad = { source, seed };
      link.setInterventions([]);
      set({ source, seedOverride: seed });
      link.applyFrame(res);
      return true;
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
      if (res === null || res.type !== 'frame') return false;
      const at = res.frame.step;
      link.setInterventions([...link.interventions.filter((i) => i.step <= at), { step: at, action }]);
      return true;
    },

    setStopPoints(steps) {
      link.stopPoints = [...new Set(steps.filter((x) => Number.isInteger(x) && x > 0))].sort((a, b) => a - b);
    },

    async interveneNow(action) {
      pause();
      return get().intervene(action);
    },

    async applyInterventions(list, step) {
      pause();
      if (!(await ready())) return false;
      link.target = null;
      const { client } = link;
      let known = get().known;
      type Frame = Extract<Response, { type: 'frame' }>;
      /**
       * Seeks quietly towards `target`; one request computes a bounded number of new steps, so it asks
       * again while that makes progress. null: superseded or refused (the error is shown).
       */
      const reach = async (target: number): Promise<Frame | null> => {
        let last = -1;
        for (;;) {
          const res = await client.request({ type: 'seek', step: target });
          if (res === null) return null;
          if (res.type === 'error') {
            link.applyError(res);
            return null;
          }
          known = res.known;
          const at = res.frame.step;
          if (at >= target || res.ended || at <= last) return res;
          last = at;
        }
      };
      // Quietly: only the final answer is shown (a null answer means the user moved on).
      let log = link.interventions;
      for (const iv of list) {
        if (iv.step > known) {
          const r = await reach(iv.step);
          if (r === null) return false;
          if (r.frame.step !== iv.step) {
            link.applyFrame(r);
            return false;
          }
        }
        const res = await client.request({ type: 'intervene', step: iv.step, action: iv.action });
        if (res === null) return false;
        if (res.type === 'error') {
          link.applyError(res);
          return false;
        }
        known = res.known;
        const at = res.frame.step;
        log = [...log.filter((i) => i.step <= at), { step: at, action: iv.action }];
        link.setInterventions(log);
        if (at !== iv.step) {
          link.applyFrame(res);
          return false;
        }
      }
      const res = await reach(step);
      if (res === null) return false;
      link.applyFrame(res);
      return res.frame.step === step;
    },
  };
}
