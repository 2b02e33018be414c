/**
 * Runs a lesson headless: its scenario from a fresh world for `lesson.steps` steps, collecting every
 * trace record and checking after each step that no key is held by two workers (W3's guarantee,
 * src/engine/sim/invariants.ts). Tests use it; a host can use it to find a lesson's pause and
 * narration steps before playing it (a lesson is a few hundred steps, a few milliseconds).
 */

import type { TraceRecord } from '../../engine/model/trace';
import { createWorld } from '../../engine/sim/create-world';
import { keysInProcess } from '../../engine/sim/invariants';
import { stepWorld } from '../../engine/sim/step';
import type { SimContext } from '../../engine/sim/world';
import type { Lesson } from './types';

export interface LessonRun {
  /** Every record of steps 1..stepsRun, oldest first. */
  readonly records: TraceRecord[];
  /** Steps actually run (fewer than asked only if the simulation ran out of things to do). */
  readonly stepsRun: number;
  /** Steps after which some key was being processed by two workers at once (always empty in a correct engine). */
  readonly duplicateKeySteps: number[];
}

export function runLesson(lesson: Lesson, steps: number = lesson.steps): LessonRun {
  const scenario = lesson.scenario;
  const ctx: SimContext = { scenario, script: [...scenario.script] };
  const w = createWorld(scenario);
  const records: TraceRecord[] = [];
  const duplicateKeySteps: number[] = [];
  while (w.step < steps) {
    const recs = stepWorld(w, ctx);
    if (recs === null) break;
    for (const r of recs) records.push(r);
    const keys = keysInProcess(w);
    if (new Set(keys).size !== keys.length) duplicateKeySteps.push(w.step);
  }
  return { records, stepsRun: w.step, duplicateKeySteps };
}
