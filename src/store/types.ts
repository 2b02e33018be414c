/**
 * The view's store: the state of the simulation as the screen shows it (playback, the current frame
 * from the engine, UI state). Built by createSimStore (sim-store.ts) from three slices; only answers
 * from the bridge write `frame` and the playback numbers.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Response } from '../bridge';
import type { Frame } from '../engine/model/frame';
import type { ControllerMistakes, RateLimiterSetting, Settings } from '../engine/model/scenario';
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
import type { Lesson } from '../scenarios/lessons/types';

export type RecordsAnswer = Extract<Response, { type: 'records' }>;
export type HistoryAnswer = Extract<Response, { type: 'history' }>;
export type TraceAnswer = Extract<Response, { type: 'trace' }>;

/**
 * Virtual-time rates: seconds of virtual time per second of wall time. Playing at a rate shows, at each
 * animation frame, the last step at or before the virtual time reached so far (fast-forward a learner
 * can follow: a resync every 30 s passes by twice a second at 1 min/s instead of 200 days in a blink).
 */
export const RATES = { '10s/s': 10, '1min/s': 60, '10min/s': 600 } as const;
export type Rate = keyof typeof RATES;

/**
 * Playback speeds, slowest first as the keyboard walks them: steps per second, then the virtual-time
 * rates, then 'max' = as fast as the engine goes.
 */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 10, 30, 100, '10s/s', '1min/s', '10min/s', 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

/** A rate speed's virtual milliseconds per wall millisecond; null for steps per second and 'max'. */
export function virtualRate(speed: Speed): number | null {
  return typeof speed === 'string' && speed !== 'max' ? RATES[speed] : null;
}
/** From this speed up, playing batches steps (advance with a summary, one frame per animation frame). */
export const BATCH_SPEED = 30;
export const DEFAULT_SPEED: Speed = 2;

export type Theme = 'light' | 'dark' | 'system';

export interface PlaybackSlice {
  /** The step on screen (the current frame's step); 0 before anything is loaded. */
  readonly cursor: number;
  /** The highest step the engine has computed. */
  readonly known: number;
  /** The cursor is at the end of the run (nothing left to happen). */
  readonly ended: boolean;
  readonly playing: boolean;
  readonly speed: Speed;
  /**
   * While playing at a virtual-time rate: the virtual time reached (ms), which the clock shows; the
   * frame is the last step at or before it. null otherwise (the clock shows the frame's time).
   */
  readonly playTime: number | null;
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
  /**
   * Shows the last step whose virtual time is ≤ ms (step 0 when no step is: ms lies before the run's
   * first step). A compare side aligned by time (issue 13). Resolves true when it got there, false when
   * it failed or was superseded (one request computes a bounded number of steps: it asks again while it
   * moves on).
   */
  seekTimeAtOrBefore(ms: number): Promise<boolean>;
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
  readonly theme: Theme;
  setTheme(theme: Theme): void;
  readonly helpOpen: boolean;
  setHelpOpen(open: boolean): void;
}

/** A lesson opened from a file or carried by a link: the lesson, its text, the source it opened as. */
export interface FileLesson {
  readonly lesson: Lesson;
  readonly text: string;
  readonly source: ScenarioSource;
}

export interface LessonSlice {
  readonly fileLesson: FileLesson | null;
  setFileLesson(file: FileLesson | null): void;
  /** The load the answers belong to (compared by identity). */
  readonly answersFor: ScenarioSource | null;
  /** Pause id → the choice picked ('' = skipped). */
  readonly answers: Readonly<Record<string, string>>;
  /** Records a pick for a pause of the lesson loaded as `source`. */
  answerPause(source: ScenarioSource, pauseId: string, pick: string): void;
}

/** The sandbox settings form's draft: input text by field id over the settings it started from. */
export interface SettingsDraft {
  /** The settings the draft started from: fields the form does not show keep these values. */
  readonly base: Settings;
  /** Input text by field id. */
  readonly values: Readonly<Record<string, string>>;
  readonly limiter: RateLimiterSetting['type'];
  readonly mistakes: ControllerMistakes;
}

export interface SandboxDraft {
  readonly body: string;
  readonly settings: SettingsDraft | null;
  /** What the draft was made from: the loaded source and the interventions then in force. */
  readonly origin: {
    readonly source: ScenarioSource;
    readonly interventions: readonly Intervention[];
  } | null;
  /** Edited since it was made from the simulation (or last applied). */
  readonly dirty: boolean;
}

export interface DraftSlice {
  readonly draft: SandboxDraft;
  updateDraft(patch: Partial<SandboxDraft>): void;
}

export type SimState = PlaybackSlice & FrameSlice & UiSlice & LessonSlice & DraftSlice;

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
