/** The built-in lessons' scenarios by id, for the engine host's `load {kind: 'lesson'}`. */
import { lessonById } from '../scenarios/lessons';
import type { Scenario } from '../scenarios/types';

export function lessonScenario(id: string): Scenario | undefined {
  return lessonById(id)?.scenario;
}
