import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeletedFinalStateUnknown, MetaObject } from '../model/objects';
import { isTombstone } from '../model/objects';
import { copyState } from '../timeline/keyframes';
import {
  type Delta,
  type DeltaFifoState,
  fifoAdd,
  fifoAddIfNotPresent,
  fifoClose,
  fifoDelete,
  fifoGetByKey,
  fifoHasSynced,
  fifoLen,
  fifoListKeys,
  fifoPop,
  fifoQueueKeys,
  fifoReplace,
  fifoResync,
  fifoUpdate,
  newDeltaFifo,
} from './delta-fifo';
import { type IndexerState, indexerAdd, indexerList, indexerListKeys, newIndexer } from './indexer';
import { processDeltas } from './process-deltas';

function o(name: string, rv: string, ns = 'default'): MetaObject {
  return { metadata: { namespace: ns, name, resourceVersion: rv } };
}
function tomb(key: string, obj: MetaObject | null): DeletedFinalStateUnknown<MetaObject> {
  return { $tombstone: true, key, obj };
}
/** Compact rendering of deltas: "Type:rv", tombstones as "Type:~rv" (or "~null"). */
function show(ds: readonly Delta<MetaObject>[] | undefined): string[] | undefined {
  return ds?.map((d) => {
    if (isTombstone(d.obj)) return `${d.type}:~${d.obj.obj?.metadata.resourceVersion ?? 'null'}`;
    return `${d.type}:${d.obj.metadata.resourceVersion}`;
  });
}
function fifo(emitReplaced = true): DeltaFifoState<MetaObject> {
  return newDeltaFifo<MetaObject>({ emitReplaced });
}
/** An indexer already holding the given objects, as after their pops were processed. */
function knownWith(...objs: MetaObject[]): IndexerState<MetaObject> {
  const ix = newIndexer<MetaObject>(['namespace']);
  for (const x of objs) indexerAdd(ix, x);
  return ix;
}

describe('DeltaFIFO unit rules', () => {
  it('D1/D5: Add and Update queue Added and Updated deltas and set populated', () => {
    const f = fifo();
    expect(fifoHasSynced(f)).toBe(false);
    fifoAdd(f, o('a', '1'));
    fifoUpdate(f, o('a', '2'));
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Added:1', 'Updated:2']);
    expect(f.populated).toBe(true);
  });

  it('D2: keys are ns/name, name alone for cluster-scoped, a tombstone its own key', () => {
    const f = fifo();
    fifoAdd(f, o('n1', '1', ''));
    fifoAdd(f, o('a', '1', 'kube-system'));
    fifoDelete(f, null, tomb('kube-system/a', null));
    expect(fifoQueueKeys(f)).toEqual(['n1', 'kube-system/a']);
    expect(show(fifoGetByKey(f, 'kube-system/a'))).toEqual(['Added:1', 'Deleted:~null']);
  });

  it('D3/D13: a queued key keeps its position; stream A1 B1 A2 pops as A:[A1,A2] then B:[B1]', () => {
    const f = fifo();
    expect(fifoAdd(f, o('a', '1'))).toBe('queued');
    fifoAdd(f, o('b', '2'));
    expect(fifoUpdate(f, o('a', '3'))).toBe('appended');
    expect(fifoQueueKeys(f)).toEqual(['default/a', 'default/b']);
    const p1 = fifoPop(f)!;
    expect(p1.key).toBe('default/a');
    expect(show(p1.deltas)).toEqual(['Added:1', 'Updated:3']);
    const p2 = fifoPop(f)!;
    expect(p2.key).toBe('default/b');
    expect(show(p2.deltas)).toEqual(['Added:2']);
    expect(fifoPop(f)).toBeUndefined();
  });

  it('D4: updates never merge (Added, Updated, Updated all kept)', () => {
    const f = fifo();
    fifoAdd(f, o('a', '1'));
    fifoUpdate(f, o('a', '2'));
    fifoUpdate(f, o('a', '2'));
    fifoDelete(f, null, o('a', '3'));
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Added:1', 'Updated:2', 'Updated:2', 'Deleted:3']);
  });

  it('D4: two Deleted merge and the older survives when it is not a tombstone', () => {
    const f = fifo();
    fifoAdd(f, o('a', '1'));
    fifoDelete(f, null, o('a', '2'));
    fifoDelete(f, null, o('a', '3'));
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Added:1', 'Deleted:2']);
    // A tombstone arriving after a real Deleted is dropped too.
    fifoDelete(f, null, tomb('default/a', o('a', '9')));
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Added:1', 'Deleted:2']);
  });

  it('D4: two Deleted merge and the newer survives when the older is a tombstone', () => {
    const f = fifo();
    fifoAdd(f, o('a', '1'));
    fifoDelete(f, null, tomb('default/a', o('a', '1')));
    expect(fifoDelete(f, null, o('a', '5'))).toBe(true);
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Added:1', 'Deleted:5']);
  });

  it('D6: without known objects a delete of an unqueued key is ignored, but still sets populated', () => {
    const f = fifo();
    expect(fifoDelete(f, null, o('a', '1'))).toBe(false);
    expect(fifoLen(f)).toBe(0);
    expect(fifoHasSynced(f)).toBe(true);
    fifoAdd(f, o('a', '1'));
    expect(fifoDelete(f, null, o('a', '2'))).toBe(true);
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Added:1', 'Deleted:2']);
  });

  it('D6: with known objects a delete is queued if the key is cached or queued, ignored otherwise', () => {
    const f = fifo();
    const known = knownWith(o('a', '1'));
    expect(fifoDelete(f, known, o('b', '1'))).toBe(false);
    expect(fifoDelete(f, known, o('a', '7'))).toBe(true);
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Deleted:7']);
    fifoAdd(f, o('c', '2'));
    expect(fifoDelete(f, known, o('c', '3'))).toBe(true);
    expect(show(fifoGetByKey(f, 'default/c'))).toEqual(['Added:2', 'Deleted:3']);
  });

  it('D7: listed objects get Replaced (or Sync without EmitDeltaTypeReplaced), in list order', () => {
    for (const [emit, type] of [
      [true, 'Replaced'],
      [false, 'Sync'],
    ] as const) {
      const f = fifo(emit);
      const r = fifoReplace(f, null, [o('b', '1'), o('a', '2')], '9');
      expect(r.deltaType).toBe(type);
      expect(r.listed).toEqual(['default/b', 'default/a']);
      expect(fifoQueueKeys(f)).toEqual(['default/b', 'default/a']);
      expect(show(fifoGetByKey(f, 'default/a'))).toEqual([`${type}:2`]);
    }
  });

  it('D7 step 2: a queued key missing from the list gets a tombstone of its newest object', () => {
    const f = fifo();
    fifoAdd(f, o('a', '1'));
    fifoUpdate(f, o('a', '2'));
    const r = fifoReplace(f, null, [], '5');
    expect(r.tombstones).toEqual([
      { key: 'default/a', obj: o('a', '2'), source: 'queue', outcome: 'appended' },
    ]);
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Added:1', 'Updated:2', 'Deleted:~2']);
  });

  it('D7 step 2: a tombstone of a tombstone wraps the inner object (and D4 keeps the newer)', () => {
    const f = fifo();
    fifoAdd(f, o('a', '1'));
    fifoReplace(f, null, [], '5');
    const r = fifoReplace(f, null, [], '6');
    expect(r.tombstones[0]!.obj).toEqual(o('a', '1'));
    expect(r.tombstones[0]!.outcome).toBe('mergedNewer');
    const ds = fifoGetByKey(f, 'default/a')!;
    expect(show(ds)).toEqual(['Added:1', 'Deleted:~1']);
    const t = ds[1]!.obj as DeletedFinalStateUnknown<MetaObject>;
    expect(isTombstone(t.obj as MetaObject)).toBe(false);
  });

  it('D7 step 2 + D4: a relist tombstone behind a real Deleted is dropped', () => {
    const f = fifo();
    const known = knownWith(o('a', '1'));
    fifoDelete(f, known, o('a', '1'));
    const r = fifoReplace(f, known, [], '9');
    expect(r.tombstones.map((t) => [t.key, t.source, t.outcome])).toEqual([
      ['default/a', 'queue', 'mergedOlder'],
    ]);
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Deleted:1']);
  });

  it('D7 step 3: known keys missing from the list get tombstones of the cached object, sorted, unless queued', () => {
    const f = fifo();
    const known = knownWith(o('c', '3'), o('a', '1'), o('b', '2'), o('d', '4'));
    fifoUpdate(f, o('b', '5')); // queued: the step-2 tombstone covers it, step 3 skips it
    const r = fifoReplace(f, known, [o('d', '4')], '9');
    expect(r.tombstones.map((t) => [t.key, t.source, t.obj?.metadata.resourceVersion])).toEqual([
      ['default/b', 'queue', '5'],
      ['default/a', 'knownObjects', '1'],
      ['default/c', 'knownObjects', '3'],
    ]);
    expect(fifoQueueKeys(f)).toEqual(['default/b', 'default/d', 'default/a', 'default/c']);
    expect(show(fifoGetByKey(f, 'default/b'))).toEqual(['Updated:5', 'Deleted:~5']);
  });

  it('D7 step 4 / D11: initialPopulationCount = distinct listed keys + tombstones, first Replace only', () => {
    const f = fifo();
    const known = knownWith(o('z', '1'));
    fifoReplace(f, known, [o('a', '1'), o('a', '2'), o('b', '1')], '5');
    expect(f.initialPopulationCount).toBe(3); // a, b, tombstone z
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Replaced:1', 'Replaced:2']);
    fifoReplace(f, known, [o('c', '1')], '6');
    expect(f.initialPopulationCount).toBe(3);
    const seen: boolean[] = [];
    for (let p = fifoPop(f); p !== undefined; p = fifoPop(f)) seen.push(p.isInInitialList);
    // D9: isInInitialList is !HasSynced() before each pop; the 4th key (c) is not initial.
    expect(seen).toEqual([true, true, true, false]);
    expect(fifoHasSynced(f)).toBe(true);
  });

  it('D11: an empty first Replace syncs at once; an Add before the first Replace syncs for good', () => {
    const f = fifo();
    fifoReplace(f, null, [], '1');
    expect(fifoHasSynced(f)).toBe(true);
    const g = fifo();
    fifoAdd(g, o('a', '1'));
    expect(fifoHasSynced(g)).toBe(true);
    fifoReplace(g, null, [o('b', '2')], '3');
    expect(g.initialPopulationCount).toBe(0);
    expect(fifoHasSynced(g)).toBe(true);
  });

  it('D11: HasSynced only after every initial item, tombstones included, was popped', () => {
    const g = fifo();
    const known = knownWith(o('gone', '1'));
    fifoReplace(g, known, [o('a', '2')], '3');
    expect(fifoHasSynced(g)).toBe(false);
    fifoPop(g);
    expect(fifoHasSynced(g)).toBe(false);
    fifoPop(g);
    expect(fifoHasSynced(g)).toBe(true);
  });

  it('D8: Resync is a no-op without known objects', () => {
    const f = fifo();
    expect(fifoResync(f, null)).toEqual([]);
    expect(fifoLen(f)).toBe(0);
  });

  it('D8: Resync queues Sync with the cached object for every known key with no queued deltas', () => {
    const f = fifo();
    const known = knownWith(o('b', '2'), o('a', '1'), o('c', '3'));
    fifoUpdate(f, o('b', '9'));
    expect(fifoResync(f, known)).toEqual(['default/a', 'default/c']);
    expect(fifoQueueKeys(f)).toEqual(['default/b', 'default/a', 'default/c']);
    expect(show(fifoGetByKey(f, 'default/b'))).toEqual(['Updated:9']);
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Sync:1']);
    expect(fifoResync(f, known)).toEqual([]);
  });

  it('D9: Pop on an empty FIFO returns undefined; Pop removes the key from items and queue', () => {
    const f = fifo();
    expect(fifoPop(f)).toBeUndefined();
    fifoAdd(f, o('a', '1'));
    expect(fifoPop(f)!.key).toBe('default/a');
    expect(fifoGetByKey(f, 'default/a')).toBeUndefined();
    expect(fifoLen(f)).toBe(0);
    expect(fifoListKeys(f)).toEqual([]);
  });

  it('D10: a requeued item goes to the tail, and only if its key is not queued again', () => {
    const f = fifo();
    fifoAdd(f, o('a', '1'));
    fifoAdd(f, o('b', '1'));
    const p = fifoPop(f)!;
    expect(fifoAddIfNotPresent(f, p.key, p.deltas)).toBe(true);
    expect(fifoQueueKeys(f)).toEqual(['default/b', 'default/a']);
    fifoUpdate(f, o('a', '2'));
    expect(show(fifoGetByKey(f, 'default/a'))).toEqual(['Added:1', 'Updated:2']);
    // The popped array is not aliased by the FIFO: later appends don't change what the caller holds.
    expect(show(p.deltas)).toEqual(['Added:1']);
    const q = fifoPop(f)!;
    fifoAdd(f, o('b', '3'));
    expect(fifoAddIfNotPresent(f, q.key, q.deltas)).toBe(false);
    expect(show(fifoGetByKey(f, 'default/b'))).toEqual(['Added:3']);
  });

  it('D10: a requeue does not give back the initial-population count', () => {
    const f = fifo();
    fifoReplace(f, null, [o('a', '1')], '1');
    const p = fifoPop(f)!;
    expect(p.isInInitialList).toBe(true);
    fifoAddIfNotPresent(f, p.key, p.deltas);
    expect(fifoHasSynced(f)).toBe(true);
    expect(fifoPop(f)!.isInInitialList).toBe(false);
  });

  it('D12: Close sets closed; Pop still drains', () => {
    const f = fifo();
    fifoAdd(f, o('a', '1'));
    fifoClose(f);
    expect(f.closed).toBe(true);
    expect(fifoPop(f)!.key).toBe('default/a');
    expect(fifoPop(f)).toBeUndefined();
  });

  it('GetByKey returns a copy (copyDeltas)', () => {
    const f = fifo();
    fifoAdd(f, o('a', '1'));
    const got = fifoGetByKey(f, 'default/a')!;
    fifoUpdate(f, o('a', '2'));
    expect(show(got)).toEqual(['Added:1']);
  });

  it('a copy of the state (as a keyframe copies it) behaves exactly like the original', () => {
    const f = fifo();
    for (let i = 0; i < 100; i++) fifoAdd(f, o(`k${i}`, '1'));
    for (let i = 0; i < 70; i++) fifoPop(f);
    const g = copyState(f);
    fifoAdd(f, o('z', '2'));
    fifoAdd(g, o('z', '2'));
    expect(fifoQueueKeys(g)).toEqual(fifoQueueKeys(f));
    expect(fifoPop(g)).toEqual(fifoPop(f));
  });

  it('Pop stays O(1) amortized on a long queue (head index, compaction) and keeps FIFO order', () => {
    const f = fifo();
    const n = 60_000;
    for (let i = 0; i < n; i++) fifoAdd(f, o(`k${i}`, '1'));
    for (let i = 0; i < n; i++) {
      const p = fifoPop(f)!;
      if (p.key !== `default/k${i}`) throw new Error(`pop ${i} returned ${p.key}`);
      if (i % 3 === 0) fifoAdd(f, o(`r${i}`, '1'));
    }
    expect(fifoLen(f)).toBe(Math.ceil(n / 3));
    expect(fifoPop(f)!.key).toBe('default/r0');
  });
});

// ---- Fuzz: invariants of the FIFO driven the way the informer drives it ----

type Op =
  | { op: 'add' | 'update' | 'delete'; name: string; rv: number }
  | { op: 'deleteTombstone'; name: string }
  | { op: 'replace'; names: string[]; rv: number }
  | { op: 'resync' }
  | { op: 'pop'; requeue: boolean };

const names = ['a', 'b', 'c', 'd', 'e'];
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constantFrom('add' as const, 'update' as const, 'delete' as const),
    name: fc.constantFrom(...names),
    rv: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({ op: fc.constant('deleteTombstone' as const), name: fc.constantFrom(...names) }),
  fc.record({
    op: fc.constant('replace' as const),
    names: fc.array(fc.constantFrom(...names), { maxLength: 6 }),
    rv: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({ op: fc.constant('resync' as const) }),
  fc.record({ op: fc.constant('pop' as const), requeue: fc.boolean() }),
  fc.record({ op: fc.constant('pop' as const), requeue: fc.constant(false) }),
);

function checkInvariants(f: DeltaFifoState<MetaObject>): void {
  const q = fifoQueueKeys(f);
  expect(new Set(q).size).toBe(q.length); // no duplicate keys in the queue
  expect([...q].sort()).toEqual(fifoListKeys(f)); // key ∈ queue ⇔ key ∈ items
  expect(fifoLen(f)).toBe(f.items.size);
  expect(f.initialPopulationCount).toBeGreaterThanOrEqual(0);
  for (const ds of f.items.values()) {
    expect(ds.length).toBeGreaterThan(0);
    // D4: no two adjacent Deleted deltas ever survive.
    for (let i = 1; i < ds.length; i++)
      expect(ds[i - 1]!.type === 'Deleted' && ds[i]!.type === 'Deleted').toBe(false);
  }
}

function runFifoScript(ops: readonly Op[], withKnown: boolean): void {
  const f = fifo();
  const known = withKnown ? newIndexer<MetaObject>(['namespace']) : null;
  let synced = false;
  for (const op of ops) {
    const before = fifoQueueKeys(f);
    const beforeSet = new Set(before);
    // The keys an op may add, in the order first insertion must give them (D3, D7, D8, D10).
    let expectedNew: string[] = [];
    let popped: string | undefined;
    switch (op.op) {
      case 'add':
        fifoAdd(f, o(op.name, String(op.rv)));
        expectedNew = [`default/${op.name}`];
        break;
      case 'update':
        fifoUpdate(f, o(op.name, String(op.rv)));
        expectedNew = [`default/${op.name}`];
        break;
      case 'delete':
        fifoDelete(f, known, o(op.name, String(op.rv)));
        expectedNew = [`default/${op.name}`];
        break;
      case 'deleteTombstone':
        fifoDelete(f, known, tomb(`default/${op.name}`, null));
        expectedNew = [`default/${op.name}`];
        break;
      case 'replace': {
        const listed = op.names.map((n) => `default/${n}`);
        fifoReplace(
          f,
          known,
          op.names.map((n) => o(n, String(op.rv))),
          String(op.rv),
        );
        const knownMissing = known === null ? [] : indexerListKeys(known).filter((k) => !listed.includes(k));
        expectedNew = [...listed, ...knownMissing];
        break;
      }
      case 'resync':
        fifoResync(f, known);
        expectedNew = known === null ? [] : indexerListKeys(known);
        break;
      case 'pop': {
        const p = fifoPop(f);
        if (p === undefined) {
          expect(before).toEqual([]);
          break;
        }
        popped = p.key;
        // Pops return keys in first-insertion order: the head of the queue before the pop.
        expect(p.key).toBe(before[0]);
        expect(p.deltas.length).toBeGreaterThan(0);
        if (op.requeue) {
          fifoAddIfNotPresent(f, p.key, p.deltas);
          expectedNew = [p.key];
        } else if (known !== null) {
          processDeltas(known, p.deltas, p.isInInitialList);
        }
        break;
      }
    }
    const after = fifoQueueKeys(f);
    const kept = popped === undefined ? before : before.slice(1);
    // Keys already queued keep their place; new keys are appended in the expected order.
    expect(after.slice(0, kept.length)).toEqual(kept);
    const fresh = after.slice(kept.length);
    const expectedFresh = [...new Set(expectedNew)].filter((k) => !beforeSet.has(k) || k === popped);
    // Only an ignored Delete (D6) may queue fewer keys than expected; nothing ever queues others.
    if (op.op === 'delete' || op.op === 'deleteTombstone') {
      expect(fresh).toEqual(expectedFresh.filter((k) => fresh.includes(k)));
    } else {
      expect(fresh).toEqual(expectedFresh);
    }
    checkInvariants(f);
    // D11: once synced, synced for good.
    if (synced) expect(fifoHasSynced(f)).toBe(true);
    synced = fifoHasSynced(f);
  }
}

function drainAfterReplace(ops: readonly Op[], list: readonly string[]): void {
  const f = fifo();
  const known = newIndexer<MetaObject>(['namespace']);
  for (const op of ops) {
    if (op.op === 'add') fifoAdd(f, o(op.name, String(op.rv)));
    else if (op.op === 'update') fifoUpdate(f, o(op.name, String(op.rv)));
    else if (op.op === 'delete') fifoDelete(f, known, o(op.name, String(op.rv)));
    else if (op.op === 'pop') {
      const p = fifoPop(f);
      if (p) processDeltas(known, p.deltas, p.isInInitialList);
    }
  }
  fifoReplace(
    f,
    known,
    list.map((n) => o(n, '100')),
    '100',
  );
  for (let p = fifoPop(f); p !== undefined; p = fifoPop(f)) processDeltas(known, p.deltas, p.isInInitialList);
  // A relist followed by a full drain leaves the cache equal to the list, whatever came before (D7, SI2).
  expect(indexerList(known)).toEqual([...new Set(list)].sort().map((n) => o(n, '100')));
}

describe('DeltaFIFO fuzz (seeded)', () => {
  for (const seed of [1, 20260101, 424242]) {
    it(`invariants hold with and without known objects (seed ${seed})`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 40 }), fc.boolean(), (ops, withKnown) => {
          runFifoScript(ops, withKnown);
        }),
        { seed, numRuns: 150 },
      );
    });
  }

  it('Replace then drain makes the indexer equal the list (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 30 }),
        fc.array(fc.constantFrom(...names), { maxLength: 6 }),
        drainAfterReplace,
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('regression: requeue, then a relist tombstone, then a Deleted', () => {
    runFifoScript(
      [
        { op: 'add', name: 'a', rv: 1 },
        { op: 'pop', requeue: true },
        { op: 'replace', names: ['b'], rv: 2 },
        { op: 'delete', name: 'a', rv: 3 },
        { op: 'resync' },
        { op: 'pop', requeue: false },
        { op: 'pop', requeue: false },
      ],
      true,
    );
  });
});
