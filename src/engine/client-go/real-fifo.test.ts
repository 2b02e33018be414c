/**
 * RealFIFO with atomic events (real-fifo.ts), by spec rule: F1 (one delta per call, arrival order, nothing
 * filtered), F3 (ReplacedAll and the initial population), F5/F4 (Bookmark, SyncAll), F6 (Pop, the count
 * drops after processing; UnlockWhileProcessing), F7 (PopBatch's limits), D11/F3 (HasSynced), D12 (Close).
 * Property tests: the FIFO hands out exactly what went in, in arrival order, and every PopBatch take is a
 * valid and maximal batch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetaObject } from '../model/objects';
import {
  ERR_FIFO_CLOSED,
  newRealFifo,
  REAL_FIFO_BATCH_SIZE,
  type RealDelta,
  type RealFifoState,
  type RealFifoTake,
  realDeltaKey,
  realFifoAdd,
  realFifoBookmark,
  realFifoClose,
  realFifoDelete,
  realFifoDeltas,
  realFifoFinish,
  realFifoHasSynced,
  realFifoLen,
  realFifoLocked,
  realFifoReplace,
  realFifoResync,
  realFifoTake,
  realFifoUpdate,
} from './real-fifo';

type O = MetaObject;

function o(name: string, rv: string, ns = 'default'): O {
  return { metadata: { namespace: ns, name, resourceVersion: rv } };
}

/** Take, expecting deltas; the caller finishes. */
function take(f: RealFifoState<O>, batch: boolean): RealFifoTake<O> {
  const t = realFifoTake(f, batch);
  if (t === 'empty' || t === 'closed') throw new Error(`expected a take, got ${t}`);
  return t;
}

function types(ds: readonly RealDelta<O>[]): string[] {
  return ds.map((d) => ('obj' in d ? `${d.type}:${realDeltaKey(d)}` : d.type));
}

describe('F1: Add, Update and Delete append one delta each, in arrival order', () => {
  it('nothing is merged: two events of one key are two deltas, a delete of an unknown key is queued', () => {
    const f = newRealFifo<O>();
    realFifoAdd(f, o('a', '1'));
    realFifoUpdate(f, o('a', '2'));
    realFifoDelete(f, o('never-seen', '3'));
    realFifoAdd(f, o('b', '4'));
    expect(types(realFifoDeltas(f))).toEqual([
      'Added:default/a',
      'Updated:default/a',
      'Deleted:default/never-seen',
      'Added:default/b',
    ]);
    // Stream order across keys is kept (unlike the DeltaFIFO's D13).
    const t1 = take(f, false);
    expect(types(t1.deltas)).toEqual(['Added:default/a']);
    realFifoFinish(f);
  });

  it('D11/F3: an Add before any Replace makes the FIFO synced at once, and it stays synced', () => {
    const f = newRealFifo<O>();
    expect(realFifoHasSynced(f)).toBe(false);
    realFifoAdd(f, o('a', '1'));
    expect(realFifoHasSynced(f)).toBe(true);
    realFifoReplace(f, [o('a', '1')], '5');
    expect(realFifoHasSynced(f)).toBe(true);
    expect(take(f, true).isInInitialList).toBe(false);
  });
});

describe('F3: Replace appends one ReplacedAll; the first one counts the whole queue', () => {
  it('Bookmark and SyncAll deltas queued before the first Replace belong to the initial population', () => {
    const f = newRealFifo<O>();
    realFifoBookmark(f, '2');
    realFifoResync(f);
    expect(f.populated).toBe(false); // F4/F5: neither populates
    realFifoReplace(f, [o('a', '1')], '3');
    expect(f.initialPopulationCount).toBe(3);
    realFifoAdd(f, o('b', '4'));
    for (const expected of ['Bookmark', 'SyncAll', 'ReplacedAll']) {
      expect(realFifoHasSynced(f)).toBe(false);
      const t = take(f, true);
      expect(t.isInInitialList).toBe(true);
      expect(types(t.deltas)).toEqual([expected]);
      realFifoFinish(f);
    }
    expect(realFifoHasSynced(f)).toBe(true);
    expect(take(f, true).isInInitialList).toBe(false);
  });

  it('an empty first Replace still queues its ReplacedAll: unsynced until it has been processed', () => {
    const f = newRealFifo<O>();
    realFifoReplace(f, [], '7');
    expect(realFifoDeltas(f)).toEqual([{ type: 'ReplacedAll', rv: '7', objs: [] }]);
    expect(realFifoHasSynced(f)).toBe(false);
    take(f, true);
    // F6: the count drops only after processing, so a HasSynced asked during processing says false.
    expect(realFifoHasSynced(f)).toBe(false);
    realFifoFinish(f);
    expect(realFifoHasSynced(f)).toBe(true);
  });

  it('only the first Replace counts: a second one while the first is queued changes nothing', () => {
    const f = newRealFifo<O>();
    realFifoReplace(f, [o('a', '1')], '1');
    realFifoReplace(f, [o('a', '2')], '2');
    expect(f.initialPopulationCount).toBe(1);
    expect(take(f, true).isInInitialList).toBe(true);
    realFifoFinish(f);
    expect(take(f, true).isInInitialList).toBe(false);
    realFifoFinish(f);
  });
});

describe('F7: PopBatch takes a valid batch', () => {
  it('an atomic delta at the head goes alone; elsewhere it closes the batch', () => {
    const f = newRealFifo<O>();
    realFifoAdd(f, o('a', '1'));
    realFifoAdd(f, o('b', '2'));
    realFifoBookmark(f, '3');
    realFifoAdd(f, o('c', '4'));
    const t1 = take(f, true);
    expect(types(t1.deltas)).toEqual(['Added:default/a', 'Added:default/b']);
    expect(t1.batch).toBe(true);
    realFifoFinish(f);
    const t2 = take(f, true);
    expect(types(t2.deltas)).toEqual(['Bookmark']);
    expect(t2.batch).toBe(false);
    realFifoFinish(f);
    expect(types(take(f, true).deltas)).toEqual(['Added:default/c']);
  });

  it('a second delta for a key already in the batch stops it (a tombstone counts under its key)', () => {
    const f = newRealFifo<O>();
    realFifoAdd(f, o('a', '1'));
    realFifoAdd(f, o('b', '2'));
    realFifoDelete(f, { $tombstone: true, key: 'default/a', obj: null });
    const t = take(f, true);
    expect(types(t.deltas)).toEqual(['Added:default/a', 'Added:default/b']);
    realFifoFinish(f);
    expect(types(take(f, true).deltas)).toEqual(['Deleted:default/a']);
  });

  it('at most 1000 deltas; Pop always takes one', () => {
    const f = newRealFifo<O>();
    for (let i = 0; i < 1500; i++) realFifoAdd(f, o(`k${i}`, String(i + 1)));
    expect(take(f, false).deltas).toHaveLength(1);
    realFifoFinish(f);
    expect(take(f, true).deltas).toHaveLength(REAL_FIFO_BATCH_SIZE);
    realFifoFinish(f);
    expect(take(f, true).deltas).toHaveLength(499);
    realFifoFinish(f);
    expect(realFifoTake(f, true)).toBe('empty');
  });
});

describe('F6: UnlockWhileProcessing and the single consumer', () => {
  it('a producer may append while a take is processed; the take and the new deltas stay in order', () => {
    const f = newRealFifo<O>();
    realFifoReplace(f, [o('a', '1')], '1');
    const t = take(f, true);
    expect(realFifoLocked(f)).toBe(false);
    realFifoAdd(f, o('b', '2')); // the reflector runs on while the informer processes the ReplacedAll
    expect(realFifoHasSynced(f)).toBe(false); // populated already; the initial population is not done
    realFifoFinish(f);
    expect(t.isInInitialList).toBe(true);
    expect(realFifoHasSynced(f)).toBe(true);
    expect(types(take(f, true).deltas)).toEqual(['Added:default/b']);
  });

  it('with two full batches still queued after the take the lock is held: appending is refused', () => {
    const f = newRealFifo<O>();
    for (let i = 0; i < 3001; i++) realFifoAdd(f, o(`k${i % 5}`, String(i + 1)));
    take(f, false);
    expect(realFifoLen(f)).toBe(3000);
    expect(realFifoLocked(f)).toBe(true);
    expect(() => realFifoAdd(f, o('x', '9'))).toThrow(/locked|lock/);
    realFifoFinish(f);
    expect(realFifoLocked(f)).toBe(false);
    realFifoAdd(f, o('x', '9'));
    expect(realFifoLen(f)).toBe(3001);
  });

  it('one consumer: a second take before the first is finished is a bug', () => {
    const f = newRealFifo<O>();
    realFifoAdd(f, o('a', '1'));
    realFifoAdd(f, o('b', '2'));
    take(f, false);
    expect(() => realFifoTake(f, false)).toThrow();
    expect(() => {
      realFifoFinish(f);
      realFifoFinish(f);
    }).toThrow();
  });
});

describe('D12: Close', () => {
  it('a closed FIFO still hands out what it holds, then answers ErrFIFOClosed; adds still go in', () => {
    const f = newRealFifo<O>();
    realFifoAdd(f, o('a', '1'));
    realFifoClose(f);
    expect(types(take(f, false).deltas)).toEqual(['Added:default/a']);
    realFifoFinish(f);
    expect(realFifoTake(f, true)).toBe('closed');
    expect(ERR_FIFO_CLOSED).toBe('DeltaFIFO: manipulating with closed queue');
    realFifoAdd(f, o('b', '2'));
    expect(types(take(f, true).deltas)).toEqual(['Added:default/b']);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over random sequences of producer calls and pops.

type Op =
  | { k: 'add' | 'update' | 'delete'; key: number; rv: number }
  | { k: 'replace'; keys: number[]; rv: number }
  | { k: 'resync' }
  | { k: 'bookmark'; rv: number }
  | { k: 'pop'; batch: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ k: fc.constantFrom('add', 'update', 'delete'), key: fc.nat(4), rv: fc.nat(99) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('replace'),
      keys: fc.array(fc.nat(4), { maxLength: 4 }),
      rv: fc.nat(99),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('resync') }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('bookmark'), rv: fc.nat(99) }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('pop'), batch: fc.boolean() }) },
) as fc.Arbitrary<Op>;

function apply(f: RealFifoState<O>, op: Exclude<Op, { k: 'pop' }>, sent: RealDelta<O>[]): void {
  const before = realFifoLen(f);
  switch (op.k) {
    case 'add':
      realFifoAdd(f, o(`k${op.key}`, String(op.rv)));
      break;
    case 'update':
      realFifoUpdate(f, o(`k${op.key}`, String(op.rv)));
      break;
    case 'delete':
      realFifoDelete(f, o(`k${op.key}`, String(op.rv)));
      break;
    case 'replace':
      realFifoReplace(
        f,
        op.keys.map((k) => o(`k${k}`, String(op.rv))),
        String(op.rv),
      );
      break;
    case 'resync':
      realFifoResync(f);
      break;
    case 'bookmark':
      realFifoBookmark(f, String(op.rv));
      break;
  }
  expect(realFifoLen(f)).toBe(before + 1);
  sent.push(realFifoDeltas(f).at(-1)!);
}

describe('properties', () => {
  it('F1/F6/F7: what comes out is exactly what went in, in arrival order; every batch is valid and maximal', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const f = newRealFifo<O>();
        const sent: RealDelta<O>[] = [];
        const taken: RealDelta<O>[] = [];
        let synced = false;
        for (const op of ops) {
          if (op.k !== 'pop') {
            apply(f, op, sent);
          } else {
            const queued = realFifoDeltas(f);
            const t = realFifoTake(f, op.batch);
            if (t === 'closed') throw new Error('never closed');
            if (t === 'empty') {
              expect(queued).toHaveLength(0);
              continue;
            }
            checkTake(t, queued, op.batch, f);
            taken.push(...t.deltas);
            realFifoFinish(f);
          }
          // D11: HasSynced never goes back.
          if (synced) expect(realFifoHasSynced(f)).toBe(true);
          synced = realFifoHasSynced(f);
        }
        expect([...taken, ...realFifoDeltas(f)]).toEqual(sent);
      }),
      { numRuns: 300 },
    );
  });
});

/** F7: the take is the head of the queue, a valid batch, and it stopped for one of F7's reasons. */
function checkTake(
  t: RealFifoTake<O>,
  queued: readonly RealDelta<O>[],
  batch: boolean,
  f: RealFifoState<O>,
): void {
  const n = t.deltas.length;
  expect(t.deltas).toEqual(queued.slice(0, n));
  expect(t.batch).toBe(n > 1);
  if (!batch) {
    expect(n).toBe(1);
    return;
  }
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(REAL_FIFO_BATCH_SIZE);
  if (n === 1 && !('obj' in t.deltas[0]!)) return; // an atomic delta alone
  const keys = new Set<string>();
  for (const d of t.deltas) {
    if (!('obj' in d)) throw new Error(`atomic ${d.type} inside a batch`);
    expect(keys.has(realDeltaKey(d))).toBe(false);
    keys.add(realDeltaKey(d));
  }
  // Maximal: the next delta (if any) is atomic, repeats a key, or the batch is full.
  const next = queued[n];
  if (next === undefined || n === REAL_FIFO_BATCH_SIZE) return;
  const stoppedAtInitialEnd = f.initialPopulationCount > 0 && n >= f.initialPopulationCount;
  expect(!('obj' in next) || keys.has(realDeltaKey(next)) || stoppedAtInitialEnd).toBe(true);
}
