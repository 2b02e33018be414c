// Links in both eras (issue 12), as src/pins/links.test.ts opens its fixtures: through the page's own
// path (store on an in-process engine → share → URL → plan → runBoot on a fresh store). A link made in
// either era, from a library story (whose era travels as `changes: { era }`) or a scenario value, with
// interventions, reopens in that era at its step with the same frame digest. A broken era in a link, or
// in a scenario, gets a message naming the era and changes nothing else.

import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../bridge/in-process-client';
import { fnv1a } from '../../engine/kernel/hash';
import type { Era } from '../../engine/model/scenario';
import type { ScenarioSource } from '../../engine/model/session';
import { base64urlEncode } from '../../scenarios/base64url';
import { LESSONS, lessonById } from '../../scenarios/lessons';
import { SCENARIO_LIBRARY } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import { createSimStore, sessionOf } from '../../store';
import { createManualClock } from '../../store/clock';
import { createEngineHost } from '../../worker/engine-host';
import { runBoot } from './boot';
import { type BootContext, planBoot, readBootUrl, share } from './link-state';

const CTX: BootContext = {
  lessonIds: LESSONS.map((l) => l.id),
  libraryNames: SCENARIO_LIBRARY.map((s) => s.name),
  fallback: { kind: 'library', name: 'default' },
};

function newStore() {
  return createSimStore(
    createInProcessClient(() => createEngineHost({ lessons: (id) => lessonById(id)?.scenario })),
    { clock: createManualClock() },
  );
}

function defaultIn(era: Era): ScenarioSource {
  const r = parseScenario(SCENARIO_LIBRARY.find((s) => s.name === 'default')!.yaml);
  if (!r.ok) throw new Error('default does not parse');
  return { kind: 'scenario', scenario: { ...r.scenario, settings: { ...r.scenario.settings, era } } };
}

/** A payload with a valid checksum around a wire object (what a hand-edited link would be). */
function craft(wire: unknown): string {
  const json = JSON.stringify(wire);
  return `v1.${base64urlEncode(deflateSync(strToU8(`${fnv1a(json)}${json}`)))}`;
}

describe('links in both eras', () => {
  const cases: { name: string; era: Era; source: ScenarioSource }[] = [];
  for (const era of ['classic', 'modern'] as const) {
    cases.push({
      name: `library default, ${era}`,
      era,
      source: { kind: 'library', name: 'default', changes: { era } },
    });
    cases.push({ name: `scenario value, ${era}`, era, source: defaultIn(era) });
  }
  for (const c of cases) {
    it(`${c.name}: reopens in its era at its step with the same digest`, async () => {
      const a = newStore();
      expect(await a.getState().load(c.source, 11)).toBe(true);
      await a.getState().seek(80);
      expect(await a.getState().intervene({ action: 'watchError', code: 410, kind: 'Foo' })).toBe(true);
      await a.getState().seek(200);
      const made = a.getState();
      expect(made.scenario?.era).toBe(c.era);
      const r = share({ session: sessionOf(made)!, lang: 'en', digest: made.frame!.digest });
      if (!r.ok) throw new Error(r.message);

      const plan = planBoot(readBootUrl('', `#${r.payload}`), CTX);
      expect(plan.failure).toBeNull();
      const b = newStore();
      await runBoot(b, plan, CTX.fallback, null);
      const s = b.getState();
      expect(s.error).toBeNull();
      expect(s.scenario?.era).toBe(c.era);
      expect([s.frame?.step, s.frame?.digest]).toEqual([200, made.frame!.digest]);
      expect(s.interventions).toEqual(made.interventions);
      expect(s.notices.filter((n) => n.key.startsWith('links.'))).toEqual([]);
      expect(s.frame!.lanes.Foo.modern !== undefined).toBe(c.era === 'modern');
      a.getState().dispose();
      s.dispose();
    });
  }

  it('a link to a library story without an era (made before the era existed) opens classic', async () => {
    const plan = planBoot(readBootUrl('', `#${craft({ library: 'default', step: 30, engine: '5' })}`), CTX);
    expect(plan.session.source).toEqual({ kind: 'library', name: 'default' });
    const b = newStore();
    await runBoot(b, plan, CTX.fallback, null);
    expect([b.getState().frame?.step, b.getState().scenario?.era]).toEqual([30, 'classic']);
    b.getState().dispose();
  });

  it('a broken era in a link is named in the notice; the default story opens instead, classic', async () => {
    const plan = planBoot(
      readBootUrl('', `#${craft({ library: 'default', changes: { era: 'future' }, step: 30, engine: '5' })}`),
      CTX,
    );
    expect(plan.failure).toMatchObject({ kind: 'link', reason: 'invalid-scenario' });
    const b = newStore();
    await runBoot(b, plan, CTX.fallback, null);
    const s = b.getState();
    const notice = s.notices.find((n) => n.id === 'link')!;
    expect(notice.key).toBe('links.failure.invalid-scenario');
    expect(notice.detail).toMatch(/era: must be one of classic, modern, got "future"/);
    expect([s.frame?.step, s.scenario?.name, s.scenario?.era, s.interventions]).toEqual([
      0,
      'default',
      'classic',
      [],
    ]);
    s.dispose();
  });

  it('a broken era in a scenario is refused with its message; what is on screen stays', async () => {
    const b = newStore();
    expect(await b.getState().load({ kind: 'library', name: 'default', changes: { era: 'modern' } })).toBe(
      true,
    );
    await b.getState().seek(40);
    const frame = b.getState().frame;
    const text = SCENARIO_LIBRARY.find((s) => s.name === 'default')!.yaml.replace(
      /^objects:/m,
      'settings:\n  era: legacy\nobjects:',
    );
    expect(text).toContain('era: legacy');
    expect(await b.getState().load({ kind: 'text', text })).toBe(false);
    const s = b.getState();
    expect(s.error?.details.join('\n')).toMatch(
      /settings\.era: must be one of classic, modern, got "legacy"/,
    );
    expect([s.frame, s.scenario?.era, s.source]).toEqual([
      frame,
      'modern',
      { kind: 'library', name: 'default', changes: { era: 'modern' } },
    ]);
    // The same through the engine's value check (a library story's changes).
    expect(await b.getState().load({ kind: 'library', name: 'default', changes: { era: 'x' as Era } })).toBe(
      false,
    );
    expect(b.getState().error?.details.join('\n')).toMatch(/era: must be one of classic, modern/);
    expect(b.getState().frame).toBe(frame);
    s.dispose();
  });
});
