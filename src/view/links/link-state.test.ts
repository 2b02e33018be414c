// Shareable links on the page's side: what a link carries, how the page's URL is read, what the page
// replays at boot (through a real store on an in-process engine), and hostile fragments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../bridge/in-process-client';
import type { ScenarioSource } from '../../engine/model/session';
import { ENGINE_BEHAVIOUR_VERSION } from '../../engine/version';
import { decodeLessonAttachment, encodeLessonAttachment } from '../../scenarios/lesson-attachment';
import { LESSONS, lessonById } from '../../scenarios/lessons';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario, scenarioToYaml } from '../../scenarios/parse';
import { createSimStore } from '../../store';
import { createManualClock } from '../../store/clock';
import { sessionOf } from '../../store/selectors';
import { createEngineHost } from '../../worker/engine-host';
import { failureNotice, NOTICE, runBoot, verdictNotice } from './boot';
import {
  type BootContext,
  embedSnippet,
  planBoot,
  readBootUrl,
  replayVerdict,
  type ShareInputs,
  share,
  shareUrl,
} from './link-state';
import { type ShareFields, shareInputs } from './test-share-inputs';

const FALLBACK: ScenarioSource = { kind: 'library', name: 'default' };
const CTX: BootContext = {
  lessonIds: ['cold-start'],
  libraryNames: ['default', 'heavy'],
  fallback: FALLBACK,
};
const BASE: ShareFields = {
  source: { kind: 'library', name: 'default' },
  seed: 9,
  step: 120,
  interventions: [
    { step: 40, action: { action: 'compact' } },
    {
      step: 90,
      action: { action: 'delete', target: { kind: 'Foo', namespace: 'default', name: 'frontend' } },
    },
  ],
  digest: 'deadbeef',
  lang: 'zh-CN',
};
const mk = (over: Partial<ShareFields> = {}): ShareInputs => shareInputs(BASE, over);

function payloadOf(inputs: ShareInputs): string {
  const r = share(inputs);
  if (!r.ok) throw new Error(r.message);
  return r.payload;
}

describe('making a link', () => {
  it('carries the source, seed, step, language, interventions, engine version and digest', () => {
    const plan = planBoot(readBootUrl('', `#${payloadOf(mk())}`), CTX);
    expect(plan).toEqual({
      session: {
        source: { kind: 'library', name: 'default' },
        seed: 9,
        interventions: BASE.interventions,
        step: 120,
      },
      startStep: null,
      embed: false,
      lang: 'zh-CN',
      expect: { engine: ENGINE_BEHAVIOUR_VERSION, digest: 'deadbeef' },
      fileLesson: null,
      failure: null,
      warnings: [],
    });
  });

  it('embeds a scenario from text as its validated value (no YAML), and lesson changes; embed mode with a start step', () => {
    const yaml = libraryScenario('default')!.yaml;
    const text = planBoot(
      readBootUrl('', `#${payloadOf(mk({ source: { kind: 'text', text: yaml } }))}`),
      CTX,
    );
    const a = parseScenario(yaml);
    expect(text.session.source).toEqual({ kind: 'scenario', scenario: a.ok && a.scenario });

    const lesson = { kind: 'lesson', id: 'cold-start', changes: { workers: 1 } } as const;
    const embedded = planBoot(
      readBootUrl('', `#${payloadOf(mk({ source: lesson, embed: { startStep: 0 } }))}`),
      CTX,
    );
    expect([embedded.session.source, embedded.embed, embedded.startStep, embedded.session.step]).toEqual([
      lesson,
      true,
      0,
      120,
    ]);
    // Starting where the link points is the default (no start step on the wire).
    const same = planBoot(readBootUrl('', `#${payloadOf(mk({ embed: { startStep: 120 } }))}`), CTX);
    expect([same.embed, same.startStep]).toEqual([true, null]);
  });

  it('refuses a text source that is not a valid scenario, without throwing', () => {
    const r = share(mk({ source: { kind: 'text', text: 'kind: Nope' } }));
    expect(r.ok).toBe(false);
  });

  it('builds the URL from the page address without its query or fragment; the snippet is escaped', () => {
    expect(shareUrl('https://x.org/course/lab/?lang=en#old', 'v1.AA')).toBe(
      'https://x.org/course/lab/#v1.AA',
    );
    expect(shareUrl('https://x.org/lab/index.html', 'v1.AA')).toBe('https://x.org/lab/index.html#v1.AA');
    expect(embedSnippet('https://x.org/#v1.A"><script>')).toBe(
      '<iframe src="https://x.org/#v1.A&quot;&gt;&lt;script&gt;" width="100%" height="720" style="border:0" title="Informer Lab"></iframe>',
    );
  });
});

describe('a link that carries a lesson file', () => {
  const file = LESSONS[2]!.yaml;
  const lesson = lessonById(LESSONS[2]!.id)!;
  const inputs: ShareInputs = mk({
    source: { kind: 'text', text: scenarioToYaml(lesson.scenario) },
    seed: undefined,
    lessonText: file,
  });

  it('carries the whole lesson after "~" and gives it back with its scenario', () => {
    const p = payloadOf(inputs);
    expect(p).toContain('~L1.');
    const plan = planBoot(readBootUrl('', `#${p}`), CTX);
    expect(plan.failure).toBeNull();
    expect(plan.fileLesson?.lesson).toEqual(lesson);
    expect(plan.fileLesson?.text).toBe(file);
    expect(plan.session.source).toEqual({ kind: 'scenario', scenario: lesson.scenario });
  });

  it('refuses a damaged, cut or mismatched lesson part, and never throws', () => {
    const p = payloadOf(inputs);
    const cut = p.indexOf('~');
    const att = p.slice(cut + 1);
    const reason = (payload: string) => {
      const plan = planBoot(readBootUrl('', `#${payload}`), CTX);
      return plan.failure?.kind === 'link' ? plan.failure.reason : null;
    };
    expect(reason(p.slice(0, -5))).toBe('truncated');
    expect(reason(`${p.slice(0, cut + 10)}${att[7] === 'A' ? 'B' : 'A'}${p.slice(cut + 11)}`)).not.toBeNull();
    expect(reason(`${p.slice(0, cut)}~L9.AAAA`)).toBe('too-new');
    expect(reason(`${p.slice(0, cut)}~hello`)).toBe('malformed');
    // The lesson with another scenario (the default one) does not belong to this link.
    expect(reason(`${payloadOf(mk())}~${att}`)).toBe('tampered');
    expect(decodeLessonAttachment(encodeLessonAttachment('kind: Lesson\n'), lesson.scenario)).toMatchObject({
      ok: false,
      reason: 'invalid-scenario',
    });
    fc.assert(
      fc.property(fc.nat(att.length - 1), fc.string({ minLength: 0, maxLength: 3 }), (i, x) => {
        const r = decodeLessonAttachment(att.slice(0, i) + x + att.slice(i + 1), lesson.scenario);
        if (r.ok) expect(r.lesson).toEqual(lesson);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("reading the page's URL", () => {
  it('tells a link from plain flags, in the query or the fragment', () => {
    expect(readBootUrl('', '#v1.abc')).toEqual({ kind: 'link', payload: 'v1.abc', embed: false });
    expect(readBootUrl('?embed=1', '#v1.abc?lang=zh')).toEqual({
      kind: 'link',
      payload: 'v1.abc',
      embed: true,
    });
    expect(readBootUrl('', '#v1.abc?embed=true')).toMatchObject({ kind: 'link', embed: true });
    expect(readBootUrl('', '#v1.%3Cimg%20src=x%3E')).toMatchObject({
      kind: 'link',
      payload: 'v1.%3Cimg%20src=x%3E',
    });
    expect(readBootUrl('?lesson=cold-start&step=40&seed=3&embed=1', '')).toEqual({
      kind: 'flags',
      lesson: 'cold-start',
      step: 40,
      seed: 3,
      embed: true,
      bad: [],
    });
    expect(readBootUrl('', '#scenario=heavy&step=7&embed=0')).toEqual({
      kind: 'flags',
      scenario: 'heavy',
      step: 7,
      embed: false,
      bad: [],
    });
    expect(readBootUrl('', '#lang=zh-CN')).toEqual({ kind: 'flags', embed: false, bad: [] });
    expect(readBootUrl('', '')).toEqual({ kind: 'flags', embed: false, bad: [] });
    expect(readBootUrl('?step=-1&seed=99999999999&lesson=', '')).toEqual({
      kind: 'flags',
      embed: false,
      bad: [
        { flag: 'lesson', value: '' },
        { flag: 'step', value: '-1' },
        { flag: 'seed', value: '99999999999' },
      ],
    });
  });

  it('plans flags: a lesson, a library scenario, a step; unknown names fall back and say so', () => {
    expect(planBoot(readBootUrl('?lesson=cold-start&step=12', ''), CTX)).toMatchObject({
      session: { source: { kind: 'lesson', id: 'cold-start' }, step: 12 },
      failure: null,
      expect: null,
    });
    expect(planBoot(readBootUrl('?scenario=heavy&embed=1', ''), CTX)).toMatchObject({
      session: { source: { kind: 'library', name: 'heavy' } },
      embed: true,
    });
    const hostile = planBoot(readBootUrl('?lesson=%3Cimg%20src%3Dx%3E', ''), CTX);
    expect([hostile.session.source, hostile.failure]).toEqual([
      FALLBACK,
      { kind: 'unknown-lesson', id: '<img src=x>' },
    ]);
    expect(planBoot(readBootUrl('?scenario=nope', ''), CTX).failure).toEqual({
      kind: 'unknown-scenario',
      name: 'nope',
    });
    expect(planBoot(readBootUrl('?step=x', ''), CTX).failure).toEqual({
      kind: 'bad-flag',
      flag: 'step',
      value: 'x',
    });
  });

  it('a broken link falls back to the default and names the reason', () => {
    const p = payloadOf(mk());
    const reasons = [
      planBoot(readBootUrl('', `#${p.slice(0, -7)}`), CTX),
      planBoot(readBootUrl('', '#v9.AAAA'), CTX),
      planBoot(readBootUrl('', '#hello'), CTX),
      planBoot(readBootUrl('', `#${p.slice(0, 10)}Z${p.slice(11)}`), CTX),
    ].map((x) => [x.session.source, x.failure?.kind === 'link' ? x.failure.reason : x.failure]);
    expect(reasons[0]).toEqual([FALLBACK, 'truncated']);
    expect(reasons[1]).toEqual([FALLBACK, 'too-new']);
    expect(reasons[2]).toEqual([FALLBACK, 'malformed']);
    expect(reasons[3]![0]).toEqual(FALLBACK);
    const unknown = planBoot(
      readBootUrl('', `#${payloadOf(mk({ source: { kind: 'lesson', id: 'cold-start' } }))}`),
      { ...CTX, lessonIds: [] },
    );
    expect(unknown.failure).toMatchObject({ kind: 'link', reason: 'unknown-lesson' });
  });

  it('never throws on random or mutated fragments, and only a valid link replays anything', () => {
    const p = payloadOf(mk());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .tuple(fc.nat(p.length - 1), fc.string({ minLength: 1, maxLength: 3 }))
            .map(([i, s]) => p.slice(0, i) + s + p.slice(i + 1)),
          fc.nat(p.length).map((i) => p.slice(0, i)),
        ),
        fc.string({ maxLength: 40 }),
        (hash, search) => {
          const plan = planBoot(readBootUrl(search, `#${hash}`), CTX);
          if (plan.failure !== null) expect(plan.session.source).toEqual(FALLBACK);
          if (plan.session.interventions.length > 0) expect(plan.expect).not.toBeNull();
        },
      ),
      { numRuns: 1500, seed: 4242 },
    );
  });
});

describe('after the replay', () => {
  it('compares engine versions and digests', () => {
    const ours = { engine: ENGINE_BEHAVIOUR_VERSION, digest: 'aaaaaaaa' };
    expect(replayVerdict(null, { step: 3, digest: 'x' }, 3)).toBe('unchecked');
    expect(replayVerdict(ours, { step: 3, digest: 'aaaaaaaa' }, 3)).toBe('same');
    expect(replayVerdict(ours, { step: 3, digest: 'bbbbbbbb' }, 3)).toBe('differs');
    expect(replayVerdict(ours, { step: 2, digest: 'aaaaaaaa' }, 3)).toBe('differs');
    expect(replayVerdict({ engine: ENGINE_BEHAVIOUR_VERSION }, { step: 3, digest: 'x' }, 3)).toBe(
      'unchecked',
    );
    expect(replayVerdict({ ...ours, engine: '0' }, { step: 3, digest: 'aaaaaaaa' }, 3)).toBe('other-engine');
    expect(verdictNotice('other-engine', { ...ours, engine: '0' })).toMatchObject({
      key: 'links.replay.otherEngine',
      params: { theirs: '0', ours: ENGINE_BEHAVIOUR_VERSION },
    });
    expect(verdictNotice('same', ours)).toBeNull();
    expect(verdictNotice('differs', ours)?.key).toBe('links.replay.differs');
  });

  it('offers the first lesson when there is one, else the default scenario', () => {
    const f = { kind: 'link', reason: 'malformed', message: 'm' } as const;
    expect(failureNotice(f, 'cold-start')).toMatchObject({
      id: NOTICE.link,
      offer: 'default-lesson',
      detail: 'm',
    });
    expect(failureNotice(f, null).offer).toBe('default-scenario');
    expect(failureNotice({ ...f, reason: 'truncated' }, null).detail).toBeUndefined();
    expect(failureNotice({ kind: 'bad-flag', flag: 'step', value: 'x' }, null).offer).toBeUndefined();
  });
});

describe('opening a link replays to the same frame', () => {
  const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
  const newStore = () =>
    createSimStore(
      createInProcessClient(() => createEngineHost()),
      { clock: createManualClock() },
    );

  it('load, interventions at their steps, the step: the digest matches; a changed digest is reported', async () => {
    const author = newStore();
    const a = () => author.getState();
    await a().load({ kind: 'library', name: 'default' }, 5);
    await a().seek(60);
    await a().intervene({ action: 'closeWatch', kind: 'Foo' });
    await a().seek(140);
    await a().intervene({ action: 'failReconciles', count: 3 });
    await a().seek(220);
    const inputs: ShareInputs = { session: sessionOf(a())!, lang: 'en', digest: a().frame!.digest };
    const plan = planBoot(readBootUrl('', `#${payloadOf(inputs)}`), CTX);

    const reader = newStore();
    await runBoot(reader, plan, FALLBACK, null);
    await flush();
    const r = reader.getState();
    expect([r.cursor, r.frame?.digest, r.notices]).toEqual([220, a().frame!.digest, []]);
    expect(r.interventions).toEqual(a().interventions);

    const tampered = newStore();
    await runBoot(tampered, { ...plan, expect: { ...plan.expect!, digest: '00000000' } }, FALLBACK, null);
    expect(tampered.getState().notices.map((n) => n.key)).toEqual(['links.replay.differs']);

    const embedded = newStore();
    await runBoot(embedded, { ...plan, embed: true, startStep: 10 }, FALLBACK, null);
    expect([embedded.getState().cursor, embedded.getState().notices]).toEqual([10, []]);
  });

  it('a link with a lesson file opens that lesson for the lesson player', async () => {
    const lesson = lessonById(LESSONS[0]!.id)!;
    const source = { kind: 'text', text: scenarioToYaml(lesson.scenario) } as const;
    const p = payloadOf(
      mk({ source, seed: undefined, interventions: [], step: 5, lessonText: LESSONS[0]!.yaml }),
    );
    const store = newStore();
    await runBoot(store, planBoot(readBootUrl('', `#${p}`), CTX), FALLBACK, null);
    const file = store.getState().fileLesson;
    expect(file?.lesson.id).toBe(lesson.id);
    expect(file?.source).toBe(store.getState().source);
    expect(store.getState().cursor).toBe(5);
  });

  it('a link that cannot be opened loads the fallback and shows the failure', async () => {
    const store = newStore();
    await runBoot(store, planBoot(readBootUrl('', '#hello'), CTX), FALLBACK, 'cold-start');
    const s = store.getState();
    expect([s.source, s.cursor]).toEqual([FALLBACK, 0]);
    expect(s.notices.map((n) => [n.key, n.offer])).toEqual([['links.failure.malformed', 'default-lesson']]);
  });
});
