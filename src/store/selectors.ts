/**
 * Module-level selectors. Each returns a field of the state (a stable reference while it is unchanged),
 * never a new object: zustand v5 re-renders forever on selectors that build objects. For derived
 * objects, use `useShallow` in the component.
 */
import type { Session } from '../engine/model/session';
import type { SimState } from './types';

type Sel<T> = (s: SimState) => T;

export const selectCursor: Sel<SimState['cursor']> = (s) => s.cursor;
export const selectKnown: Sel<SimState['known']> = (s) => s.known;
export const selectEnded: Sel<SimState['ended']> = (s) => s.ended;
export const selectPlaying: Sel<SimState['playing']> = (s) => s.playing;
export const selectSpeed: Sel<SimState['speed']> = (s) => s.speed;
export const selectFrame: Sel<SimState['frame']> = (s) => s.frame;
/** The current step's trace records (empty before a load). */
export const selectRecords: Sel<NonNullable<SimState['frame']>['records']> = (s) =>
  s.frame?.records ?? NO_RECORDS;
export const selectFrameTime: Sel<number> = (s) => s.frame?.time ?? 0;
/** The clock's virtual time: the time a rate play has reached, else the frame's time. */
export const selectClockTime: Sel<number> = (s) => s.playTime ?? s.frame?.time ?? 0;
export const selectDigest: Sel<string | null> = (s) => s.frame?.digest ?? null;
export const selectScenario: Sel<SimState['scenario']> = (s) => s.scenario;
export const selectMarks: Sel<SimState['marks']> = (s) => s.marks;
export const selectSkipped: Sel<SimState['skipped']> = (s) => s.skipped;
export const selectError: Sel<SimState['error']> = (s) => s.error;
export const selectFatal: Sel<SimState['fatal']> = (s) => s.fatal;
export const selectLoaded: Sel<boolean> = (s) => s.frame !== null;
export const selectSelectedKey: Sel<SimState['selectedKey']> = (s) => s.selectedKey;
export const selectTheme: Sel<SimState['theme']> = (s) => s.theme;
export const selectHelpOpen: Sel<SimState['helpOpen']> = (s) => s.helpOpen;
export const selectSource: Sel<SimState['source']> = (s) => s.source;
export const selectSeedOverride: Sel<SimState['seedOverride']> = (s) => s.seedOverride;
export const selectInterventions: Sel<SimState['interventions']> = (s) => s.interventions;
export const selectMode: Sel<SimState['mode']> = (s) => s.mode;
export const selectNotices: Sel<SimState['notices']> = (s) => s.notices;

const NO_RECORDS: NonNullable<SimState['frame']>['records'] = Object.freeze([]);

/**
 * The session on screen (model/session.ts): what a link encodes and a restart reopens. Builds a new
 * object: call it from event handlers and non-React code, not as a React selector.
 */
export function sessionOf(s: SimState): Session | null {
  if (s.source === null) return null;
  return {
    source: s.source,
    ...(s.seedOverride === undefined ? {} : { seed: s.seedOverride }),
    interventions: s.interventions,
    step: s.frame?.step ?? s.cursor,
  };
}

export const selectFileLesson: Sel<SimState['fileLesson']> = (s) => s.fileLesson;
export const selectDraft: Sel<SimState['draft']> = (s) => s.draft;
