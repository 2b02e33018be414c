import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareEqual } from './share-frame';

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(0, 1, 2, 'a', 'b', null, true, false),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('shareEqual', () => {
  it('returns a value deep-equal to the new one', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(shareEqual(a, b)).toEqual(b);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('returns the old value itself when the new one equals it, and shares equal parts', () => {
    fc.assert(
      fc.property(json, (a) => {
        expect(shareEqual(a, structuredClone(a))).toBe(a);
      }),
      { numRuns: 300, seed: 4 },
    );
    const prev = {
      step: 1,
      lanes: { Foo: { n: [1, 2] }, Deployment: { n: [3] } },
      rows: [{ k: 'a' }, { k: 'b' }],
    };
    const next = structuredClone(prev);
    next.step = 2;
    next.lanes.Deployment.n.push(4);
    next.rows.push({ k: 'c' });
    const out = shareEqual(prev, next);
    expect(out).toEqual(next);
    expect(out).not.toBe(prev);
    expect(out.lanes.Foo).toBe(prev.lanes.Foo);
    expect(out.lanes.Deployment).not.toBe(prev.lanes.Deployment);
    expect(out.rows).not.toBe(prev.rows);
    expect(out.rows[0]).toBe(prev.rows[0]);
    expect(out.rows[1]).toBe(prev.rows[1]);
  });

  it('a key added or removed makes a new object', () => {
    const prev: Record<string, number> = { a: 1, b: 2 };
    expect(shareEqual(prev, { a: 1 })).toEqual({ a: 1 });
    expect(shareEqual(prev, { a: 1, b: 2, c: 3 })).toEqual({ a: 1, b: 2, c: 3 });
    expect(shareEqual(prev, { a: 1, c: 2 })).toEqual({ a: 1, c: 2 });
  });
});
