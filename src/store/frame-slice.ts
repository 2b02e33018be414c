/**
 * The engine's answers (frame, scenario, marks, what fast-forward skipped) and its failures. `restart`
 * recovers from a fatal engine error: a fresh engine reopens the session on screen (one `open`).
 */
import type { EngineLink } from './engine-link';
import { sessionOf } from './selectors';
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
      const s = get();
      const session = sessionOf(s);
      link.player.stop();
      link.target = null;
      link.loading = null;
      set({ fatal: null, error: null, playing: false });
      link.client.restart();
      if (session !== null) await s.open(session);
    },

    dispose() {
      link.dispose();
    },
  };
}
