/**
 * Runs one side of a comparison headless in Node (tests only): the session's source resolved as the
 * Worker resolves it (src/worker/sources.ts), its interventions replayed on a fresh run
 * (engine/session/moves.ts replaySession), and the raw records of steps 1..steps.
 */
import type { Session } from '../../engine/model/session';
import type { TraceRecord } from '../../engine/model/trace';
import { replaySession } from '../../engine/session/moves';
import { openRun } from '../../engine/session/run';
import { traceWindow } from '../../engine/session/windows';
import { lessonScenario } from '../../worker/lessons';
import { resolveSession } from '../../worker/sources';

export function runSide(session: Session, steps: number): TraceRecord[] {
  const { scenario, interventions } = resolveSession(session, lessonScenario);
  const run = openRun(scenario, { frameLimit: 50 });
  replaySession(run, interventions, 0, steps);
  return traceWindow(run, 1, steps, steps).records;
}
