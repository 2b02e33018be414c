/**
 * Real frames for tests and the look-at-it harness: runs a library scenario in the engine (optionally
 * with extra script actions, e.g. a watch fault) and builds the frame at chosen steps.
 */

import type { Frame, RecordView } from '../../engine/model/frame';
import type { Scenario, ScriptAction } from '../../engine/model/scenario';
import type { TraceRecord } from '../../engine/model/trace';
import { recordView } from '../../engine/model/views';
import { createWorld } from '../../engine/sim/create-world';
import { buildFrame } from '../../engine/sim/frame';
import { stepWorld } from '../../engine/sim/step';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';

export interface FixtureRun {
  /** Frames at the requested steps (or at the run's end when it ends before), in request order. */
  readonly frames: Frame[];
  /** Every record up to the last requested step. */
  readonly records: RecordView[];
}

export function loadLibraryScenario(name: string, extra: readonly ScriptAction[] = []): Scenario {
  const lib = libraryScenario(name);
  if (lib === undefined) throw new Error(`no library scenario ${name}`);
  const r = parseScenario(lib.yaml);
  if (!r.ok) throw new Error(`library scenario ${name} does not parse`);
  const script = [...r.scenario.script, ...extra].sort((a, b) => a.at - b.at);
  return { ...r.scenario, script };
}

/** Runs `scenario` and returns the frames at `steps` (ascending) plus all records. */
export function runToSteps(scenario: Scenario, steps: readonly number[], limit = 200): FixtureRun {
  const ctx = { scenario, script: [...scenario.script] };
  const w = createWorld(scenario);
  const frames: Frame[] = [];
  const records: RecordView[] = [];
  let last: TraceRecord[] = [];
  for (const target of steps) {
    while (w.step < target) {
      const recs = stepWorld(w, ctx);
      if (recs === null) break;
      last = recs;
      for (const r of recs) records.push(recordView(r));
    }
    frames.push(buildFrame(w, last, { limit }));
  }
  return { frames, records };
}

/**
 * Runs until `pred(frame)` holds (checking every step) or `maxSteps`; returns that frame and the
 * records so far, or null.
 */
export function runUntil(
  scenario: Scenario,
  pred: (f: Frame) => boolean,
  maxSteps: number,
  limit = 200,
): { frame: Frame; records: RecordView[] } | null {
  const ctx = { scenario, script: [...scenario.script] };
  const w = createWorld(scenario);
  const records: RecordView[] = [];
  while (w.step < maxSteps) {
    const recs = stepWorld(w, ctx);
    if (recs === null) return null;
    for (const r of recs) records.push(recordView(r));
    const f = buildFrame(w, recs, { limit });
    if (pred(f)) return { frame: f, records };
  }
  return null;
}
