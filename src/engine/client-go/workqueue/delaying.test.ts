import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyState } from '../../timeline/keyframes';
import { WAITING_LOOP_MAX_WAIT_MS, wqAddAfter, wqAdvance, wqNextReadyAt, wqSnapshot } from './delaying';
import { wqMetrics } from './metrics';
import { newWorkqueue, type WorkqueueState, wqAdd, wqDone, wqGet, wqLen, wqShutDown } from './queue';

function fresh(): WorkqueueState {
  return newWorkqueue({ name: 'test', limiter: null, now: 0 });
}

function drain(q: WorkqueueState): string[] {
  const out: string[] = [];
  for (;;) {
    const r = wqGet(q, 0);
    if (!('item' in r)) return out;
    out.push(r.item);
  }
}

describe('delaying queue (delaying_queue.go)', () => {
  it('W6: a delay ≤ 0 adds at once; every call counts a retry', () => {
    const q = fresh();
    expect(wqAddAfter(q, 'a', 0, 0)).toBe('added-now');
    expect(wqAddAfter(q, 'b', -5, 0)).toBe('added-now');
    expect(wqAddAfter(q, 'c', 10, 0)).toBe('waiting');
    expect(wqSnapshot(q).queue).toEqual(['a', 'b']);
    expect(wqMetrics(q, 0).retriesTotal).toBe(3);
  });

  it('W6: AddAfter is ignored (and counts no retry) once shutting down', () => {
    const q = fresh();
    wqShutDown(q);
    expect(wqAddAfter(q, 'a', 0, 0)).toBe('shutting-down');
    expect(wqAddAfter(q, 'b', 10, 0)).toBe('shutting-down');
    expect(wqLen(q)).toBe(0);
    expect(wqNextReadyAt(q)).toBeUndefined();
    expect(wqMetrics(q, 0).retriesTotal).toBe(0);
  });

  it('W7: an item is added exactly at its ready time, not before', () => {
    const q = fresh();
    wqAddAfter(q, 'a', 15_000, 0);
    expect(wqNextReadyAt(q)).toBe(15_000);
    expect(wqAdvance(q, WAITING_LOOP_MAX_WAIT_MS)).toEqual([]);
    expect(wqAdvance(q, 14_999)).toEqual([]);
    expect(wqLen(q)).toBe(0);
    expect(wqAdvance(q, 15_000)).toEqual(['a']);
    expect(wqLen(q)).toBe(1);
    expect(wqNextReadyAt(q)).toBeUndefined();
  });

  it('W7: a second, earlier AddAfter wins; a later one is ignored', () => {
    const q = fresh();
    expect(wqAddAfter(q, 'a', 100, 0)).toBe('waiting');
    expect(wqAddAfter(q, 'a', 50, 0)).toBe('moved-earlier');
    expect(wqAddAfter(q, 'a', 80, 0)).toBe('kept-earlier');
    expect(wqAddAfter(q, 'a', 50, 0)).toBe('kept-earlier');
    expect(wqNextReadyAt(q)).toBe(50);
    expect(wqAdvance(q, 49)).toEqual([]);
    expect(wqAdvance(q, 50)).toEqual(['a']);
    expect(wqAdvance(q, 1000)).toEqual([]);
    expect(drain(q)).toEqual(['a']);
  });

  it('W7: equal ready times leave in binary-heap order (a g f e d c b), not insertion order', () => {
    const q = fresh();
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) wqAddAfter(q, k, 100, 0);
    expect(wqSnapshot(q).waiting.map((w) => w.item)).toEqual(['a', 'g', 'f', 'e', 'd', 'c', 'b']);
    expect(wqAdvance(q, 100)).toEqual(['a', 'g', 'f', 'e', 'd', 'c', 'b']);
  });

  it('W7: mixed ready times leave by ready time, ties by heap order', () => {
    const q = fresh();
    const delays: [string, number][] = [
      ['a', 30],
      ['b', 10],
      ['c', 20],
      ['d', 10],
      ['e', 30],
    ];
    for (const [k, d] of delays) wqAddAfter(q, k, d, 0);
    expect(wqAdvance(q, 100)).toEqual(['b', 'd', 'c', 'a', 'e']);
  });

  it('W7: an earlier AddAfter re-positions the entry with heap.Fix (c e d a b)', () => {
    const q = fresh();
    for (const k of ['a', 'b', 'c', 'd', 'e']) wqAddAfter(q, k, 100, 0);
    wqAddAfter(q, 'e', 100, 0); // not earlier: untouched
    expect(wqAddAfter(q, 'c', 50, 0)).toBe('moved-earlier');
    expect(wqAdvance(q, 100)).toEqual(['c', 'e', 'd', 'a', 'b']);
  });

  it('W7: a due item that is still dirty is not queued twice (Add dedup)', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqAddAfter(q, 'a', 10, 0);
    expect(wqAdvance(q, 10)).toEqual(['a']);
    expect(wqSnapshot(q).queue).toEqual(['a']);
  });

  it('W7: a due item that is processing becomes dirty and waits for Done', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqGet(q, 0);
    wqAddAfter(q, 'a', 10, 0);
    wqAdvance(q, 10);
    expect(wqSnapshot(q)).toMatchObject({ queue: [], dirty: ['a'], processing: ['a'] });
    expect(wqDone(q, 'a', 11)).toBe('requeued');
    expect(wqSnapshot(q).queue).toEqual(['a']);
  });

  it('W7: pending delayed items are dropped at shutdown', () => {
    const q = fresh();
    wqAddAfter(q, 'a', 10, 0);
    wqAddAfter(q, 'b', 20, 0);
    wqShutDown(q);
    expect(wqNextReadyAt(q)).toBeUndefined();
    expect(wqAdvance(q, 100)).toEqual([]);
    expect(wqLen(q)).toBe(0);
    expect(wqGet(q, 100)).toEqual({ shutdown: true });
  });

  it('W8: AddAfter(x, 10s) then Add(x) processes x now and again when the wait ends', () => {
    const q = fresh();
    wqAddAfter(q, 'x', 10_000, 0);
    wqAdd(q, 'x', 0);
    expect(drain(q)).toEqual(['x']);
    wqDone(q, 'x', 1);
    expect(wqAdvance(q, 10_000)).toEqual(['x']);
    expect(drain(q)).toEqual(['x']);
  });

  it('W8: an Add does not touch a waiting entry', () => {
    const q = fresh();
    wqAddAfter(q, 'x', 50, 0);
    wqAdd(q, 'x', 0);
    expect(wqSnapshot(q).waiting).toEqual([{ item: 'x', readyAt: 50 }]);
  });

  it('a copy of the state (as a keyframe copies it) keeps the heap and its index map in step', () => {
    const q = fresh();
    for (const [k, d] of [
      ['a', 30],
      ['b', 10],
      ['c', 20],
    ] as const)
      wqAddAfter(q, k, d, 0);
    const c = copyState(q);
    for (const s of [q, c]) {
      wqAddAfter(s, 'a', 5, 1);
      wqAdvance(s, 15);
    }
    expect(c).toEqual(q);
    expect(wqSnapshot(c)).toEqual(wqSnapshot(q));
  });
});

// ---------------------------------------------------------------------------------------------------
// Fuzz: the waiting heap against a naive map item → earliest ready time.

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];
type Op =
  | { t: 'addAfter'; k: string; d: number }
  | { t: 'add'; k: string }
  | { t: 'advance'; dt: number }
  | { t: 'getDone' }
  | { t: 'shutdown' };
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('addAfter' as const),
      k: fc.constantFrom(...KEYS),
      d: fc.integer({ min: -2, max: 40 }).map((d) => (d > 0 ? d - (d % 5) : d)), // coarse: many ties
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('add' as const), k: fc.constantFrom(...KEYS) }) },
  {
    weight: 4,
    arbitrary: fc.record({ t: fc.constant('advance' as const), dt: fc.integer({ min: 0, max: 25 }) }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('getDone' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('shutdown' as const) }) },
);

function checkHeap(q: WorkqueueState): void {
  const h = q.waiting;
  expect(q.waitingIndex.size).toBe(h.length);
  h.forEach((e, i) => {
    expect(q.waitingIndex.get(e.item)).toBe(i);
    if (i > 0) expect(h[(i - 1) >> 1]!.readyAt).toBeLessThanOrEqual(e.readyAt);
  });
}

describe('W6–W8 fuzz of the waiting heap against a naive model', () => {
  it('every due item comes out exactly once, never early, sorted by ready time; the earliest AddAfter wins', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const q = fresh();
        const model = new Map<string, number>(); // item → earliest ready time
        let shut = false;
        let now = 0;
        for (const o of ops) {
          switch (o.t) {
            case 'addAfter': {
              const r = wqAddAfter(q, o.k, o.d, now);
              if (shut) expect(r).toBe('shutting-down');
              else if (o.d <= 0) expect(r).toBe('added-now');
              else {
                const prev = model.get(o.k);
                const ready = now + o.d;
                if (prev === undefined) expect(r).toBe('waiting');
                else expect(r).toBe(ready < prev ? 'moved-earlier' : 'kept-earlier');
                model.set(o.k, prev === undefined ? ready : Math.min(prev, ready));
              }
              break;
            }
            case 'add':
              wqAdd(q, o.k, now);
              break;
            case 'advance': {
              now += o.dt;
              const moved = wqAdvance(q, now);
              const due = [...model].filter(([, t]) => t <= now);
              expect([...moved].sort()).toEqual(due.map(([k]) => k).sort());
              const times = moved.map((k) => model.get(k)!);
              for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
              for (const k of moved) model.delete(k);
              break;
            }
            case 'getDone': {
              const r = wqGet(q, now);
              if ('item' in r) wqDone(q, r.item, now);
              break;
            }
            case 'shutdown':
              wqShutDown(q);
              shut = true;
              model.clear();
              break;
          }
          checkHeap(q);
          const waiting = wqSnapshot(q).waiting;
          expect(new Map(waiting.map((w) => [w.item, w.readyAt]))).toEqual(model);
          for (let i = 1; i < waiting.length; i++)
            expect(waiting[i]!.readyAt).toBeGreaterThanOrEqual(waiting[i - 1]!.readyAt);
          const next = model.size === 0 ? undefined : Math.min(...model.values());
          expect(wqNextReadyAt(q)).toBe(next);
        }
      }),
      { seed: 7_654_321, numRuns: 300 },
    );
  });
});
