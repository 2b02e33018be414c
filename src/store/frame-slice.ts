/**
 * The engine's answers (frame, scenario, marks, what fast-forward skipped) and its failures. `restart`
 * recovers from a fatal engine error: a fresh engine, the same scenario and interventions, the same step.
 */
import type { EngineLink } from './engine-link';
import type { FrameSlice, SimState, SimStore } from './types';

export function createFrameSlice(
  link: EngineLink,
  set: SimStore['setState'],
  get: () => SimState,
): FrameSlice {
  return {
    frame: null,
    scenario: null,
    marks: [],
    skipped: null,
    untilReached: null,
    error: null,
    fatal: null,

    dismissError() {
      set({ error: null });
    },

    async fetchRecords(from, to) {
      const res = await link.client.request({ type: 'records', from, to });
      return res?.type === 'records' ? res : null;
    },

    async fetchTrace(from, to) {
      const res = await link.client.request({ type: 'trace', from, to });
      return res?.type === 'trace' ? res : null;
    },

    async fetchHistory(key, upTo) {
      const res = await link.client.request({ type: 'history', key, upTo });
      return res?.type === 'history' ? res : null;
    },

    async exportScenario() {
      const res = await link.client.request({ type: 'export-scenario' });
      return res?.type === 'scenario-yaml' ? res.yaml : null;
    },

    async restart() {
      const step = get().cursor;
      const log = link.interventions;
      const last = link.lastLoad;
      link.player.stop();
      link.target = null;
      link.loading = null;
      set({ fatal: null, error: null, playing: false });
      link.client.restart();
      if (last === null) return;
      const { client } = link;
      // Rebuild quietly: only the final answer is shown. Any null answer means the user moved on.
      const loaded = await client.request({
        type: 'load',
        source: last.source,
        ...(last.seed === undefined ? {} : { seed: last.seed }),
        frameLimit: link.options.frameLimit,
      });
      if (loaded === null) return;
      if (loaded.type === 'error') return link.applyError(loaded);
      set({ scenario: loaded.scenario });
      for (const iv of log) {
        const res = await client.request({ type: 'intervene', step: iv.step, action: iv.action });
        if (res === null) return;
        if (res.type === 'error') return link.applyError(res);
      }
      const res = await client.request({ type: 'seek', step });
      if (res === null) return;
      if (res.type === 'error') return link.applyError(res);
      link.applyFrame(res);
    },

    dispose() {
      link.dispose();
    },
  };
}
