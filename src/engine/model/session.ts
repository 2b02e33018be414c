/**
 * A session: what a learner has on screen, as one value. A shareable link encodes it, the page boots
 * from it, the Worker opens it (protocol `open`), and a restart after a crash reopens it:
 *
 *   { source, seed?, interventions, step }
 *
 * The source names or carries the scenario (every scenario setting, the client-go era included, travels
 * inside it); the interventions are the learner's own actions, each made at a step; `step` is the step
 * on screen. Replaying a session is deterministic: the same session gives the same frame.
 */
import type { Era, Scenario, ScriptAction, Settings } from './scenario';
import type { ParamValue } from './trace';

/**
 * Where a scenario comes from:
 * - `library`: a built-in scenario by name; `changes` replace whole settings of it (the era switch
 *   reloads a story in the other era this way: `changes: { era }`);
 * - `lesson`: a built-in lesson by id; `changes` replace whole settings of its scenario;
 * - `text`: YAML or JSON text (a file the learner opened), validated where it is opened;
 * - `scenario`: a scenario value (already in normalized form, e.g. decoded from a link); the engine
 *   checks it as a value, with no YAML round trip.
 */
export type ScenarioSource =
  | { readonly kind: 'library'; readonly name: string; readonly changes?: Partial<Settings> }
  | { readonly kind: 'lesson'; readonly id: string; readonly changes?: Partial<Settings> }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'scenario'; readonly scenario: Scenario };

/** What a learner does to a run: a script action without its time (the engine stamps the step's time). */
export type InterventionAction = ScriptAction extends infer A
  ? A extends ScriptAction
    ? Omit<A, 'at'>
    : never
  : never;

/** An intervention in force: the action and the step on screen when it was made. */
export interface Intervention {
  readonly step: number;
  readonly action: InterventionAction;
}

/** Everything needed to show a frame again, exactly. */
export interface Session {
  readonly source: ScenarioSource;
  /** Overrides the scenario's own seed. */
  readonly seed?: number;
  /** In the order they were made; steps never decrease (an intervention drops those made later). */
  readonly interventions: readonly Intervention[];
  /** The step on screen. */
  readonly step: number;
}

/** "Run until" targets for the step-through controls. */
export type RunUntil =
  | { readonly kind: 'next-api-event' }
  | { readonly kind: 'relist' }
  | { readonly kind: 'reconciled'; readonly key: string | null }
  | { readonly kind: 'quiet' }
  | { readonly kind: 'error' };

/** A notable step for the timeline's marks. */
export interface Mark {
  readonly step: number;
  readonly time: number;
  readonly kind: 'fault' | 'relist' | 'error' | 'intervention';
  /** The record the mark stands for (faults, relists, errors): its narration source. */
  readonly record?: {
    readonly message: string;
    readonly key: string | null;
    readonly rv: string | null;
    readonly params: Readonly<Record<string, ParamValue>>;
  };
  /** The intervention the mark stands for. */
  readonly action?: InterventionAction;
}

/**
 * What fast-forward skipped: record counts per arrow (and in total) of the steps strictly between two
 * frames (fromStep + 1 … toStep − 1); the records of toStep itself are in the frame. byArrow keys are
 * String(arrow): '1'…'9', 'write', 'watch-event', 'resync', 'requeue', 'internal'.
 */
export interface SkipSummary {
  readonly fromStep: number;
  readonly toStep: number;
  readonly records: number;
  readonly byArrow: Readonly<Record<string, number>>;
}

export interface ScenarioInfo {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly seed: number;
  /**
   * The client-go era the run models: the scenario's `settings.era`, reported with the scenario as it
   * was loaded (read-only; the setting itself lives only in the scenario, so in the session's source).
   */
  readonly era: Era;
}
