/**
 * The built-in comparisons (issue 13) and their API:
 * - COMPARISONS (picker order) and comparisonById;
 * - comparisonSessions: a comparison's two sessions at step 0 and its alignment, the plain value the
 *   compare store opens (store/compare/types.ts CompareSetup has this shape; src/scenarios does not
 *   import the store);
 * - judgeComparison: its check over each side's records (as a lesson goal is judged, lessons/goal.ts).
 */
import type { Session } from '../../engine/model/session';
import type { TraceRecord } from '../../engine/model/trace';
import { type CheckResult, evaluateCheck } from '../lessons/goal';
import { COMPARISONS } from './catalog';
import type { Comparison, ComparisonSide } from './types';

export { COMPARISONS } from './catalog';
export type { Comparison, ComparisonCheck, ComparisonSide } from './types';

export function comparisonById(id: string): Comparison | undefined {
  return COMPARISONS.find((c) => c.id === id);
}

/** The ids, for validating `?compare=` and links. */
export const COMPARISON_IDS: readonly string[] = COMPARISONS.map((c) => c.id);

/** Both sessions of a comparison and how they are stepped (structurally a CompareSetup). */
export interface ComparisonSessions {
  readonly left: Session;
  readonly right: Session;
  readonly align: 'time' | 'step';
  readonly comparisonId: string;
}

export function sideSession(side: ComparisonSide, step = 0): Session {
  return {
    source: side.source,
    ...(side.seed === undefined ? {} : { seed: side.seed }),
    interventions: side.interventions,
    step,
  };
}

export function comparisonSessions(c: Comparison): ComparisonSessions {
  return { left: sideSession(c.left), right: sideSession(c.right), align: c.align, comparisonId: c.id };
}

/** The records of steps 1..c.steps (a side may have run further). */
function upTo(c: Comparison, records: readonly TraceRecord[]): readonly TraceRecord[] {
  const last = records[records.length - 1];
  return last === undefined || last.step <= c.steps ? records : records.filter((r) => r.step <= c.steps);
}

export interface ComparisonVerdict {
  readonly left: CheckResult;
  readonly right: CheckResult;
  /** Both sides hold. */
  readonly met: boolean;
}

/** Judges the comparison's check: `left` over the left side's records, `right` over the right's. */
export function judgeComparison(
  c: Comparison,
  left: readonly TraceRecord[],
  right: readonly TraceRecord[],
): ComparisonVerdict {
  const l = evaluateCheck(c.check.left, upTo(c, left));
  const r = evaluateCheck(c.check.right, upTo(c, right));
  return { left: l, right: r, met: l.met && r.met };
}
