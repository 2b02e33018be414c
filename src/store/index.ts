/** The view's store: playback, the engine's current frame and UI state (see types.ts). */
export { browserClock, type Clock, createManualClock, type ManualClock } from './clock';
export * from './selectors';
export { createSimStore, type SimStoreOptions } from './sim-store';
export * from './types';
