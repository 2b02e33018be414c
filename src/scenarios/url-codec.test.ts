/**
 * The shareable-link codec: exact round trips of random link states, the size budget, and hostile
 * input (random text, mutated links, crafted payloads with a valid checksum, inflate bombs, deep JSON)
 * that must never throw and must fail for a reason that fits.
 */
import fc from 'fast-check';
import { deflateSync, inflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../engine/kernel/hash';
import { DEFAULT_SETTINGS } from '../engine/model/defaults';
import type { Scenario, Settings } from '../engine/model/scenario';
import type { InterventionAction } from '../engine/model/session';
import { ENGINE_BEHAVIOUR_VERSION } from '../engine/version';
import { base64urlDecode, base64urlEncode } from './base64url';
import { SCENARIO_LIBRARY } from './library/index';
import { parseScenario, validateScenario } from './parse';
import { changesOf, intervention, scenario, settings } from './test-arbitraries';
import {
  type DecodeResult,
  decodeLink,
  encodeLink,
  LESSON_LINK_BUDGET_CHARS,
  type LessonChanges,
  LinkEncodeError,
  type LinkFailure,
  type LinkState,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
} from './url-codec';
import { scenarioDoc } from './write';

const LESSONS = ['cold-start', 'watch-timeout', 'gone-410', 'missed-delete-tombstone', 'workqueue-coalesces'];
const LIBRARY = SCENARIO_LIBRARY.map((s) => s.name);
const OPTS = { lessonIds: LESSONS, libraryNames: LIBRARY };

function libraryScenarioValue(name: string): Scenario {
  const r = parseScenario(SCENARIO_LIBRARY.find((s) => s.name === name)!.yaml);
  if (!r.ok) throw new Error(`library ${name} does not parse`);
  return r.scenario;
}

/** A payload with a valid checksum around any JSON text (what a forger could make). */
function craft(json: string, version = 'v1.'): string {
  return version + base64urlEncode(deflateSync(strToU8(`${fnv1a(json)}${json}`)));
}

function failure(r: DecodeResult): LinkFailure | 'ok' {
  return r.ok ? 'ok' : r.reason;
}

// --- arbitraries -----------------------------------------------------------------------------

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
const changes: fc.Arbitrary<LessonChanges> = fc
  .tuple(settings, fc.subarray(SETTING_KEYS))
  .map(([s, keys]) => changesOf(s, keys) as LessonChanges);

const source: fc.Arbitrary<LinkState['source']> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LESSONS).map((id) => ({ kind: 'lesson' as const, id })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...LESSONS), changes)
      .map(([id, c]) => ({ kind: 'lesson' as const, id, changes: c })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...LIBRARY).map((name) => ({ kind: 'library' as const, name })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...LIBRARY), changes)
      .map(([name, c]) => ({ kind: 'library' as const, name, changes: c })),
  },
  { weight: 2, arbitrary: scenario.map((s) => ({ kind: 'scenario' as const, scenario: s })) },
);

const step = fc.integer({ min: 0, max: 1_000_000_000 });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const linkState: fc.Arbitrary<LinkState> = fc
  .record({
    source,
    seed: optional(fc.integer({ min: 0, max: 0xffffffff })),
    step,
    lang: optional(fc.constantFrom('en' as const, 'zh-CN' as const)),
    interventions: fc
      .array(fc.record({ step: fc.integer({ min: 0, max: 100_000 }), action: intervention }), {
        maxLength: 6,
      })
      .map((xs) => [...xs].sort((a, b) => a.step - b.step)),
    embed: optional(optional(step)),
    engine: fc.constantFrom(ENGINE_BEHAVIOUR_VERSION, '1', '1.1-beta'),
    digest: optional(fc.stringMatching(/^[0-9a-f]{8}$/)),
  })
  .map(
    ({ seed, lang, embed, digest, ...rest }): LinkState => ({
      ...rest,
      ...(seed === undefined ? {} : { seed }),
      ...(lang === undefined ? {} : { lang }),
      ...(embed === undefined
        ? {}
        : { embed: { on: true, ...(embed === null ? {} : { startStep: embed }) } }),
      ...(digest === undefined ? {} : { digest }),
    }),
  );

/** A lesson link as a learner would share it: a few interventions on the lesson's objects. */
function typicalLessonLink(ivs: number): LinkState {
  const actions: InterventionAction[] = [
    {
      action: 'update',
      target: { kind: 'Foo', namespace: 'default', name: 'example-foo' },
      spec: { replicas: 3 },
    },
    { action: 'watchError', code: 410, kind: 'Foo' },
    { action: 'delete', target: { kind: 'Foo', namespace: 'default', name: 'web' } },
    {
      action: 'create',
      object: {
        kind: 'Foo',
        namespace: 'team-a',
        name: 'cache',
        labels: { app: 'cache', tier: 'backend' },
        finalizers: ['example.com/cleanup'],
        spec: { deploymentName: 'cache', replicas: 2 },
      },
    },
    { action: 'failReconciles', count: 3 },
    { action: 'addLatency', extraMs: 200, durationMs: 10_000 },
    {
      action: 'patch',
      target: { kind: 'Deployment', namespace: 'default', name: 'web' },
      labels: { a: 'b' },
    },
  ];
  return {
    source: {
      kind: 'lesson',
      id: 'missed-delete-tombstone',
      changes: { workers: 1, resyncPeriodMs: 10_000 },
    },
    seed: 3_141_592_653,
    step: 18_734,
    lang: 'zh-CN',
    interventions: actions.slice(0, ivs).map((action, i) => ({ step: 1_000 + 2_500 * i, action })),
    engine: ENGINE_BEHAVIOUR_VERSION,
    digest: '5f3a09c2',
  };
}

// --- round trips -----------------------------------------------------------------------------

describe('round trip', () => {
  it('decodeLink(encodeLink(s)) gives s back exactly, for random link states', () => {
    fc.assert(
      fc.property(linkState, (state) => {
        let text: string;
        try {
          text = encodeLink(state);
        } catch (e) {
          // Only a big embedded scenario may be refused, and only for its size.
          expect(e).toBeInstanceOf(LinkEncodeError);
          expect((e as LinkEncodeError).code).toBe('too-large');
          expect((e as LinkEncodeError).size).toBeGreaterThan(MAX_LINK_CHARS);
          return;
        }
        expect(text.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
        expect(text).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
        const r = decodeLink(text, OPTS);
        if (!r.ok) throw new Error(`${r.reason}: ${r.message}`);
        expect(r.state).toEqual(state);
        expect(r.warnings.length).toBe(state.engine === ENGINE_BEHAVIOUR_VERSION ? 0 : 1);
      }),
      { numRuns: 150 },
    );
  });

  it('every library scenario round-trips by name, and embedded when it fits', () => {
    for (const name of LIBRARY) {
      const byName: LinkState = {
        source: { kind: 'library', name },
        step: 7,
        interventions: [],
        engine: '1',
      };
      const r = decodeLink(encodeLink(byName), OPTS);
      expect(r.ok && r.state).toEqual(byName);
      const embedded: LinkState = {
        source: { kind: 'scenario', scenario: libraryScenarioValue(name) },
        step: 0,
        interventions: [],
        engine: '1',
      };
      if (name === 'heavy') {
        // 1,200 Foos and 10,000 updates: far too big for a link; the page offers the YAML export.
        expect(() => encodeLink(embedded)).toThrow(/more than the 8000 allowed/);
      } else {
        const back = decodeLink(encodeLink(embedded), OPTS);
        expect(back.ok && back.state).toEqual(embedded);
      }
    }
  });

  it('carries settings.era through its source; a link without one (made before the era existed) is classic', () => {
    const base = libraryScenarioValue('default');
    expect(base.settings.era).toBe('classic');
    const modern: LinkState = {
      source: { kind: 'scenario', scenario: { ...base, settings: { ...base.settings, era: 'modern' } } },
      step: 3,
      interventions: [],
      engine: '1',
    };
    const back = decodeLink(encodeLink(modern), OPTS);
    expect(back.ok && back.state).toEqual(modern);
    const lesson: LinkState = {
      source: { kind: 'lesson', id: 'cold-start', changes: { era: 'modern' } },
      step: 3,
      interventions: [],
      engine: '1',
    };
    const backLesson = decodeLink(encodeLink(lesson), OPTS);
    expect(backLesson.ok && backLesson.state).toEqual(lesson);
    // A library story carries its era with its name (the era switch's `changes: { era }`), in both eras.
    for (const era of ['modern', 'classic'] as const) {
      const lib: LinkState = {
        source: { kind: 'library', name: 'default', changes: { era } },
        seed: 7,
        step: 3,
        interventions: [{ step: 2, action: { action: 'compact' } }],
        engine: '1',
      };
      const backLib = decodeLink(encodeLink(lib), OPTS);
      expect(backLib.ok && backLib.state).toEqual(lib);
    }
    // A library link that names no era (every link made before) carries no changes: the story's own era.
    const plain = decodeLink(
      encodeLink({ source: { kind: 'library', name: 'default' }, step: 0, interventions: [], engine: '1' }),
      OPTS,
    );
    expect(plain.ok && plain.state.source).toEqual({ kind: 'library', name: 'default' });
    // The compact document leaves a classic era out, so an old link's scenario reads back as classic.
    const doc = scenarioDoc(base, 'compact') as { settings?: Record<string, unknown> };
    expect(doc.settings?.era).toBeUndefined();
    const old = validateScenario(doc);
    expect(old.ok && old.scenario.settings.era).toBe('classic');
  });

  it('the compact scenario document reads back as the same scenario', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = validateScenario(scenarioDoc(s, 'compact'));
        expect(r.ok && r.scenario).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('base64url round-trips any bytes and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = base64urlEncode(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        const back = base64urlDecode(text);
        expect(back.ok && [...back.bytes]).toEqual([...bytes]);
      }),
      { numRuns: 300 },
    );
  });
});

// --- size budget -----------------------------------------------------------------------------

describe('size budget', () => {
  it(`a typical lesson link with 5 interventions is under ${LESSON_LINK_BUDGET_CHARS} characters`, () => {
    const sizes: Record<string, number> = {};
    for (const n of [0, 5, 7]) sizes[`lesson + ${n} interventions`] = encodeLink(typicalLessonLink(n)).length;
    const dflt: LinkState = {
      source: { kind: 'scenario', scenario: libraryScenarioValue('default') },
      seed: 7,
      step: 1234,
      lang: 'en',
      interventions: typicalLessonLink(5).interventions,
      engine: '1',
      digest: '01234567',
    };
    sizes['custom scenario (library "default" embedded) + 5 interventions'] = encodeLink(dflt).length;
    console.log('link sizes (characters after #):', sizes);
    expect(sizes['lesson + 5 interventions']).toBeLessThan(LESSON_LINK_BUDGET_CHARS);
  });

  it('many interventions stay linkable until the hard cap, then encoding refuses', () => {
    const one = typicalLessonLink(7).interventions;
    const many = (n: number) => ({
      ...typicalLessonLink(0),
      interventions: Array.from({ length: n }, (_, i) => ({ step: i, action: one[i % one.length]!.action })),
    });
    expect(encodeLink(many(100)).length).toBeLessThan(LESSON_LINK_BUDGET_CHARS);
    // Distinct labels defeat the compression: 600 such interventions exceed 8,000 characters.
    const distinct = {
      ...typicalLessonLink(0),
      interventions: Array.from({ length: 600 }, (_, i) => ({
        step: i,
        action: {
          action: 'patch' as const,
          target: { kind: 'Foo' as const, namespace: 'default', name: `foo-${i * 7919}` },
          labels: { [`k${(i * 104729) % 99991}`]: `v${(i * 15485863) % 1000003}` },
        },
      })),
    };
    expect(() => encodeLink(distinct)).toThrow(LinkEncodeError);
  });
});

// --- specific failures -----------------------------------------------------------------------

describe('broken links fail with a reason and a message', () => {
  const good = encodeLink(typicalLessonLink(5));

  it.each([
    ['', 'malformed'],
    ['hello', 'malformed'],
    ['v1', 'malformed'],
    ['v0.AAAA', 'malformed'],
    ['v01.AAAA', 'malformed'],
    ['V1.AAAA', 'malformed'],
    ['v1.abc+def', 'malformed'],
    ['v1.<script>', 'malformed'],
    ['v1.A', 'truncated'],
    ['v1.', 'truncated'],
    ['v3.AAAA', 'too-new'],
    ['v13.whatever-it-is', 'too-new'],
    ['v99999999999999999999999.x', 'too-new'],
  ] as const)('%j → %s', (text, reason) => {
    const r = decodeLink(text, OPTS);
    expect(failure(r)).toBe(reason);
    if (!r.ok) expect(r.message.length).toBeLessThan(400);
  });

  it('a newer format says the link was made by a newer Informer Lab', () => {
    const r = decodeLink(`v3.${good.slice(3)}`, OPTS);
    expect(r.ok ? '' : r.message).toMatch(/made by a newer Informer Lab/);
  });

  it('a link cut short is truncated', () => {
    for (const cut of [10, 50, 100, good.length - 1, good.length - 2, good.length - 5]) {
      expect(failure(decodeLink(good.slice(0, cut), OPTS))).toBe('truncated');
    }
  });

  it('a leading # and whitespace inserted by mail programs are ignored', () => {
    const wrapped = `#${good.slice(0, 40)}\n  ${good.slice(40, 90)}\r\n${good.slice(90)} `;
    expect(decodeLink(wrapped, OPTS)).toEqual(decodeLink(good, OPTS));
    expect(decodeLink(good, OPTS).ok).toBe(true);
  });

  it('too long a text is refused before any work', () => {
    const r = decodeLink(`v1.${'A'.repeat(MAX_LINK_CHARS)}`, OPTS);
    expect(failure(r)).toBe('too-large');
  });

  it('an inflate bomb is refused at the cap (inflating stops there)', () => {
    const bomb = `v1.${base64urlEncode(deflateSync(new Uint8Array(5_000_000), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const r = decodeLink(bomb, OPTS);
    expect(failure(r)).toBe('too-large');
    // Just under the cap it is the checksum that fails.
    const under = `v1.${base64urlEncode(deflateSync(new Uint8Array(MAX_INFLATED_BYTES - 10)))}`;
    expect(failure(decodeLink(under, OPTS))).toBe('tampered');
  });

  it('a payload changed and re-packed without fixing the checksum is tampered', () => {
    const json = JSON.stringify({ lesson: 'cold-start', step: 5, engine: '1' });
    const bad = `v1.${base64urlEncode(deflateSync(strToU8(`${fnv1a(json)}${json.replace('5', '6')}`)))}`;
    expect(failure(decodeLink(bad, OPTS))).toBe('tampered');
    expect(failure(decodeLink(craft(json), OPTS))).toBe('ok');
    const noSum = `v1.${base64urlEncode(deflateSync(strToU8(json)))}`;
    expect(failure(decodeLink(noSum, OPTS))).toBe('tampered');
  });

  it('deep or strange JSON behind a valid checksum is malformed, not a crash', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(failure(decodeLink(craft(deep), OPTS))).toBe('malformed');
    const deepObj = `${'{"scenario":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(failure(decodeLink(craft(deepObj), OPTS))).toBe('malformed');
    for (const j of ['not json', '', 'null', '42', '"x"', '[]', '{}', '{"__proto__":{"step":1}}'])
      expect(failure(decodeLink(craft(j), OPTS))).toBe('malformed');
  });

  it.each([
    [
      { lesson: 'cold-start', step: 1, engine: '1', extra: true },
      'malformed',
      /"extra" is not a known field/,
    ],
    [{ lesson: 'cold-start', library: 'default', step: 1, engine: '1' }, 'malformed', /exactly one/],
    [{ step: 1, engine: '1' }, 'malformed', /exactly one/],
    [
      { scenario: { metadata: { name: 'x' } }, changes: {}, step: 1, engine: '1' },
      'malformed',
      /"changes" only go with a lesson or a library scenario/,
    ],
    // A broken era (issue 12) is named, with the values it may take; nothing is opened.
    [
      { library: 'default', changes: { era: 'ancient' }, step: 1, engine: '1' },
      'invalid-scenario',
      /scenario changes in this link are not valid: era: must be one of classic, modern, got "ancient"/,
    ],
    [
      { lesson: 'cold-start', changes: { era: 2 }, step: 1, engine: '1' },
      'invalid-scenario',
      /lesson changes in this link are not valid: era: must be one of classic, modern, got 2/,
    ],
    [
      { scenario: { metadata: { name: 'x' }, settings: { era: 'Modern' } }, step: 1, engine: '1' },
      'invalid-scenario',
      /settings\.era: must be one of classic, modern, got "Modern"/,
    ],
    [{ lesson: 'cold-start', step: -1, engine: '1' }, 'malformed', /"step"/],
    [{ lesson: 'cold-start', step: 1.5, engine: '1' }, 'malformed', /"step"/],
    [{ lesson: 'cold-start', step: 1, seed: 2 ** 32, engine: '1' }, 'malformed', /"seed"/],
    [{ lesson: 'cold-start', step: 1 }, 'malformed', /"engine"/],
    [{ lesson: 'cold-start', step: 1, engine: '<b>1</b>' }, 'malformed', /"engine"/],
    [{ lesson: 'cold-start', step: 1, engine: '1', digest: 'ABCDEF01' }, 'malformed', /"digest"/],
    [{ lesson: 'cold-start', step: 1, engine: '1', embed: { start: 1, x: 1 } }, 'malformed', /"x"/],
    [{ lesson: 'cold-start', step: 1, engine: '1', embed: true }, 'malformed', /"embed"/],
    [{ lesson: 'cold-start', step: 1, engine: '1', iv: [] }, 'malformed', /"iv"/],
    [{ lesson: 'cold-start', step: 1, engine: '1', iv: [[1]] }, 'malformed', /pair/],
    [
      {
        lesson: 'cold-start',
        step: 1,
        engine: '1',
        iv: [
          [5, { action: 'compact' }],
          [4, { action: 'compact' }],
        ],
      },
      'malformed',
      /earlier/,
    ],
    [{ lesson: 'x'.repeat(101), step: 1, engine: '1' }, 'malformed', /"lesson"/],
    [{ lesson: 'no-such-lesson', step: 1, engine: '1' }, 'unknown-lesson', /"no-such-lesson"/],
    [{ library: 'no-such', step: 1, engine: '1' }, 'unknown-lesson', /"no-such"/],
    [{ lesson: 'toString', step: 1, engine: '1' }, 'unknown-lesson', /"toString"/],
    [
      { scenario: { metadata: { name: 'x' }, settings: { workers: 0 } }, step: 1, engine: '1' },
      'invalid-scenario',
      /settings\.workers: must be an integer from 1 to 16/,
    ],
    [
      { scenario: { apiVersion: 'informer-lab/v1', metadata: { name: 'x' } }, step: 1, engine: '1' },
      'malformed',
      /apiVersion/,
    ],
    [{ scenario: [], step: 1, engine: '1' }, 'malformed', /"scenario"/],
    [
      { lesson: 'cold-start', changes: { workerz: 3 }, step: 1, engine: '1' },
      'invalid-scenario',
      /workerz: unknown field; did you mean "workers"/,
    ],
    [
      '{"lesson":"cold-start","changes":{"__proto__":{"workers":3}},"step":1,"engine":"1"}',
      'invalid-scenario',
      /__proto__/,
    ],
    ['{"lesson":"cold-start","step":1,"engine":"1","__proto__":{"x":1}}', 'malformed', /"__proto__"/],
    [
      {
        lesson: 'cold-start',
        step: 1,
        engine: '1',
        iv: [
          [1, { action: 'compact' }],
          [2, { action: 'update', target: { kind: 'Foo', name: 'a' }, spec: { replicas: 11 } }],
        ],
      },
      'invalid-scenario',
      /InterventionAction 2 .*spec\.replicas: must be an integer from 1 to 10/,
    ],
    [
      { lesson: 'cold-start', step: 1, engine: '1', iv: [[1, { at: 5, action: 'compact' }]] },
      'invalid-scenario',
      /no time of its own/,
    ],
    [
      { lesson: 'cold-start', step: 1, engine: '1', iv: [[1, { action: 'explode' }]] },
      'invalid-scenario',
      /unknown action "explode"/,
    ],
    [
      { lesson: 'cold-start', step: 1, engine: '1', iv: [[1, 'compact']] },
      'invalid-scenario',
      /must be a map/,
    ],
  ] as const)('crafted %j → %s', (wire, reason, message) => {
    // A string is JSON text as is (an object literal cannot hold an own "__proto__").
    const r = decodeLink(craft(typeof wire === 'string' ? wire : JSON.stringify(wire)), OPTS);
    expect(failure(r)).toBe(reason);
    expect(r.ok ? '' : r.message).toMatch(message);
  });

  it('an unknown engine version or language only warns', () => {
    const r = decodeLink(
      craft(JSON.stringify({ lesson: 'cold-start', step: 1, engine: '7', lang: 'fr' })),
      OPTS,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.lang).toBeUndefined();
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings.join('\n')).toMatch(/"fr"/);
    expect(r.warnings.join('\n')).toMatch(/engine behaviour version "7".*may differ/);
  });

  it('encodeLink refuses a state that would not decode to itself', () => {
    const bad = typicalLessonLink(0);
    const badIv = { step: 1, action: { action: 'failReconciles', count: 0 } as InterventionAction };
    expect(() => encodeLink({ ...bad, interventions: [badIv] })).toThrow(/count/);
    expect(() => encodeLink({ ...bad, step: -1 })).toThrow(LinkEncodeError);
    expect(() => encodeLink({ ...bad, digest: 'xyz' })).toThrow(LinkEncodeError);
    const extra = { step: 1, action: { action: 'compact', note: 'hi' } as unknown as InterventionAction };
    expect(() => encodeLink({ ...bad, interventions: [extra] })).toThrow(/does not survive/);
  });
});

// --- fuzz ------------------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('hostile input never throws', () => {
  it('random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 100 }),
          fc.string({ unit: fc.constantFrom(...B64), maxLength: 300 }).map((s) => `v1.${s}`),
          fc.constantFrom('v1.', 'v2.', '#', '#v1.', 'v1..', ' v1. '),
        ),
        (text) => {
          const r = decodeLink(text, OPTS);
          // A random text that inflates, matches its checksum and is a valid link is not a real outcome.
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  /** A few real links of every source kind, to mutate. */
  const seeds = fc.sample(linkState, { numRuns: 12, seed: 4 }).flatMap((s) => {
    try {
      return [{ state: s, text: encodeLink(s) }];
    } catch {
      return [];
    }
  });
  seeds.push({ state: typicalLessonLink(5), text: encodeLink(typicalLessonLink(5)) });

  type Mutation =
    | { kind: 'flip' | 'insert'; at: number; ch: string }
    | { kind: 'delete' | 'truncate'; at: number }
    | { kind: 'version'; v: string };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
      kind: fc.constantFrom('flip' as const, 'insert' as const),
      at: fc.nat(),
      ch: fc.constantFrom(...B64),
    }),
    fc.record({ kind: fc.constantFrom('delete' as const, 'truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('version' as const),
      v: fc.constantFrom('v3.', 'v4.', 'v10.', 'v0.', 'x1.', ''),
    }),
  );

  function mutate(text: string, m: Mutation): string {
    const body = text.slice(3);
    if (m.kind === 'version') return m.v + body;
    const i = m.at % (body.length + 1);
    switch (m.kind) {
      case 'flip':
        return `v1.${body.slice(0, i)}${m.ch}${body.slice(i + 1)}`;
      case 'insert':
        return `v1.${body.slice(0, i)}${m.ch}${body.slice(i)}`;
      case 'delete':
        return `v1.${body.slice(0, i)}${body.slice(i + 1)}`;
      case 'truncate':
        return text.slice(0, 3 + Math.min(i, body.length - 1));
    }
  }

  const EXPECTED: Readonly<Record<Mutation['kind'], readonly string[]>> = {
    flip: ['tampered', 'truncated', 'malformed'],
    insert: ['tampered', 'truncated', 'malformed'],
    delete: ['tampered', 'truncated', 'malformed'],
    truncate: ['truncated', 'tampered'],
    version: ['too-new', 'malformed'],
  };

  it('mutated real links fail sensibly, or decode to the very same state', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), mutation, ({ state, text }, m) => {
        const changed = mutate(text, m);
        const r = decodeLink(changed, OPTS);
        if (r.ok) {
          // A change the checksum cannot see: a flip that reproduces the text, or unused trailing bits
          // or bytes. The state must then be exactly the original.
          expect(r.state).toEqual(state);
          return;
        }
        expect(EXPECTED[m.kind]).toContain(r.reason);
        if (m.kind === 'version')
          expect(r.reason).toBe(m.v === 'v0.' || !/^v\d/.test(m.v) ? 'malformed' : 'too-new');
      }),
      { numRuns: 3000 },
    );
  });

  it('crafted wire objects with a valid checksum: decoded states are always encodable again', () => {
    const wire = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      // Real wire objects with one field replaced by random JSON.
      fc
        .tuple(
          fc.constantFrom(...seeds),
          fc.constantFrom(
            'lesson',
            'changes',
            'library',
            'scenario',
            'seed',
            'step',
            'lang',
            'iv',
            'embed',
            'engine',
            'digest',
          ),
          fc.jsonValue({ maxDepth: 3 }),
        )
        .map(([{ text }, key, value]) => {
          const r = decodeLink(text, OPTS);
          const json = r.ok ? JSON.parse(rawJson(text)) : {};
          return { ...json, [key]: value };
        }),
    );
    fc.assert(
      fc.property(wire, (w) => {
        const r = decodeLink(craft(JSON.stringify(w)), OPTS);
        if (!r.ok) {
          expect(['malformed', 'unknown-lesson', 'invalid-scenario']).toContain(r.reason);
          return;
        }
        const again = decodeLink(encodeLink(r.state), OPTS);
        expect(again.ok && again.state).toEqual(r.state);
      }),
      { numRuns: 1000 },
    );
  });
});

/** The JSON inside a real link (for building crafted variants). */
function rawJson(text: string): string {
  const b = base64urlDecode(text.slice(3));
  if (!b.ok) throw new Error('not a link');
  return new TextDecoder().decode(inflateSync(b.bytes)).slice(8);
}
