/**
 * The view's store: the state of the simulation as the screen shows it (playback, the current frame
 * from the engine, UI state). Built by createSimStore (sim-store.ts) from three slices; only answers
 * from the bridge write `frame` and the playback numbers.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Frame } from '../engine/model/frame';
import type {
  Intervention,
  InterventionAction,
  Mark,
  RunUntil,
  ScenarioInfo,
  ScenarioSource,
  Session,
  SkipSummary,
} from '../engine/model/session';
import type { Response } from '../worker/protocol';

export type RecordsAnswer = Extract<Response, { type: 'records' }>;
export type HistoryAnswer = Extract<Response, { type: 'history' }>;
export type TraceAnswer = Extract<Response, { type: 'trace' }>;

/** Playback speeds in steps per second; 'max' = as fast as the engine goes. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 10, 30, 100, 'max'] as const;
export type Speed = (typeof SPEEDS)[number];
/** From this speed up, playing batches steps (advance with a summary, one frame per animation frame). */
export const BATCH_SPEED = 30;
export const DEFAULT_SPEED: Speed = 2;

export type Theme = 'light' | 'dark' | 'system';

/** Event log filter; null = any. */
export interface LogFilter {
  /** A trace record component ('reflector', 'deltafifo', ...). */
  readonly component: string | null;
  readonly key: string | null;
  /** A record kind as the event log defines it (e.g. an arrow or a message id prefix). */
  readonly kind: string | null;
}

export interface PlaybackSlice {
  /** The step on screen (the current frame's step); 0 before anything is loaded. */
  readonly cursor: number;
  /** The highest step the engine has computed. */
  readonly known: number;
  /** The cursor is at the end of the run (nothing left to happen). */
  readonly ended: boolean;
  readonly playing: boolean;
  readonly speed: Speed;
  /** What is loaded (null before the first load): the source and the seed that overrides its own. */
  readonly source: ScenarioSource | null;
  readonly seedOverride: number | undefined;
  /** The interventions in force, oldest first (an intervention drops those made at later steps). */
  readonly interventions: readonly Intervention[];
  /**
   * Opens a session (source, seed, interventions, step) in one request: the page's boot, a shared link
   * and a restart all come this way. Resolves true when it opened at `session.step` (false: an error is
   * in `error` and nothing changed, or the run ended before the step, or a newer request superseded it).
   */
  open(session: Session): Promise<boolean>;
  /** Opens a source at step 0 with no interventions (`open` with a fresh session). */
  load(source: ScenarioSource, seed?: number): Promise<boolean>;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Pauses and shows the next step. */
  stepForward(): Promise<void>;
  /** Pauses and shows the previous step. */
  stepBack(): Promise<void>;
  seek(step: number): Promise<void>;
  /** Shows the first step whose virtual time is ≥ ms. */
  seekTime(ms: number): Promise<void>;
  /** Pauses and runs until the target; resolves whether it was reached (null: superseded or failed). */
  runUntil(until: RunUntil): Promise<boolean | null>;
  setSpeed(speed: Speed): void;
  /**
   * Forks the timeline at the step on screen. Only while paused (resolves false while playing, or when
   * the engine refuses the action: then `error` says why).
   */
  intervene(action: InterventionAction): Promise<boolean>;
  /**
   * Steps that playing stops before (a lesson's pause points): playing never shows them, it stops with
   * the step before on screen. Stepping and seeking still go anywhere.
   */
  setStopPoints(steps: readonly number[]): void;
  /** Pauses if playing, then intervenes at the step on screen (the fault buttons). */
  interveneNow(action: InterventionAction): Promise<boolean>;
}

export interface FrameSlice {
  /** The engine's view model of the step on screen; null until a scenario is loaded. */
  readonly frame: Frame | null;
  readonly scenario: ScenarioInfo | null;
  /** Notable steps for the timeline (stable reference while unchanged). */
  readonly marks: readonly Mark[];
  /** What the last fast-forward jump skipped; null after an ordinary step or seek. */
  readonly skipped: SkipSummary | null;
  /** run-until: whether the last run reached its target (null when the last move was no run-until). */
  readonly untilReached: boolean | null;
  /** The last refused request (bad scenario, bad intervention); `details` are lines to show. */
  readonly error: { readonly message: string; readonly details: readonly string[] } | null;
  /** The engine failed; offer restart(). */
  readonly fatal: string | null;
  dismissError(): void;
  /** Trace records of steps [from, to] for the event log (see the protocol's caps); null on failure. */
  fetchRecords(from: number, to: number): Promise<RecordsAnswer | null>;
  /** Raw trace records of steps [from, to], looking ahead of the cursor if needed; null on failure. */
  fetchTrace(from: number, to: number): Promise<TraceAnswer | null>;
  /** Every record that touched `key` up to step `upTo` (newest kept when capped); null on failure. */
  fetchHistory(key: string, upTo: number): Promise<HistoryAnswer | null>;
  /** The scenario with the interventions made so far, as YAML; null on failure. */
  exportScenario(): Promise<string | null>;
  /** Recreates the engine and reopens the session on screen (one `open`: same step, same frame). */
  restart(): Promise<void>;
  /** Stops the play scheduler and the fatal subscription (the client is the caller's to dispose). */
  dispose(): void;
}

/** The side panel's mode: the lesson player or the sandbox (settings, YAML, faults). */
export type PanelMode = 'lesson' | 'sandbox';

/**
 * A notice above the workspace (a link that could not be opened, a replay that differs). Data only:
 * `key` is an i18n key with `params`; `detail` is plain text shown as text (it may quote a link);
 * `offer` names a button the notice shows.
 */
export interface AppNotice {
  readonly id: string;
  readonly tone: 'error' | 'warning' | 'info';
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly detail?: string;
  readonly offer?: 'default-lesson' | 'default-scenario';
}

export interface UiSlice {
  readonly mode: PanelMode;
  setMode(mode: PanelMode): void;
  /** Notices on screen, oldest first; one per id (pushing an id again replaces it). */
  readonly notices: readonly AppNotice[];
  pushNotice(notice: AppNotice): void;
  dismissNotice(id: string): void;
  readonly selectedKey: string | null;
  select(key: string | null): void;
  readonly openPanels: Readonly<Record<string, boolean>>;
  togglePanel(id: string): void;
  setPanelOpen(id: string, open: boolean): void;
  readonly theme: Theme;
  setTheme(theme: Theme): void;
  readonly helpOpen: boolean;
  setHelpOpen(open: boolean): void;
  readonly logFilter: LogFilter;
  setLogFilter(filter: Partial<LogFilter>): void;
}

export type SimState = PlaybackSlice & FrameSlice & UiSlice;

/** The store: a zustand vanilla store with subscribeWithSelector. */
export type SimStore = StoreApi<SimState> & {
  subscribe: {
    (listener: (state: SimState, prev: SimState) => void): () => void;
    <U>(
      selector: (state: SimState) => U,
      listener: (selected: U, prevSelected: U) => void,
      options?: { equalityFn?: (a: U, b: U) => boolean; fireImmediately?: boolean },
    ): () => void;
  };
};
