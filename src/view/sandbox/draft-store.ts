/**
 * The sandbox's draft, outside React (it survives closing the sandbox and the remount of a language
 * switch): the editor's text, the settings form, and what the draft was made from (the loaded source
 * and the interventions then in force), so the panel can tell when the simulation moved on.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Intervention, ScenarioSource } from '../../engine/model/session';
import type { SettingsDraft } from './settings-form';

export interface DraftOrigin {
  readonly source: ScenarioSource;
  readonly interventions: readonly Intervention[];
}

export interface SandboxDraft {
  readonly body: string;
  readonly settings: SettingsDraft | null;
  readonly origin: DraftOrigin | null;
  /** Edited since it was made from the simulation (or last applied). */
  readonly dirty: boolean;
}

export const draftStore = createStore<SandboxDraft>()(() => ({
  body: '',
  settings: null,
  origin: null,
  dirty: false,
}));

export function useDraft<T>(select: (d: SandboxDraft) => T): T {
  return useStore(draftStore, select);
}
