import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../engine/model/objects';
import type { ParamValue, TraceRecord } from '../../engine/model/trace';
import { evaluateCheck, evaluatePause, findNarration, findPauses, narrationAt } from './goal';
import { matchRecord } from './matcher';
import type { GoalCheck, Lesson, RecordMatcher } from './types';

function rec(step: number, message: string, more: Partial<TraceRecord> = {}): TraceRecord {
  return {
    step,
    time: step * 10,
    lane: 'Foo',
    component: 'informer',
    arrow: 3,
    key: null,
    object: null,
    resourceVersion: null,
    params: {},
    ...more,
    message,
  };
}

const M = (message: string, params?: Record<string, ParamValue>): RecordMatcher =>
  params === undefined ? { message } : { message, params };

describe('matchRecord', () => {
  it('matches every given field and ignores the others', () => {
    const r = rec(3, 'worker.get', { key: 'default/a', lane: 'Foo', component: 'worker', arrow: 8 });
    expect(matchRecord({ message: 'worker.get' }, r)).toBe(true);
    expect(matchRecord({ message: 'worker.get', key: 'default/b' }, r)).toBe(false);
    expect(matchRecord({ messagePrefix: 'worker.' }, r)).toBe(true);
    expect(matchRecord({ messagePrefix: 'informer.' }, r)).toBe(false);
    expect(matchRecord({ component: 'worker', arrow: 8, lane: 'Foo' }, r)).toBe(true);
    expect(matchRecord({ arrow: 9 }, r)).toBe(false);
    expect(matchRecord({ lane: 'Deployment' }, r)).toBe(false);
  });

  it('compares params, a number or boolean also matching its string form, null only null', () => {
    const r = rec(1, 'x', { params: { rv: '3', code: 409, ok: true, reason: null } });
    expect(matchRecord({ params: { rv: 3 } }, r)).toBe(true);
    expect(matchRecord({ params: { rv: '3', code: '409', ok: 'true' } }, r)).toBe(true);
    expect(matchRecord({ params: { code: 410 } }, r)).toBe(false);
    expect(matchRecord({ params: { reason: null } }, r)).toBe(true);
    expect(matchRecord({ params: { reason: 'null' } }, r)).toBe(false);
    expect(matchRecord({ params: { rv: null } }, r)).toBe(false);
    expect(matchRecord({ params: { missing: 1 } }, r)).toBe(false);
    expect(matchRecord({ params: { toString: 'x' } }, r)).toBe(false);
  });

  it('deleting looks at the (unwrapped) object’s deletionTimestamp', () => {
    const obj = (ts: number | null) =>
      ({ kind: 'Foo', metadata: { deletionTimestamp: ts, resourceVersion: '1' } }) as unknown as KObject;
    expect(matchRecord({ deleting: true }, rec(1, 'x', { object: obj(5) }))).toBe(true);
    expect(matchRecord({ deleting: false }, rec(1, 'x', { object: obj(null) }))).toBe(true);
    expect(matchRecord({ deleting: true }, rec(1, 'x', { object: null }))).toBe(false);
    const tomb = { $tombstone: true as const, key: 'default/a', obj: obj(7) };
    expect(matchRecord({ deleting: true }, rec(1, 'x', { object: tomb }))).toBe(true);
  });
});

describe('evaluateCheck', () => {
  const rs = [
    rec(1, 'a'),
    rec(2, 'b', { params: { n: 1 } }),
    rec(2, 'c'),
    rec(3, 'b', { params: { n: 2 } }),
    rec(4, 'd'),
  ];
  const run = (c: GoalCheck) => evaluateCheck(c, rs).met;

  it('sequence: in order, not necessarily adjacent; each item after the previous record', () => {
    expect(run({ type: 'sequence', matchers: [M('a'), M('b'), M('d')] })).toBe(true);
    expect(run({ type: 'sequence', matchers: [M('c'), M('b', { n: 2 })] })).toBe(true);
    expect(run({ type: 'sequence', matchers: [M('c'), M('b', { n: 1 })] })).toBe(false);
    expect(run({ type: 'sequence', matchers: [M('b'), M('b')] })).toBe(true);
    expect(run({ type: 'sequence', matchers: [M('d'), M('a')] })).toBe(false);
    expect(evaluateCheck({ type: 'sequence', matchers: [M('a'), M('z')] }, rs).detail).toContain(
      'item 2 of 2',
    );
  });

  it('count: min and max inclusive, max null = unbounded', () => {
    expect(run({ type: 'count', match: M('b'), min: 2, max: 2 })).toBe(true);
    expect(run({ type: 'count', match: M('b'), min: 3, max: null })).toBe(false);
    expect(run({ type: 'count', match: M('b'), min: 0, max: 1 })).toBe(false);
    expect(run({ type: 'count', match: M('z'), min: 0, max: 0 })).toBe(true);
  });

  it('absentBetween: needs both anchors; looks strictly between the first after and the next before', () => {
    const ab = (absent: string, after: string, before: string) =>
      run({ type: 'absentBetween', absent: M(absent), after: M(after), before: M(before) });
    expect(ab('z', 'a', 'd')).toBe(true);
    expect(ab('c', 'a', 'd')).toBe(false);
    expect(ab('a', 'a', 'd')).toBe(true); // the anchors themselves are not "between"
    expect(ab('z', 'q', 'd')).toBe(false); // after never happens
    expect(ab('z', 'd', 'a')).toBe(false); // before never happens after it
  });

  it('between: slices the records; a given anchor that never matches fails', () => {
    const count = (min: number, max: number): GoalCheck => ({ type: 'count', match: M('b'), min, max });
    expect(run({ type: 'between', after: M('c'), before: null, check: count(1, 1) })).toBe(true);
    expect(run({ type: 'between', after: null, before: M('c'), check: count(1, 1) })).toBe(true);
    expect(run({ type: 'between', after: null, before: null, check: count(2, 2) })).toBe(true);
    expect(run({ type: 'between', after: M('z'), before: null, check: count(0, 5) })).toBe(false);
    expect(run({ type: 'between', after: M('a'), before: M('z'), check: count(0, 5) })).toBe(false);
  });

  it('all / any', () => {
    const yes: GoalCheck = { type: 'count', match: M('a'), min: 1, max: null };
    const no: GoalCheck = { type: 'count', match: M('z'), min: 1, max: null };
    expect(run({ type: 'all', checks: [yes, yes] })).toBe(true);
    expect(run({ type: 'all', checks: [yes, no] })).toBe(false);
    expect(run({ type: 'any', checks: [no, yes] })).toBe(true);
    expect(run({ type: 'any', checks: [no, no] })).toBe(false);
    expect(run({ type: 'any', checks: [] })).toBe(false);
  });

  it('sequence agrees with a brute-force subsequence search (property)', () => {
    const letters = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters), { maxLength: 9 }),
        fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 4 }),
        (msgs, want) => {
          const records = msgs.map((m, i) => rec(i + 1, m));
          // Reference: try every increasing choice of positions.
          const brute = (from: number, k: number): boolean =>
            k === want.length ||
            records.some((r, i) => i >= from && r.message === want[k] && brute(i + 1, k + 1));
          const got = evaluateCheck({ type: 'sequence', matchers: want.map((m) => M(m)) }, records).met;
          return got === brute(0, 0);
        },
      ),
      { seed: 20260101, numRuns: 500 },
    );
  });
});

function lessonWith(parts: Partial<Lesson>): Lesson {
  return {
    apiVersion: 'informer-lab/v1',
    id: 't',
    number: 1,
    title: { en: 't', zh: 't' },
    summary: { en: 's', zh: 's' },
    rules: ['R1'],
    era: 'classic',
    steps: 100,
    scenario: {} as Lesson['scenario'],
    narration: [],
    pauses: [],
    goal: { description: { en: 'g', zh: 'g' }, check: { type: 'any', checks: [] } },
    ...parts,
  };
}

describe('pauses and narration', () => {
  const rs = [rec(1, 'a'), rec(2, 'x'), rec(3, 'a'), rec(4, 'b'), rec(5, 'x'), rec(9, 'y')];
  const pause = (before: string, after: string | null, within = 100) => ({
    id: 'p',
    before: M(before),
    after: after === null ? null : M(after),
    question: { en: 'q', zh: 'q' },
    choices: [
      {
        id: 'yes',
        text: { en: 'y', zh: 'y' },
        check: { type: 'count', match: M('b'), min: 1, max: null } as GoalCheck,
      },
      {
        id: 'no',
        text: { en: 'n', zh: 'n' },
        check: { type: 'count', match: M('b'), min: 0, max: 0 } as GoalCheck,
      },
    ],
    answer: 'yes',
    explanation: { en: 'e', zh: 'e' },
    reveal: M('b'),
    within,
  });

  it('findPauses: the first matching step, after the anchor; null if never reached or beyond steps', () => {
    const l = lessonWith({ pauses: [pause('x', null), pause('x', 'b'), pause('z', null), pause('y', null)] });
    expect(findPauses(l, rs).map((p) => p.step)).toEqual([2, 5, null, 9]);
    expect(findPauses({ ...l, steps: 8 }, rs).map((p) => p.step)).toEqual([2, 5, null, null]);
  });

  it('evaluatePause judges the choices over [step, step + within) and reveals from it', () => {
    const l = lessonWith({ pauses: [pause('a', null, 10), pause('a', null, 3), pause('x', 'b', 10)] });
    const o = evaluatePause(l, 0, rs);
    expect(o.step).toBe(1);
    expect(o.holds).toEqual({ yes: true, no: false });
    expect(o.decided).toBe(true);
    expect(o.reveal.map((r) => r.step)).toEqual([4]);
    // Window too short to see b: the designated answer is not confirmed.
    const short = evaluatePause(l, 1, rs);
    expect(short.window.map((r) => r.step)).toEqual([1, 2, 3]);
    expect(short.holds).toEqual({ yes: false, no: true });
    expect(short.decided).toBe(false);
    expect(evaluatePause(l, 2, rs).holds).toEqual({ yes: false, no: true });
    expect(() => evaluatePause(l, 7, rs)).toThrow(RangeError);
  });

  it('findNarration and narrationAt', () => {
    const text = { en: '{key}', zh: '{key}' };
    const l = lessonWith({
      narration: [
        { when: M('x'), after: null, text },
        { when: M('x'), after: M('b'), text },
        { when: M('q'), after: null, text },
        { when: M('b'), after: null, text },
      ],
    });
    const pts = findNarration(l, rs);
    expect(pts.map((p) => p.step)).toEqual([2, 5, null, 4]);
    expect(narrationAt(pts, 1)).toBeNull();
    expect(narrationAt(pts, 3)?.index).toBe(0);
    expect(narrationAt(pts, 4)?.index).toBe(3);
    expect(narrationAt(pts, 50)?.index).toBe(1);
  });
});
