/**
 * The sandbox's draft (it survives closing the sandbox and a language switch's remount): the editor's
 * text, the settings form, and what the draft was made from (the loaded source and the interventions
 * then in force), so the panel can tell when the simulation moved on.
 */
import type { DraftSlice, SandboxDraft, SimState, SimStore } from './types';

const EMPTY: SandboxDraft = { body: '', settings: null, origin: null, dirty: false };

export function createDraftSlice(set: SimStore['setState'], get: () => SimState): DraftSlice {
  return {
    draft: EMPTY,
    updateDraft(patch) {
      set({ draft: { ...get().draft, ...patch } });
    },
  };
}
