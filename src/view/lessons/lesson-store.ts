/**
 * The lesson player's state outside React (it survives a language switch's remount): a lesson opened
 * from a file (with the source it was loaded as), and the learner's answers for the lesson on screen.
 * Answers belong to one load: a new load (another lesson, or the same one again) starts afresh.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ScenarioSource } from '../../engine/model/session';
import type { Lesson } from '../../scenarios/lessons';
import type { Answers } from './player-logic';

export interface LessonState {
  /** A lesson opened from a file or carried by a link: the lesson, its text, the source it loaded as. */
  readonly fileLesson: {
    readonly lesson: Lesson;
    readonly text: string;
    readonly source: ScenarioSource;
  } | null;
  /** The load the answers belong to. */
  readonly answersFor: ScenarioSource | null;
  readonly answers: Answers;
}

export const lessonStore = createStore<LessonState>()(() => ({
  fileLesson: null,
  answersFor: null,
  answers: {},
}));

export function useLessonState<T>(select: (s: LessonState) => T): T {
  return useStore(lessonStore, select);
}

/** Records a pick for a pause of the lesson loaded as `source`. */
export function answer(source: ScenarioSource, pauseId: string, pick: string): void {
  const s = lessonStore.getState();
  const base = s.answersFor === source ? s.answers : {};
  lessonStore.setState({ answersFor: source, answers: { ...base, [pauseId]: pick } });
}

/** The answers for the lesson loaded as `source`. */
export function answersOf(s: LessonState, source: ScenarioSource | null): Answers {
  return source !== null && s.answersFor === source ? s.answers : NO_ANSWERS;
}

const NO_ANSWERS: Answers = Object.freeze({});
