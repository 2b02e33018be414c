/** The built-in lessons' scenarios by id, for the engine host's `load {kind: 'lesson'}`. */

import type { Scenario } from '../engine/model/scenario';
import { lessonById } from '../scenarios/lessons';

export function lessonScenario(id: string): Scenario | undefined {
  return lessonById(id)?.scenario;
}
