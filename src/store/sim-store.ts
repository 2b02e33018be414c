/**
 * createSimStore: one zustand vanilla store per call (every test gets its own), built from the
 * playback, frame, UI, lesson-player and sandbox-draft slices around an engine link, with subscribeWithSelector so code outside React
 * (URL sync, keyboard) can subscribe to one field:
 *   store.subscribe(selectCursor, (cursor) => ...)
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { EngineClient } from '../bridge/client';
import { browserClock, type Clock } from './clock';
import { createDraftSlice } from './draft-slice';
import { createEngineLink } from './engine-link';
import { createFrameSlice } from './frame-slice';
import { createLessonSlice } from './lesson-slice';
import { createPlaybackSlice } from './playback-slice';
import type { SimState, SimStore } from './types';
import { createUiSlice, type UiDefaults } from './ui-slice';

export interface SimStoreOptions {
  /** The play scheduler's clock (default: the browser's). */
  readonly clock?: Clock;
  /** Rows per long list in frames (default 200). */
  readonly frameLimit?: number;
  /** maxSteps of "run until" (default 100,000). */
  readonly runUntilMaxSteps?: number;
  readonly ui?: UiDefaults;
}

export function createSimStore(client: EngineClient, opts: SimStoreOptions = {}): SimStore {
  return createStore<SimState>()(
    subscribeWithSelector((set, get) => {
      const link = createEngineLink(client, set, get, {
        clock: opts.clock ?? browserClock(),
        frameLimit: opts.frameLimit ?? 200,
        runUntilMaxSteps: opts.runUntilMaxSteps ?? 100_000,
      });
      return {
        ...createPlaybackSlice(link, set, get),
        ...createFrameSlice(link, set, get),
        ...createUiSlice(set, get, opts.ui),
        ...createLessonSlice(set, get),
        ...createDraftSlice(set, get),
      };
    }),
  );
}
