/**
 * The era switch (issue 12), the logic without React: the session's scenario reloaded with
 * `settings.era` flipped, at step 0. The era lives in one place, the scenario setting, so it travels in
 * the session's source: a library story gets `changes: { era }`, a scenario value or a file's text
 * becomes that scenario with the other era; the seed override, settings, objects and script stay as they
 * are. The interventions are dropped (they were made at steps of the other era's run, which do not
 * exist in this one). A lesson keeps its own era (a built-in lesson, or a lesson file on screen): the
 * switch is not offered there, and says why.
 */
import { ERAS, type Era, type Scenario } from '../../engine/model/scenario';
import type { ScenarioSource } from '../../engine/model/session';
import type { AppNotice, SimState, SimStore } from '../../store/types';

/** The notice the switch leaves (one at a time). */
export const ERA_NOTICE_ID = 'era-switch';

export function otherEra(era: Era): Era {
  return era === ERAS[0] ? ERAS[1] : ERAS[0];
}

/** What the switch can do on the session on screen. */
export type EraSwitchState =
  | { readonly kind: 'unloaded' }
  /** A lesson (built-in or a file on screen): the era is the lesson's. */
  | { readonly kind: 'lesson'; readonly era: Era }
  /** Offered: `drops` interventions will be dropped. */
  | { readonly kind: 'offered'; readonly era: Era; readonly to: Era; readonly drops: number };

export function eraSwitchState(
  s: Pick<SimState, 'source' | 'scenario' | 'interventions' | 'fileLesson'>,
): EraSwitchState {
  if (s.source === null || s.scenario === null) return { kind: 'unloaded' };
  const era = s.scenario.era;
  if (s.source.kind === 'lesson' || (s.fileLesson !== null && s.fileLesson.source === s.source))
    return { kind: 'lesson', era };
  return { kind: 'offered', era, to: otherEra(era), drops: s.interventions.length };
}

/** Reads a file's text into a scenario (loaded on demand: the YAML reader is not in the first paint). */
export type ParseText = (text: string) => Scenario | { readonly error: string };

/**
 * The same story in `era`: null for a lesson (its era is its own). A file's text is read (its errors
 * are returned), and then carried as the scenario value it reads to.
 */
export async function sourceInEra(
  source: ScenarioSource,
  era: Era,
  parse: ParseText,
): Promise<ScenarioSource | { readonly error: string } | null> {
  switch (source.kind) {
    case 'lesson':
      return null;
    case 'library':
      return { kind: 'library', name: source.name, changes: { ...source.changes, era } };
    case 'scenario':
      return { kind: 'scenario', scenario: withEra(source.scenario, era) };
    case 'text': {
      const r = parse(source.text);
      return 'error' in r ? r : { kind: 'scenario', scenario: withEra(r, era) };
    }
  }
}

function withEra(s: Scenario, era: Era): Scenario {
  return { ...s, settings: { ...s.settings, era } };
}

/** The page's own reader of a file's text (the scenario parser, imported on demand). */
export const parseWithScenarioReader = async (): Promise<ParseText> => {
  const { parseScenario } = await import('../../scenarios/parse');
  return (text) => {
    const r = parseScenario(text);
    return r.ok ? r.scenario : { error: r.errors[0]?.message ?? 'the scenario is not valid' };
  };
};

export type SwitchResult =
  | { readonly ok: true; readonly era: Era; readonly dropped: number }
  | { readonly ok: false; readonly reason: 'lesson' | 'unloaded' | 'refused' };

/**
 * Reloads the story on screen in the other era at step 0 (the store's one `open`), then leaves a
 * notice saying so, with the number of interventions dropped. Nothing changes when it is refused (the
 * store's error banner says why).
 */
export async function switchEra(store: SimStore, parse: ParseText): Promise<SwitchResult> {
  const s = store.getState();
  const st = eraSwitchState(s);
  if (st.kind !== 'offered') return { ok: false, reason: st.kind };
  const source = await sourceInEra(s.source!, st.to, parse);
  if (source === null) return { ok: false, reason: 'lesson' };
  if ('error' in source) {
    store.setState({ error: { message: source.error, details: [] } });
    return { ok: false, reason: 'refused' };
  }
  const seed = s.seedOverride;
  const ok = await s.open({ source, ...(seed === undefined ? {} : { seed }), interventions: [], step: 0 });
  if (!ok) return { ok: false, reason: 'refused' };
  store.getState().pushNotice(switchedNotice(st.to, st.drops));
  return { ok: true, era: st.to, dropped: st.drops };
}

export function switchedNotice(era: Era, dropped: number): AppNotice {
  return {
    id: ERA_NOTICE_ID,
    tone: 'info',
    key: dropped === 0 ? `shell.era.switched.${era}` : `shell.era.switched.${era}.dropped`,
    ...(dropped === 0 ? {} : { params: { count: dropped } }),
  };
}
