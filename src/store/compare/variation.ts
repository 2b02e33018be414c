/**
 * A variation (types.ts Variation): the right side's session made from the left's with one change.
 *
 * - era, setting, mistakes: the change travels in the session's source, as the era switch does
 *   (view/shell/era-switch.ts): a library story or a lesson gets `changes`, a scenario value gets its
 *   settings changed, a file's text is read into a scenario first (its errors are returned);
 * - seed: the session's seed override;
 * - fork: the left's session with one more intervention at `step` (the interventions the left made
 *   after that step are dropped: an intervention forks the timeline there), shown at that step.
 *
 * The varied session opens at step 0, except a fork (at its step). The era drops the interventions
 * (they were made at steps of the other era's run, which do not correspond); a setting, the mistakes and
 * the seed keep them, so the comparison changes one thing (the engine refuses the session, with a reason,
 * when the varied run cannot reach one of their steps).
 */
import type { Scenario, Settings } from '../../engine/model/scenario';
import type { ScenarioSource, Session } from '../../engine/model/session';
import type { Variation } from './types';

/** Reads a file's text into a scenario (the page passes the scenario reader, loaded on demand). */
export type ParseText = (text: string) => Scenario | { readonly error: string };

/** The page's own reader: the scenario parser, imported on demand (not in the first paint). */
export async function defaultParseText(): Promise<ParseText> {
  const { parseScenario } = await import('../../scenarios/parse');
  return (text) => {
    const r = parseScenario(text);
    return r.ok ? r.scenario : { error: r.errors[0]?.message ?? 'the scenario is not valid' };
  };
}

/** The source with some settings changed; an error when a file's text does not read. */
export function withSettings(
  source: ScenarioSource,
  changes: Partial<Settings>,
  parse: ParseText,
): ScenarioSource | { readonly error: string } {
  switch (source.kind) {
    case 'library':
      return { kind: 'library', name: source.name, changes: { ...source.changes, ...changes } };
    case 'lesson':
      return { kind: 'lesson', id: source.id, changes: { ...source.changes, ...changes } };
    case 'scenario':
      return { kind: 'scenario', scenario: changed(source.scenario, changes) };
    case 'text': {
      const r = parse(source.text);
      return 'error' in r ? r : { kind: 'scenario', scenario: changed(r, changes) };
    }
  }
}

function changed(s: Scenario, changes: Partial<Settings>): Scenario {
  return { ...s, settings: { ...s.settings, ...changes } };
}

/** The right side's session for a variation of `left`; an error (plain English) when it cannot be made. */
export function variedSession(
  left: Session,
  v: Variation,
  parse: ParseText,
): Session | { readonly error: string } {
  const seed = left.seed === undefined ? {} : { seed: left.seed };
  const withChanges = (changes: Partial<Settings>, keepInterventions: boolean) => {
    const source = withSettings(left.source, changes, parse);
    if ('error' in source) return source;
    return { source, ...seed, interventions: keepInterventions ? left.interventions : [], step: 0 };
  };
  switch (v.kind) {
    case 'era':
      return withChanges({ era: v.era }, false);
    case 'setting':
      if (typeof v.changes !== 'object' || v.changes === null)
        return { error: 'a setting variation needs changes' };
      return withChanges(v.changes, true);
    case 'mistakes':
      return withChanges({ mistakes: v.mistakes }, true);
    case 'seed':
      return { source: left.source, seed: v.seed, interventions: left.interventions, step: 0 };
    case 'fork': {
      if (!Number.isInteger(v.step) || v.step < 0)
        return { error: 'a fork needs a step (a whole number ≥ 0)' };
      const kept = left.interventions.filter((iv) => iv.step <= v.step);
      return {
        source: left.source,
        ...seed,
        interventions: [...kept, { step: v.step, action: v.action }],
        step: v.step,
      };
    }
    default:
      return { error: 'unknown variation' };
  }
}
