/**
 * The lesson player's state (it survives a language switch's remount, so it lives in the store, not in
 * the panel): a lesson opened from a file or carried by a link (with the source it was opened as), and
 * the learner's answers for the lesson on screen. Answers belong to one load: a new load (another
 * lesson, or the same one again) starts afresh, because sources are compared by identity.
 */
import type { ScenarioSource } from '../engine/model/session';
import type { LessonSlice, SimState, SimStore } from './types';

const NO_ANSWERS: Readonly<Record<string, string>> = Object.freeze({});

export function createLessonSlice(set: SimStore['setState'], get: () => SimState): LessonSlice {
  return {
    fileLesson: null,
    answersFor: null,
    answers: NO_ANSWERS,
    setFileLesson(fileLesson) {
      set({ fileLesson });
    },
    answerPause(source: ScenarioSource, pauseId: string, pick: string) {
      const s = get();
      const base = s.answersFor === source ? s.answers : NO_ANSWERS;
      set({ answersFor: source, answers: { ...base, [pauseId]: pick } });
    },
  };
}

/** The answers for the lesson opened as `source` (a stable empty map otherwise). */
export function answersOf(s: SimState, source: ScenarioSource | null): Readonly<Record<string, string>> {
  return source !== null && s.answersFor === source ? s.answers : NO_ANSWERS;
}
