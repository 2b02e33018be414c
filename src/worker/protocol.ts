/**
 * The one typed protocol between the main thread and the engine Worker (GUIDE "one worker protocol").
 * Plain data only (structured clone). Every request carries an id; the answer carries the same id.
 * The bridge keeps "newest request wins": an answer to a superseded request is dropped.
 */
import type { Frame, RecordView } from '../engine/sim/frame';
import type { ScriptAction } from '../scenarios/types';

/** Where a scenario comes from. Text is YAML or JSON (validated in the worker). */
export type ScenarioSource =
  | { readonly kind: 'library'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

/** An intervention: a script action without its time (the worker stamps the step's virtual time). */
export type Intervention = ScriptAction extends infer A
  ? A extends ScriptAction
    ? Omit<A, 'at'>
    : never
  : never;

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
  readonly label: string;
}

/** What fast-forward skipped: record counts per arrow (and in total) between two frames. */
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
}

export type Request =
  | {
      readonly id: number;
      readonly type: 'load';
      readonly source: ScenarioSource;
      readonly seed?: number;
      readonly frameLimit?: number;
    }
  /** Go to step n (clamped to the end of the run). */
  | { readonly id: number; readonly type: 'seek'; readonly step: number }
  /** Go to the first step whose virtual time is ≥ t (ms). */
  | { readonly id: number; readonly type: 'seek-time'; readonly time: number }
  /** Go forward `steps` from the current step; with `summary`, also count the records skipped over. */
  | { readonly id: number; readonly type: 'advance'; readonly steps: number; readonly summary: boolean }
  | { readonly id: number; readonly type: 'run-until'; readonly until: RunUntil; readonly maxSteps: number }
  /** Fork the timeline at `step` with an intervention (it happens at that step's virtual time). */
  | { readonly id: number; readonly type: 'intervene'; readonly step: number; readonly action: Intervention }
  /** Trace records of steps [from, to] (inclusive), for the event log. */
  | { readonly id: number; readonly type: 'records'; readonly from: number; readonly to: number }
  /** Every record that touched `key` in steps [0, upTo]. */
  | { readonly id: number; readonly type: 'history'; readonly key: string; readonly upTo: number }
  /** The scenario with the interventions made so far, as YAML. */
  | { readonly id: number; readonly type: 'export-scenario' };

export type RequestType = Request['type'];

export type Response =
  | {
      readonly id: number;
      readonly type: 'loaded';
      readonly scenario: ScenarioInfo;
      readonly frame: Frame;
      readonly known: number;
      readonly ended: boolean;
      readonly marks: readonly Mark[];
    }
  | {
      readonly id: number;
      readonly type: 'frame';
      readonly frame: Frame;
      readonly known: number;
      readonly ended: boolean;
      readonly marks: readonly Mark[];
      readonly skipped: SkipSummary | null;
    }
  | {
      readonly id: number;
      readonly type: 'records';
      readonly from: number;
      readonly to: number;
      readonly records: readonly RecordView[];
    }
  | {
      readonly id: number;
      readonly type: 'history';
      readonly key: string;
      readonly records: readonly RecordView[];
    }
  | { readonly id: number; readonly type: 'scenario-yaml'; readonly yaml: string }
  /** A request failed (bad scenario, bad argument). `fatal`: the engine itself broke; offer a restart. */
  | {
      readonly id: number;
      readonly type: 'error';
      readonly message: string;
      readonly details: readonly string[];
      readonly fatal: boolean;
    };

export type ResponseType = Response['type'];
