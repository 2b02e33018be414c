/**
 * Source resolution: a session's `source` (model/session.ts) → the scenario to run, validated once and
 * never through a YAML round trip of a value:
 * - `library`: the built-in scenario's text, parsed, with `changes` (each key replaces a setting whole;
 *   the era switch sends `{ era }`) checked as a value;
 * - `text`: a file's text (YAML or JSON), parsed and validated;
 * - `scenario`: a value in normalized form (e.g. decoded from a link), checked as a value;
 * - `lesson`: the built-in lesson's scenario, with `changes` (each key replaces a setting whole)
 *   checked as a value.
 * And the session's interventions, each checked like a scenario file's script entry (as a value).
 * Refusals are SessionErrors with the problems as details; nothing here touches a run.
 */
import type { Scenario } from '../engine/model/scenario';
import type { Intervention, InterventionAction, ScenarioSource, Session } from '../engine/model/session';
import { SessionError } from '../engine/session/run';
import { checkIntervention, checkScenarioValue, checkSettingsChanges } from '../scenarios/check';
import { libraryScenario, SCENARIO_LIBRARY } from '../scenarios/library';
import { formatScenarioError, parseScenario } from '../scenarios/parse';

/** The scenario of a built-in lesson by id (the Worker passes src/scenarios/lessons). */
export type LessonScenarios = (id: string) => Scenario | undefined;

function parseText(text: string): Scenario {
  let parsed: ReturnType<typeof parseScenario>;
  try {
    parsed = parseScenario(text);
  } catch (e) {
    throw new SessionError('The scenario could not be read.', [e instanceof Error ? e.message : String(e)]);
  }
  if (!parsed.ok)
    throw new SessionError('The scenario is not valid.', parsed.errors.map(formatScenarioError));
  return parsed.scenario;
}

/** The scenario a source names or carries (seed not yet overridden). */
export function resolveSource(source: ScenarioSource, lessons: LessonScenarios | undefined): Scenario {
  if (typeof source !== 'object' || source === null) throw new SessionError('open: missing source');
  switch (source.kind) {
    case 'library': {
      const lib = typeof source.name === 'string' ? libraryScenario(source.name) : undefined;
      if (lib === undefined)
        throw new SessionError(`No built-in scenario named ${JSON.stringify(source.name)}.`, [
          `built-in scenarios: ${SCENARIO_LIBRARY.map((s) => s.name).join(', ')}`,
        ]);
      const base = parseText(lib.yaml);
      if (source.changes === undefined) return base;
      const r = checkSettingsChanges(base, source.changes);
      if (!r.ok) throw new SessionError('The scenario changes are not valid.', r.errors);
      return r.scenario;
    }
    case 'text':
      if (typeof source.text !== 'string') break;
      return parseText(source.text);
    case 'scenario': {
      const r = checkScenarioValue(source.scenario);
      if (!r.ok) throw new SessionError('The scenario is not valid.', r.errors);
      return r.scenario;
    }
    case 'lesson': {
      const base = typeof source.id === 'string' ? lessons?.(source.id) : undefined;
      if (base === undefined) throw new SessionError(`No lesson named ${JSON.stringify(source.id)}.`);
      if (source.changes === undefined) return base;
      const r = checkSettingsChanges(base, source.changes);
      if (!r.ok) throw new SessionError('The lesson changes are not valid.', r.errors);
      return r.scenario;
    }
  }
  throw new SessionError(
    'open: source must be {kind: "library", name}, {kind: "text", text}, {kind: "scenario", scenario} or {kind: "lesson", id}',
  );
}

/** One intervention, normalized (what runs is exactly what an export writes). */
export function checkAction(action: unknown): InterventionAction {
  const r = checkIntervention(action);
  if (!r.ok) throw new SessionError('The intervention is not valid.', r.errors);
  return r.action;
}

export interface ResolvedSession {
  readonly scenario: Scenario;
  readonly interventions: readonly Intervention[];
  readonly step: number;
}

const MAX_SEED = 0xffffffff;

/** Everything a session asks for, checked before anything changes. */
export function resolveSession(session: Session, lessons: LessonScenarios | undefined): ResolvedSession {
  if (typeof session !== 'object' || session === null) throw new SessionError('open: missing session');
  const { seed, step } = session;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED))
    throw new SessionError(`seed must be an integer from 0 to ${MAX_SEED}`);
  if (!Number.isInteger(step) || step < 0) throw new SessionError('open: step must be a whole number ≥ 0');
  if (!Array.isArray(session.interventions)) throw new SessionError('open: interventions must be a list');
  const interventions = session.interventions.map((iv, i): Intervention => {
    if (typeof iv !== 'object' || iv === null || !Number.isInteger(iv.step) || iv.step < 0)
      throw new SessionError(`intervention ${i + 1}: step must be a whole number ≥ 0`);
    try {
      return { step: iv.step, action: checkAction(iv.action) };
    } catch (e) {
      if (e instanceof SessionError) throw new SessionError(`intervention ${i + 1} is not valid.`, e.details);
      throw e;
    }
  });
  const parsed = resolveSource(session.source, lessons);
  return { scenario: seed === undefined ? parsed : { ...parsed, seed }, interventions, step };
}
