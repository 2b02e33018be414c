import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../engine/model/frame';
import { arrowPath } from './layout';
import {
  arrowForRecord,
  DEFAULT_TOKEN_CAP,
  isErrorRecord,
  motionAt,
  planMotion,
  slotProgress,
  tokenShape,
  tokenTiming,
} from './motion';

function rec(over: Partial<RecordView>): RecordView {
  return {
    step: 1,
    time: 0,
    lane: 'Foo',
    component: 'informer',
    arrow: 3,
    key: 'default/a',
    rv: '1',
    message: 'informer.pop',
    params: {},
    objectKind: 'Foo',
    tombstone: false,
    object: null,
    ...over,
  };
}

/** A Pop step as the engine emits it: arrows 3, 4, 5, 6 in order, plus an internal record. */
const POP_STEP: RecordView[] = [
  rec({ arrow: 3 }),
  rec({ arrow: 'internal', component: 'handler', message: 'handler.OnAdd' }),
  rec({ arrow: 4 }),
  rec({ arrow: 5, component: 'indexer', message: 'indexer.add' }),
  rec({ arrow: 6 }),
];

describe('slot timing', () => {
  it('gives record i of n the slice [i/n, (i+1)/n] of the step', () => {
    expect(slotProgress(0, 4, 0)).toBe(0);
    expect(slotProgress(0, 4, 0.125)).toBeCloseTo(0.5);
    expect(slotProgress(0, 4, 0.25)).toBe(1);
    expect(slotProgress(1, 4, 0.25)).toBe(0);
    expect(slotProgress(1, 4, 0.375)).toBeCloseTo(0.5);
    expect(slotProgress(3, 4, 1)).toBe(1);
    expect(slotProgress(2, 4, 0.3)).toBe(0);
  });

  it('hides a token before its slot and rests it at the arrow end after it', () => {
    const plan = planMotion(POP_STEP);
    expect(plan.tokens.map((t) => t.arrow)).toEqual(['3', '4', '5', '6']);
    const m = motionAt(plan, 0.4, false);
    expect(m.tokens.map((t) => t.phase)).toEqual(['arrived', 'moving', 'pending', 'pending']);
    expect(m.tokens.map((t) => t.visible)).toEqual([true, true, false, false]);
    const end3 = arrowPath('3', 'Foo').at(1);
    expect(m.tokens[0]).toMatchObject({ x: end3.x, y: end3.y, t: 1 });
    expect(m.arrows.map((a) => [a.arrowKey, a.state])).toEqual([
      ['3:Foo', 'done'],
      ['4:Foo', 'active'],
      ['5:Foo', 'pending'],
      ['6:Foo', 'pending'],
    ]);
    const done = motionAt(plan, 1, false);
    expect(done.tokens.every((t) => t.phase === 'arrived' && t.t === 1)).toBe(true);
    expect(done.arrows.every((a) => a.state === 'done')).toBe(true);
  });

  it('eases within bounds: 0 at the slot start, 1 at its end, never backwards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, iRaw, p1, p2) => {
          const i = iRaw % n;
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const a = tokenTiming(i, n, lo, false);
          const b = tokenTiming(i, n, hi, false);
          expect(a.t).toBeGreaterThanOrEqual(0);
          expect(a.t).toBeLessThanOrEqual(1);
          expect(b.t).toBeGreaterThanOrEqual(a.t);
          if (a.visible) expect(b.visible).toBe(true);
          if (lo >= (i + 1) / n) expect(a).toEqual({ visible: true, t: 1, phase: 'arrived' });
          if (hi < i / n) expect(b.visible).toBe(false);
        },
      ),
      { seed: 7, numRuns: 500 },
    );
    // Eased, not linear: a quarter into the slot the token has covered less than a quarter.
    const q = tokenTiming(0, 1, 0.25, false);
    expect(q.t).toBeGreaterThan(0);
    expect(q.t).toBeLessThan(0.25);
    expect(tokenTiming(0, 1, 0.5, false).t).toBeCloseTo(0.5);
  });

  it('puts every token at its end at once under reduced motion', () => {
    const m = motionAt(planMotion(POP_STEP), 0, true);
    expect(m.tokens.every((t) => t.visible && t.t === 1 && t.phase === 'arrived')).toBe(true);
    expect(m.arrows.every((a) => a.state === 'done')).toBe(true);
  });

  it('is a pure function of (records, progress): the same inputs give the same tokens', () => {
    const plan = planMotion(POP_STEP);
    const forward = [0, 0.3, 0.7, 1].map((p) => motionAt(plan, p, false));
    const back = [1, 0.7, 0.3, 0].map((p) => motionAt(planMotion(POP_STEP), p, false)).reverse();
    expect(back).toEqual(forward);
  });
});

describe('mapping records to arrows', () => {
  it('uses record.arrow and record.lane, not the message id', () => {
    expect(arrowForRecord(rec({ arrow: 5, lane: 'Deployment', message: 'informer.pop' }))).toEqual({
      arrow: '5',
      lane: 'Deployment',
      reverse: false,
    });
    expect(arrowForRecord(rec({ arrow: 2, lane: 'Foo', message: 'indexer.add' }))?.arrow).toBe('2');
    expect(arrowForRecord(rec({ arrow: 'resync', lane: 'Deployment', key: null }))).toEqual({
      arrow: 'resync',
      lane: 'Deployment',
      reverse: false,
    });
    expect(arrowForRecord(rec({ arrow: 'internal' }))).toBeNull();
    expect(arrowForRecord(rec({ arrow: 7, lane: null }))).toEqual({
      arrow: '7',
      lane: 'Foo',
      reverse: false,
    });
  });

  it('sends answers back and starts lookups and user writes at their own box', () => {
    expect(arrowForRecord(rec({ arrow: 1, component: 'apiserver' }))?.reverse).toBe(true);
    expect(arrowForRecord(rec({ arrow: 1, component: 'reflector' }))?.reverse).toBe(false);
    expect(
      arrowForRecord(rec({ arrow: 'write', component: 'client', params: { verb: 'create' } }))?.reverse,
    ).toBe(false);
    expect(arrowForRecord(rec({ arrow: 'write', component: 'client', params: { code: 200 } }))?.reverse).toBe(
      true,
    );
    expect(arrowForRecord(rec({ arrow: 'write', component: 'user' }))?.arrow).toBe('kubectl');
    expect(arrowForRecord(rec({ arrow: 9, component: 'handler' }))?.arrow).toBe('9h');
    expect(arrowForRecord(rec({ arrow: 9, component: 'worker', lane: 'Deployment' }))).toEqual({
      arrow: '9',
      lane: 'Deployment',
      reverse: false,
    });
  });

  it('moves reversed tokens from the tip back to the start', () => {
    const plan = planMotion([rec({ arrow: 1, component: 'apiserver', key: null, objectKind: null })]);
    const start = arrowPath('1', 'Foo').at(0);
    const m = motionAt(plan, 1, false);
    expect(m.tokens[0]).toMatchObject({ x: start.x, y: start.y });
    expect(Math.cos(m.tokens[0]!.angle)).toBeCloseTo(-1); // travelling west, back to the Reflector
  });

  it('shapes tokens by object kind, key and tombstone, and spots errors', () => {
    expect(tokenShape(rec({ objectKind: 'Foo' }))).toBe('square');
    expect(tokenShape(rec({ objectKind: 'Deployment' }))).toBe('triangle');
    expect(tokenShape(rec({ objectKind: null, key: 'default/a' }))).toBe('key');
    expect(tokenShape(rec({ objectKind: null, key: null }))).toBe('signal');
    expect(tokenShape(rec({ objectKind: null, tombstone: true, lane: 'Deployment' }))).toBe('triangle');
    expect(isErrorRecord(rec({ params: { code: 409 } }))).toBe(true);
    expect(isErrorRecord(rec({ params: { code: 0 } }))).toBe(true);
    expect(isErrorRecord(rec({ params: { code: 200 } }))).toBe(false);
    expect(isErrorRecord(rec({ params: { code: '500' } }))).toBe(false);
    expect(isErrorRecord(rec({ message: 'reflector.watch-error', params: {} }))).toBe(true);
    const [tk] = planMotion([
      rec({ arrow: 'write', component: 'client', params: { code: 409 }, objectKind: null }),
    ]).tokens;
    expect(tk).toMatchObject({ error: true, code: 409, shape: 'key' });
  });
});

describe('aggregation', () => {
  it('draws at most the cap per arrow and counts the rest as +N', () => {
    const many: RecordView[] = [];
    for (let i = 0; i < 1000; i++) many.push(rec({ arrow: 2, component: 'deltafifo', key: `default/o${i}` }));
    many.push(rec({ arrow: 1, component: 'reflector', key: null, objectKind: null }));
    const plan = planMotion(many);
    expect(plan.tokens.filter((t) => t.arrow === '2')).toHaveLength(DEFAULT_TOKEN_CAP);
    expect(plan.tokens.filter((t) => t.arrow === '1')).toHaveLength(1);
    expect(plan.tokens.every((t) => t.slots === DEFAULT_TOKEN_CAP + 1)).toBe(true);
    const m = motionAt(plan, 1, false);
    expect(m.arrows.find((a) => a.arrowKey === '2:Foo')).toMatchObject({
      overflow: 1000 - DEFAULT_TOKEN_CAP,
      count: 1000,
    });
    expect(m.arrows.find((a) => a.arrowKey === '1:Foo')).toMatchObject({ overflow: 0, count: 1 });
    // The first records are the ones drawn, in record order.
    expect(plan.tokens.slice(0, 3).map((t) => t.key)).toEqual(['default/o0', 'default/o1', 'default/o2']);
    // The last record still gets its own slot.
    expect(plan.tokens.at(-1)).toMatchObject({ arrow: '1', recordIndex: 1000, slot: DEFAULT_TOKEN_CAP });
  });

  it('counts per lane: the same arrow number in two lanes is two arrows', () => {
    const recs = [
      ...Array.from({ length: 20 }, () => rec({ arrow: 3, lane: 'Foo' })),
      ...Array.from({ length: 20 }, () => rec({ arrow: 3, lane: 'Deployment' })),
    ];
    const plan = planMotion(recs, 5);
    expect(plan.tokens).toHaveLength(10);
    expect(plan.arrows.map((a) => [a.arrowKey, a.count, a.shown])).toEqual([
      ['3:Foo', 20, 5],
      ['3:Deployment', 20, 5],
    ]);
  });
});

describe('modern lanes (client-go v0.36.3): batches and the watch-list', () => {
  /** A batch pop as the modern engine records it (SI2 [C]): PopBatch, store records, one Transaction, dispatches. */
  const BATCH_STEP: RecordView[] = [
    rec({
      lane: 'Deployment',
      arrow: 3,
      key: null,
      message: 'informer.pop-batch',
      params: { batch: true, count: 3 },
    }),
    ...['default/a', 'default/b', 'default/c'].map((key) =>
      rec({ lane: 'Deployment', arrow: 4, key, message: 'informer.store-add', params: { batch: true } }),
    ),
    rec({ lane: 'Deployment', arrow: 5, key: null, component: 'indexer', message: 'indexer.transaction' }),
    ...['default/a', 'default/b', 'default/c'].map((key) =>
      rec({ lane: 'Deployment', arrow: 6, key, message: 'informer.dispatch' }),
    ),
    rec({
      lane: 'Foo',
      arrow: 7,
      component: 'handler',
      key: 'default/a',
      message: 'handler.enqueue',
      objectKind: null,
    }),
  ];

  it('sends a batch’s keys along arrows 3–6 as one token per arrow, in order, with no "+N"', () => {
    const plan = planMotion(BATCH_STEP);
    const batch = plan.tokens.filter((t) => t.shape === 'batch');
    expect(batch.map((t) => t.arrowKey)).toEqual([
      '3:Deployment',
      '4:Deployment',
      '5:Deployment',
      '6:Deployment',
    ]);
    for (const t of batch) expect(t.keys).toEqual(['default/a', 'default/b', 'default/c']);
    // They travel one after another, as a Pop's tokens do: 3, then 4, 5, 6.
    expect(batch.map((t) => t.slot)).toEqual([0, 1, 2, 3]);
    const { arrows } = motionAt(plan, 1, false);
    for (const a of arrows) expect(a.overflow, a.arrowKey).toBe(0);
    expect(arrows.find((a) => a.arrowKey === '6:Deployment')?.count).toBe(3);
    // The rest of the step (the handler's enqueue) is drawn as before.
    expect(plan.tokens.at(-1)).toMatchObject({ arrowKey: '7', shape: 'key', key: 'default/a' });
  });

  it('keeps one popped entry (batch false) and every classic Pop as one token per record', () => {
    const single = BATCH_STEP.map((r) =>
      r.message === 'informer.pop-batch' ? { ...r, params: { batch: false, count: 1 } } : r,
    );
    expect(planMotion(single).tokens.some((t) => t.shape === 'batch')).toBe(false);
    const classic = planMotion(POP_STEP);
    for (const t of classic.tokens) {
      expect('keys' in t).toBe(false);
      expect('variant' in t).toBe(false);
    }
  });

  it('R19/R20: marks a watch-list’s initial events and its end bookmark', () => {
    const plan = planMotion([
      rec({
        arrow: 'watch-event',
        component: 'reflector',
        message: 'reflector.initial-event',
        key: 'default/a',
      }),
      rec({
        arrow: 'watch-event',
        component: 'reflector',
        message: 'reflector.initial-events-end',
        key: null,
        objectKind: null,
      }),
    ]);
    expect(plan.tokens.map((t) => t.variant)).toEqual(['initial', 'end-bookmark']);
  });
});
