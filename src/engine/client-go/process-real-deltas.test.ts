/**
 * The modern informer's processing (process-real-deltas.ts) and the indexer's resourceVersion
 * (indexer-rv.ts), by spec rule: SI2 [C] (indexer first, callback by cache state; ReplacedAll, SyncAll,
 * Bookmark), SI7 (a batch: decided from the indexer as it was, applied whole, then the callbacks), I7 (the
 * store's RV: last object of a batch, deletes of absent keys, tombstones, Replace and Bookmark "" included).
 * Property: a batch of distinct keys ends with the same indexer and the same callbacks as its deltas
 * processed one by one, and the RV of its last delta.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeletedFinalStateUnknown, MetaObject } from '../model/objects';
import { isTombstone } from '../model/objects';
import { indexerIndexKeys, indexerList, indexerListKeys } from './indexer';
import {
  type IndexerRvState,
  lastStoreSyncResourceVersion,
  newIndexerRv,
  storeDelete,
  storeReplace,
  storeTransaction,
  storeUpsert,
} from './indexer-rv';
import type { Notification } from './process-deltas';
import {
  processRealBatch,
  processRealDelta,
  processRealTake,
  realPopAndProcess,
} from './process-real-deltas';
import {
  newRealFifo,
  type RealDelta,
  type RealObjectDelta,
  realFifoAdd,
  realFifoClose,
  realFifoHasSynced,
  realFifoReplace,
} from './real-fifo';

type O = MetaObject & { readonly data?: string };

function o(name: string, rv: string, ns = 'default'): O {
  return { metadata: { namespace: ns, name, resourceVersion: rv } };
}

function cached(s: IndexerRvState<O>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of indexerList(s.indexer))
    out[`${x.metadata.namespace}/${x.metadata.name}`] = x.metadata.resourceVersion;
  return out;
}

function show(n: Notification<O>): string {
  switch (n.kind) {
    case 'add':
      return `add ${n.obj.metadata.name}@${n.obj.metadata.resourceVersion} initial=${n.isInInitialList}`;
    case 'update':
      return `update ${n.new.metadata.name} ${n.old.metadata.resourceVersion}→${n.new.metadata.resourceVersion}`;
    case 'delete':
      return isTombstone(n.obj)
        ? `delete tombstone ${n.obj.key}@${n.obj.obj?.metadata.resourceVersion ?? 'nil'}`
        : `delete ${n.obj.metadata.name}@${n.obj.metadata.resourceVersion}`;
  }
}

function seeded(...objs: O[]): IndexerRvState<O> {
  const s = newIndexerRv<O>(['namespace']);
  for (const x of objs) storeUpsert(s, x);
  return s;
}

describe('SI2 [C]: one delta', () => {
  it('the callback follows the cache: Added for a cached key is an update, Updated for an uncached one an add', () => {
    const s = seeded(o('a', '1'));
    const p1 = processRealDelta(s, { type: 'Added', obj: o('a', '2') }, false);
    const p2 = processRealDelta(s, { type: 'Updated', obj: o('b', '3') }, true);
    expect([...p1.notifications, ...p2.notifications].map((n) => show(n.notification))).toEqual([
      'update a 1→2',
      'add b@3 initial=true',
    ]);
    expect(p1.storeOps).toEqual([{ op: 'update', key: 'default/a', obj: o('a', '2'), delta: 'Added' }]);
    expect(cached(s)).toEqual({ 'default/a': '2', 'default/b': '3' });
  });

  it('F1/SI2: a Deleted delta for a key never cached still reaches the handler, and moves the RV (I7)', () => {
    const s = seeded(o('a', '5'));
    const p = processRealDelta(s, { type: 'Deleted', obj: o('x', '7') }, false);
    expect(p.notifications.map((n) => show(n.notification))).toEqual(['delete x@7']);
    expect(cached(s)).toEqual({ 'default/a': '5' });
    expect(lastStoreSyncResourceVersion(s)).toBe('7');
  });

  it('I7: a tombstone carries no RV, so its delete leaves the store RV alone', () => {
    const s = seeded(o('a', '5'));
    const tomb: DeletedFinalStateUnknown<O> = { $tombstone: true, key: 'default/a', obj: o('a', '5') };
    processRealDelta(s, { type: 'Deleted', obj: tomb }, false);
    expect(cached(s)).toEqual({});
    expect(lastStoreSyncResourceVersion(s)).toBe('5');
  });

  it('ReplacedAll: the indexer is the new snapshot before any callback; deletes first (sorted), then objs order', () => {
    const s = seeded(o('c', '3'), o('a', '1'), o('b', '2'));
    const objs = [o('z', '9'), o('b', '2'), o('y', '8', 'other')];
    const p = processRealDelta(s, { type: 'ReplacedAll', rv: '10', objs }, false);
    expect(p.storeOps).toEqual([{ op: 'replace', items: 3, tombstones: 2, rv: '10' }]);
    expect(p.notifications.map((n) => show(n.notification))).toEqual([
      'delete tombstone default/a@1',
      'delete tombstone default/c@3',
      'add z@9 initial=false',
      'update b 2→2',
      'add y@8 initial=false',
    ]);
    expect(cached(s)).toEqual({ 'default/b': '2', 'default/z': '9', 'other/y': '8' });
    expect(indexerIndexKeys(s.indexer, 'namespace', 'other')).toEqual(['other/y']); // I2: indices rebuilt
    expect(lastStoreSyncResourceVersion(s)).toBe('10');
  });

  it('SyncAll: OnUpdate(obj, obj) for every cached object, sorted; nothing stored, RV unchanged', () => {
    const s = seeded(o('b', '2'), o('a', '4'));
    const p = processRealDelta(s, { type: 'SyncAll' }, false);
    expect(p.storeOps).toEqual([]);
    expect(p.notifications.map((n) => show(n.notification))).toEqual(['update a 4→4', 'update b 2→2']);
    expect(lastStoreSyncResourceVersion(s)).toBe('4');
  });

  it('Bookmark: no callback; the store RV moves, even backwards and to ""', () => {
    const s = seeded(o('a', '4'));
    const p = processRealDelta(s, { type: 'Bookmark', rv: '2' }, false);
    expect(p.notifications).toEqual([]);
    expect(lastStoreSyncResourceVersion(s)).toBe('2');
    processRealDelta(s, { type: 'Bookmark', rv: '' }, false);
    expect(lastStoreSyncResourceVersion(s)).toBe('');
    expect(cached(s)).toEqual({ 'default/a': '4' });
  });
});

describe('SI7: a batch', () => {
  it("every store operation precedes every callback; the RV is the last delta's, not the largest (I7)", () => {
    const s = seeded(o('a', '8'));
    const deltas: RealDelta<O>[] = [
      { type: 'Added', obj: o('c', '11') },
      { type: 'Added', obj: o('a', '10') },
      { type: 'Deleted', obj: o('gone', '9') },
    ];
    const p = processRealTake(s, { deltas, isInInitialList: false, batch: true });
    expect(p.storeOps.map((x) => ('key' in x ? `${x.op} ${x.key}` : x.op))).toEqual([
      'add default/c',
      'update default/a',
      'delete default/gone',
    ]);
    expect(p.notifications.map((n) => show(n.notification))).toEqual([
      'add c@11 initial=false',
      'update a 8→10',
      'delete gone@9',
    ]);
    expect(lastStoreSyncResourceVersion(s)).toBe('9');
    expect(cached(s)).toEqual({ 'default/a': '10', 'default/c': '11' });
  });

  it('a batch ending in a tombstone delete keeps the RV it had', () => {
    const s = seeded(o('a', '3'), o('b', '4'));
    storeTransaction(s, [
      { type: 'Update', obj: o('a', '6') },
      { type: 'Delete', obj: { $tombstone: true, key: 'default/b', obj: null } },
    ]);
    expect(cached(s)).toEqual({ 'default/a': '6' });
    expect(lastStoreSyncResourceVersion(s)).toBe('4');
  });

  it('only object deltas can be batched', () => {
    const s = seeded();
    expect(() =>
      processRealBatch(s, [{ type: 'Added', obj: o('a', '1') }, { type: 'SyncAll' }], false),
    ).toThrow(/not supported in batch/);
  });

  it('property: a batch of distinct keys = its deltas one by one (same indexer, callbacks, last RV)', () => {
    const deltaArb = fc.record({
      type: fc.constantFrom('Added' as const, 'Updated' as const, 'Deleted' as const),
      rv: fc.nat(50),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(7), { minLength: 2, maxLength: 6 }),
        fc.uniqueArray(fc.nat(7), { maxLength: 6 }),
        fc.array(deltaArb, { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (keys, seed, kinds, initial) => {
          const start = seed.map((k) => o(`k${k}`, String(100 + k)));
          const deltas: RealObjectDelta<O>[] = keys.map((k, i) => ({
            type: kinds[i]!.type,
            obj: o(`k${k}`, String(kinds[i]!.rv)),
          }));
          const a = seeded(...start);
          const b = seeded(...start);
          const batch = processRealBatch(a, deltas, initial);
          const single = deltas.flatMap((d) => processRealDelta(b, d, initial).notifications);
          expect(indexerListKeys(a.indexer)).toEqual(indexerListKeys(b.indexer));
          expect(cached(a)).toEqual(cached(b));
          expect(batch.notifications).toEqual(single);
          const last = deltas.at(-1)!;
          expect(lastStoreSyncResourceVersion(a)).toBe((last.obj as O).metadata.resourceVersion);
          expect(lastStoreSyncResourceVersion(a)).toBe(lastStoreSyncResourceVersion(b));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('I7: the indexer-rv store on its own', () => {
  it('Replace sets the RV given ("" included) and the content; Delete of an absent key still moves it', () => {
    const s = seeded(o('a', '1'));
    storeReplace(s, [o('b', '2'), o('b', '3')], '');
    expect(cached(s)).toEqual({ 'default/b': '3' }); // a later duplicate wins, as Go's map
    expect(lastStoreSyncResourceVersion(s)).toBe('');
    storeDelete(s, o('zz', '12'));
    expect(lastStoreSyncResourceVersion(s)).toBe('12');
  });
});

describe('the processLoop step: PopBatch, process, finish', () => {
  it('SI6/F6: the initial ReplacedAll is processed with isInInitialList=true, then the FIFO is synced', () => {
    const f = newRealFifo<O>();
    const s = seeded();
    expect(realPopAndProcess(f, s)).toBe('empty');
    realFifoReplace(f, [o('a', '1')], '2');
    realFifoAdd(f, o('b', '3'));
    realFifoAdd(f, o('c', '4'));
    const first = realPopAndProcess(f, s);
    if (typeof first === 'string') throw new Error(first);
    expect(first.processed.notifications.map((n) => show(n.notification))).toEqual(['add a@1 initial=true']);
    expect(realFifoHasSynced(f)).toBe(true);
    const second = realPopAndProcess(f, s);
    if (typeof second === 'string') throw new Error(second);
    expect(second.take.batch).toBe(true);
    expect(second.processed.notifications.map((n) => show(n.notification))).toEqual([
      'add b@3 initial=false',
      'add c@4 initial=false',
    ]);
    realFifoClose(f);
    expect(realPopAndProcess(f, s)).toBe('closed');
  });
});
