/**
 * A built-in comparison (issue 13): two sessions of one story that differ in one thing, what to look
 * for in one sentence (en and zh-CN), and a check, judged like a lesson goal over each side's trace,
 * that fails when the two sides are made identical.
 */
import type { ControllerMistakes, Era, Settings } from '../../engine/model/scenario';
import type { Intervention, ScenarioSource } from '../../engine/model/session';
import type { GoalCheck, LocalizedText } from '../lessons/types';

/** One side of a built-in comparison. */
export interface ComparisonSide {
  readonly source: ScenarioSource;
  readonly seed?: number;
  readonly interventions: readonly Intervention[];
}

/**
 * The check: `left` must hold over the left side's trace and `right` over the right side's, each up to
 * `steps` of its own run (checks as in lessons/types.ts). Written so that it cannot hold on two
 * identical sides (a test swaps in the left session on both sides and expects it to fail).
 */
export interface ComparisonCheck {
  readonly left: GoalCheck;
  readonly right: GoalCheck;
  readonly description: LocalizedText;
}

export interface Comparison {
  readonly id: string;
  /** Position in the picker's "Comparisons" group. */
  readonly number: number;
  readonly title: LocalizedText;
  /** One sentence: what to look for. */
  readonly lookFor: LocalizedText;
  /** Narration shown beside the two figures (a few sentences, en and zh-CN, book-terms-zh.md). */
  readonly narration: LocalizedText;
  /** Spec rules the comparison shows. */
  readonly rules: readonly string[];
  readonly left: ComparisonSide;
  readonly right: ComparisonSide;
  /** What the right side changes, for the view's "what differs" line. */
  readonly differs:
    | { readonly kind: 'era'; readonly left: Era; readonly right: Era }
    | { readonly kind: 'setting'; readonly name: keyof Settings }
    | { readonly kind: 'mistake'; readonly name: keyof ControllerMistakes }
    | { readonly kind: 'seed' }
    | { readonly kind: 'intervention' };
  readonly align: 'time' | 'step';
  /** Steps of each side the check is judged over (the page also offers "jump to the first difference"). */
  readonly steps: number;
  readonly check: ComparisonCheck;
}
