// Comparison links (format v2, issue 13): both sessions and the alignment round-trip exactly; only
// comparison links are written 'v2.'; a v1 link cannot smuggle a comparison part; a bad right side fails
// the whole link with a message that says so; an unknown built-in comparison id is dropped with a warning.
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../engine/kernel/hash';
import { DEFAULT_SETTINGS } from '../engine/model/defaults';
import type { Settings } from '../engine/model/scenario';
import { ENGINE_BEHAVIOUR_VERSION } from '../engine/version';
import { base64urlEncode } from './base64url';
import { SCENARIO_LIBRARY } from './library/index';
import { changesOf, intervention, scenario, settings } from './test-arbitraries';
import {
  type DecodeResult,
  decodeLink,
  encodeLink,
  LinkEncodeError,
  type LinkSide,
  type LinkSource,
  type LinkState,
} from './url-codec';

const LESSONS = ['cold-start', 'tombstone', 'gone-410'];
const LIBRARY = SCENARIO_LIBRARY.map((s) => s.name);
const COMPARISONS = ['deepcopy', 'initial-list-classic-vs-modern'];
const OPTS = { lessonIds: LESSONS, libraryNames: LIBRARY, comparisonIds: COMPARISONS };

function craft(json: string, version: string): string {
  return version + base64urlEncode(deflateSync(strToU8(`${fnv1a(json)}${json}`)));
}

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
const changes = fc
  .tuple(settings, fc.subarray(SETTING_KEYS, { maxLength: 4 }))
  .map(([s, keys]) => changesOf(s, keys) as Partial<Settings>);
const source: fc.Arbitrary<LinkSource> = fc.oneof(
  fc.constantFrom(...LESSONS).map((id) => ({ kind: 'lesson' as const, id })),
  fc
    .tuple(fc.constantFrom(...LESSONS), changes)
    .map(([id, c]) => ({ kind: 'lesson' as const, id, changes: c })),
  fc
    .tuple(fc.constantFrom(...LIBRARY), changes)
    .map(([name, c]) => ({ kind: 'library' as const, name, changes: c })),
  scenario.map((s) => ({ kind: 'scenario' as const, scenario: s })),
);
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const ivs = fc
  .array(fc.record({ step: fc.integer({ min: 0, max: 10_000 }), action: intervention }), { maxLength: 3 })
  .map((xs) => [...xs].sort((a, b) => a.step - b.step));
const digest = optional(fc.stringMatching(/^[0-9a-f]{8}$/));
const side: fc.Arbitrary<LinkSide> = fc
  .record({
    source,
    seed: optional(fc.integer({ min: 0, max: 0xffffffff })),
    step: fc.integer({ min: 0, max: 1_000_000 }),
    interventions: ivs,
    digest,
  })
  .map(({ seed, digest: d, ...rest }) => ({
    ...rest,
    ...(seed === undefined ? {} : { seed }),
    ...(d === undefined ? {} : { digest: d }),
  }));
const compareState: fc.Arbitrary<LinkState> = fc
  .record({
    left: side,
    right: side,
    align: fc.constantFrom('time' as const, 'step' as const),
    id: optional(fc.constantFrom(...COMPARISONS)),
    lang: optional(fc.constantFrom('en' as const, 'zh-CN' as const)),
    embed: fc.boolean(),
  })
  .map(({ left, right, align, id, lang, embed }) => ({
    ...left,
    ...(lang === undefined ? {} : { lang }),
    ...(embed ? { embed: { on: true } as const } : {}),
    engine: ENGINE_BEHAVIOUR_VERSION,
    compare: { right, align, ...(id === undefined ? {} : { comparisonId: id }) },
  }));

function encodeOrSkip(state: LinkState): string | null {
  try {
    return encodeLink(state);
  } catch (e) {
    if (e instanceof LinkEncodeError && e.code === 'too-large') return null;
    throw e;
  }
}

const BASE: LinkState = {
  source: { kind: 'library', name: 'default' },
  step: 40,
  interventions: [],
  engine: ENGINE_BEHAVIOUR_VERSION,
  digest: '0123abcd',
  compare: {
    right: {
      source: { kind: 'library', name: 'default', changes: { era: 'modern' } },
      step: 42,
      interventions: [],
      digest: 'feedbeef',
    },
    align: 'time',
    comparisonId: 'initial-list-classic-vs-modern',
  },
};

const reason = (r: DecodeResult) => (r.ok ? 'ok' : r.reason);
const message = (r: DecodeResult) => (r.ok ? '' : r.message);

describe('comparison links', () => {
  it('decodeLink(encodeLink(s)) gives both sessions and the alignment back exactly', () => {
    fc.assert(
      fc.property(compareState, (state) => {
        const text = encodeOrSkip(state);
        fc.pre(text !== null);
        expect(text!.startsWith('v2.')).toBe(true);
        const r = decodeLink(text!, OPTS);
        expect(r.ok && r.state).toEqual(state);
        expect(r.ok && r.warnings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a link without a comparison is still written v1 (old readers open it)', () => {
    const { compare: _c, ...single } = BASE;
    expect(encodeLink(single).startsWith('v1.')).toBe(true);
    expect(encodeLink(BASE).startsWith('v2.')).toBe(true);
  });

  it('a v1 link cannot carry a comparison part', () => {
    const json = JSON.stringify({
      library: 'default',
      step: 1,
      engine: ENGINE_BEHAVIOUR_VERSION,
      cmp: { library: 'default', step: 1, align: 'time' },
    });
    expect(reason(decodeLink(craft(json, 'v1.'), OPTS))).toBe('malformed');
    expect(message(decodeLink(craft(json, 'v1.'), OPTS))).toMatch(/"cmp" is not a known field/);
    expect(decodeLink(craft(json, 'v2.'), OPTS).ok).toBe(true);
  });

  it('garbage, a wrong checksum and a cut link fail as single links do', () => {
    const good = encodeLink(BASE);
    expect(reason(decodeLink('v2.%%%', OPTS))).toBe('malformed');
    expect(reason(decodeLink(good.slice(0, good.length - 7), OPTS))).toBe('truncated');
    const json = JSON.stringify({ library: 'default', step: 1, engine: '1', cmp: {} });
    const bad = `v2.${base64urlEncode(deflateSync(strToU8(`00000000${json}`)))}`;
    expect(reason(decodeLink(bad, OPTS))).toBe('tampered');
  });

  it.each([
    [{ library: 'default', step: 1 }, /"cmp".align must be "time" or "step"/],
    [{ library: 'default', step: 1, align: 'sideways' }, /"cmp".align/],
    [{ step: 1, align: 'time' }, /"cmp" must name exactly one/],
    [{ library: 'default', lesson: 'tombstone', step: 1, align: 'time' }, /"cmp" must name exactly one/],
    [{ library: 'default', step: -3, align: 'time' }, /"cmp"."step"/],
    [{ library: 'default', step: 1, align: 'time', digest: 'XYZ' }, /"cmp"."digest"/],
    [{ library: 'default', step: 1, align: 'time', extra: 1 }, /"cmp"."extra" is not a known field/],
    [
      {
        library: 'default',
        step: 1,
        align: 'time',
        iv: [
          [5, {}],
          [2, {}],
        ],
      },
      /"cmp"."iv"\[1\] step/,
    ],
    ['not a map', /"cmp" must be a map/],
  ])('a malformed right side %j is refused: %s', (cmp, why) => {
    const json = JSON.stringify({ library: 'default', step: 1, engine: ENGINE_BEHAVIOUR_VERSION, cmp });
    const r = decodeLink(craft(json, 'v2.'), OPTS);
    expect(reason(r)).toBe('malformed');
    expect(message(r)).toMatch(why);
  });

  it('a right side that fails validation fails the link, and says it was the right side', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ lesson: 'no-such-lesson', step: 1, align: 'time' }, 'unknown-lesson', /no-such-lesson/],
      [
        { library: 'default', changes: { era: 'ancient' }, step: 1, align: 'time' },
        'invalid-scenario',
        /changes/,
      ],
      [
        { scenario: { metadata: { name: 'x' }, settings: { workers: -1 } }, step: 1, align: 'step' },
        'invalid-scenario',
        /scenario/,
      ],
      [
        { library: 'default', step: 1, align: 'time', iv: [[3, { action: 'explode' }]] },
        'invalid-scenario',
        /InterventionAction 1/,
      ],
    ];
    for (const [cmp, why, what] of cases) {
      const json = JSON.stringify({ library: 'default', step: 1, engine: ENGINE_BEHAVIOUR_VERSION, cmp });
      const r = decodeLink(craft(json, 'v2.'), OPTS);
      expect(reason(r)).toBe(why);
      expect(message(r)).toMatch(/^The right side of this comparison: /);
      expect(message(r)).toMatch(what);
    }
  });

  it('an unknown built-in comparison id is dropped with a warning; the two runs still open', () => {
    const text = encodeLink(BASE);
    const r = decodeLink(text, { ...OPTS, comparisonIds: [] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.compare?.comparisonId).toBeUndefined();
    expect(r.state.compare?.right).toEqual(BASE.compare!.right);
    expect(r.warnings.join(' ')).toMatch(/initial-list-classic-vs-modern/);
  });

  it('encodeLink refuses a comparison whose right side would not decode', () => {
    const bad: LinkState = {
      ...BASE,
      compare: { ...BASE.compare!, right: { ...BASE.compare!.right, step: -1 } },
    };
    expect(() => encodeLink(bad)).toThrow(LinkEncodeError);
  });
});
