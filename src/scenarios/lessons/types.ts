/**
 * The normalized lesson: what `parseLesson` returns. A lesson is a scenario (seed, settings, objects,
 * script: the Scenario format, validated by the scenario validator) plus what a teacher adds around it:
 * narration in English and Simplified Chinese attached to trace records, pause points that ask the
 * learner to predict what happens next, and a goal checked over the trace. The file format is
 * documented in docs/LESSONS.md.
 *
 * Everything a lesson asserts is data over TraceRecords (src/engine/sim/trace.ts): record matchers and
 * checks built from them, so authors write goals and answers in YAML and the engine decides them.
 */
import type { Kind } from '../../engine/model/objects';
import type { Era, Scenario } from '../../engine/model/scenario';
import type { Arrow, Component, ParamValue } from '../../engine/model/trace';

export const LESSON_KIND = 'Lesson';

/** A text in both languages of the interface (zh = Simplified Chinese, book-terms-zh.md vocabulary). */
export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

export type Language = keyof LocalizedText;

/**
 * Matches a TraceRecord when every given field matches (an empty matcher is refused by the validator).
 * `params` compares each listed parameter; a number or boolean also matches its string form ("3" = 3).
 * `deleting` matches records whose object (unwrapped from a tombstone) has a deletionTimestamp.
 */
export interface RecordMatcher {
  readonly message?: string;
  readonly messagePrefix?: string;
  readonly component?: Component;
  readonly arrow?: Arrow;
  readonly lane?: Kind;
  readonly key?: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly deleting?: boolean;
}

/**
 * A check over a list of records (the trace up to the lesson's end, or a pause's window):
 * - sequence: the matchers match records in this order (not necessarily adjacent);
 * - count: the number of matching records is within [min, max] (max null = no upper bound);
 * - absentBetween: `after` matches, then `before` matches later, and nothing between them matches
 *   `absent` (first `after`, then the first `before` after it);
 * - between: `check` holds on the records strictly between the first `after` match (absent: the
 *   start) and the first `before` match after it (absent: the end); a given anchor that never
 *   matches fails the check;
 * - all / any: every / at least one of the checks holds.
 */
export type GoalCheck =
  | { readonly type: 'sequence'; readonly matchers: readonly RecordMatcher[] }
  | {
      readonly type: 'count';
      readonly match: RecordMatcher;
      readonly min: number;
      readonly max: number | null;
    }
  | {
      readonly type: 'absentBetween';
      readonly absent: RecordMatcher;
      readonly after: RecordMatcher;
      readonly before: RecordMatcher;
    }
  | {
      readonly type: 'between';
      readonly after: RecordMatcher | null;
      readonly before: RecordMatcher | null;
      readonly check: GoalCheck;
    }
  | { readonly type: 'all'; readonly checks: readonly GoalCheck[] }
  | { readonly type: 'any'; readonly checks: readonly GoalCheck[] };

/** Shown when the first record matching `when` (after the first `after` match, if given) is on screen. */
export interface LessonNarration {
  readonly when: RecordMatcher;
  readonly after: RecordMatcher | null;
  /** May contain `{key}`, `{rv}`, `{step}` and `{<param>}` placeholders, filled from the matched record. */
  readonly text: LocalizedText;
}

export interface PauseChoice {
  readonly id: string;
  readonly text: LocalizedText;
  /** What the trace shows if this choice is right; evaluated over the pause's window. */
  readonly check: GoalCheck;
}

/**
 * A pause point: the player stops just before the first step containing a record that matches
 * `before` (after the first `after` match, if given), asks `question`, and once answered reveals
 * `explanation` and the records of the window [pause step, pause step + within) that match `reveal`.
 * Exactly the `answer` choice's check holds over that window (a lesson test proves it).
 */
export interface LessonPause {
  readonly id: string;
  readonly before: RecordMatcher;
  readonly after: RecordMatcher | null;
  readonly question: LocalizedText;
  readonly choices: readonly PauseChoice[];
  readonly answer: string;
  readonly explanation: LocalizedText;
  readonly reveal: RecordMatcher;
  /** Steps from the pause step that the answer is judged and revealed over (default 100). */
  readonly within: number;
}

export interface LessonGoal {
  readonly description: LocalizedText;
  readonly check: GoalCheck;
}

export interface Lesson {
  readonly apiVersion: 'informer-lab/v1';
  /** metadata.id: a lowercase RFC 1123 label; also the embedded scenario's name. */
  readonly id: string;
  /** metadata.number: the lesson's place in a course (1..999). */
  readonly number: number;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** Spec rule ids the lesson teaches (R11, S18, SI2, ...). */
  readonly rules: readonly string[];
  /** The era the lesson teaches: its scenario's `settings.era`, which a lesson must give. */
  readonly era: Era;
  /** How many steps the lesson runs; its goal is judged over the trace up to here. */
  readonly steps: number;
  /** The embedded scenario (name = id, title = title.en, description = summary.en). */
  readonly scenario: Scenario;
  readonly narration: readonly LessonNarration[];
  readonly pauses: readonly LessonPause[];
  readonly goal: LessonGoal;
}
