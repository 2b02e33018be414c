// The era switch (issue 12): the story on screen reloads in the other era at step 0, whatever its
// source, with nothing but settings.era changed (seed, settings, objects, script); interventions are
// dropped and the notice says how many; a lesson keeps its era. Runs the page's store on an in-process
// engine, as the link pins do.
import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../bridge/in-process-client';
import type { Scenario } from '../../engine/model/scenario';
import type { ScenarioSource } from '../../engine/model/session';
import { lessonById } from '../../scenarios/lessons';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import { createSimStore } from '../../store';
import { createManualClock } from '../../store/clock';
import { createEngineHost } from '../../worker/engine-host';
import { eraSwitchState, type ParseText, sourceInEra, switchEra } from './era-switch';

const parse: ParseText = (text) => {
  const r = parseScenario(text);
  return r.ok ? r.scenario : { error: r.errors[0]!.message };
};

function setup() {
  const store = createSimStore(
    createInProcessClient(() => createEngineHost({ lessons: (id) => lessonById(id)?.scenario })),
    { clock: createManualClock() },
  );
  return { store, s: () => store.getState() };
}

function defaultScenario(): Scenario {
  const r = parseScenario(libraryScenario('default')!.yaml);
  if (!r.ok) throw new Error('default does not parse');
  return r.scenario;
}

describe('the era switch', () => {
  it('reloads a library story in modern mode at step 0, drops the interventions and says so; back in classic it is the same run as before', async () => {
    const { store, s } = setup();
    expect(await s().load({ kind: 'library', name: 'default' }, 7)).toBe(true);
    const classicStart = s().frame!.digest;
    expect(s().scenario?.era).toBe('classic');
    await s().seek(60);
    expect(await s().intervene({ action: 'compact' })).toBe(true);
    expect(await s().intervene({ action: 'failReconciles', count: 2 })).toBe(true);
    expect(eraSwitchState(s())).toEqual({ kind: 'offered', era: 'classic', to: 'modern', drops: 2 });

    const r = await switchEra(store, parse);
    expect(r).toEqual({ ok: true, era: 'modern', dropped: 2 });
    expect(s().scenario?.era).toBe('modern');
    expect(s().source).toEqual({ kind: 'library', name: 'default', changes: { era: 'modern' } });
    expect(s().seedOverride).toBe(7);
    expect([s().cursor, s().interventions]).toEqual([0, []]);
    expect(s().notices.find((n) => n.id === 'era-switch')).toMatchObject({
      key: 'shell.era.switched.modern.dropped',
      params: { count: 2 },
    });
    // The modern pipeline runs: the lanes carry the RealFIFO's view once the informers start.
    await s().seek(20);
    expect(s().frame!.lanes.Foo.modern).toBeDefined();

    const back = await switchEra(store, parse);
    expect(back).toEqual({ ok: true, era: 'classic', dropped: 0 });
    expect(s().notices.find((n) => n.id === 'era-switch')?.key).toBe('shell.era.switched.classic');
    expect([s().cursor, s().seedOverride, s().frame!.digest]).toEqual([0, 7, classicStart]);
    await s().seek(20);
    expect(s().frame!.lanes.Foo.modern).toBeUndefined();
    s().dispose();
  });

  it('flips only settings.era of a scenario value (a sandbox scenario, a scenario link)', async () => {
    const { store, s } = setup();
    const base = defaultScenario();
    const custom: Scenario = {
      ...base,
      seed: 42,
      settings: { ...base.settings, workers: 3, resyncPeriodMs: 10_000 },
      script: [{ at: 2000, action: 'compact' }],
    };
    expect(await s().load({ kind: 'scenario', scenario: custom })).toBe(true);
    const before = s().frame!.digest;
    expect((await switchEra(store, parse)).ok).toBe(true);
    const src = s().source as Extract<ScenarioSource, { kind: 'scenario' }>;
    expect(src.kind).toBe('scenario');
    expect(src.scenario).toEqual({ ...custom, settings: { ...custom.settings, era: 'modern' } });
    expect(s().scenario).toMatchObject({ era: 'modern', seed: 42 });
    expect((await switchEra(store, parse)).ok).toBe(true);
    expect((s().source as typeof src).scenario).toEqual(custom);
    expect(s().frame!.digest).toBe(before);
    s().dispose();
  });

  it("reads a file's text once and carries the scenario it reads to", async () => {
    const text = libraryScenario('default')!.yaml;
    const to = await sourceInEra({ kind: 'text', text }, 'modern', parse);
    const base = defaultScenario();
    expect(to).toEqual({
      kind: 'scenario',
      scenario: { ...base, settings: { ...base.settings, era: 'modern' } },
    });
    expect(await sourceInEra({ kind: 'text', text: 'kind: Nope' }, 'modern', parse)).toHaveProperty('error');
  });

  it('is not offered in a lesson (built in, or a lesson file on screen): the era is the lesson’s', async () => {
    const { store, s } = setup();
    expect(await s().load({ kind: 'lesson', id: 'gone-410' })).toBe(true);
    expect(eraSwitchState(s())).toEqual({ kind: 'lesson', era: 'classic' });
    const frame = s().frame;
    expect(await switchEra(store, parse)).toEqual({ ok: false, reason: 'lesson' });
    expect(s().frame).toBe(frame);
    expect(s().notices).toEqual([]);

    const lesson = lessonById('gone-410')!;
    const source: ScenarioSource = { kind: 'scenario', scenario: lesson.scenario };
    s().setFileLesson({ lesson, text: '', source });
    expect(await s().load(source)).toBe(true);
    expect(eraSwitchState(s()).kind).toBe('lesson');
    s().dispose();
  });
});
