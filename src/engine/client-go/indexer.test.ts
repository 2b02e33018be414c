import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetaObject } from '../model/objects';
import { copyState } from '../timeline/keyframes';
import {
  type IndexerState,
  type IndexName,
  indexerAdd,
  indexerByIndex,
  indexerDelete,
  indexerGet,
  indexerGetByKey,
  indexerIndex,
  indexerIndexKeys,
  indexerLen,
  indexerList,
  indexerListIndexFuncValues,
  indexerListKeys,
  indexerReplace,
  indexerUpdate,
  newIndexer,
} from './indexer';

interface Obj extends MetaObject {
  readonly metadata: {
    readonly namespace: string;
    readonly name: string;
    readonly resourceVersion: string;
    readonly ownerReferences?: readonly { name: string; controller: boolean }[];
  };
}

function o(ns: string, name: string, rv = '1', owner?: { name: string; controller: boolean }): Obj {
  return {
    metadata: {
      namespace: ns,
      name,
      resourceVersion: rv,
      ...(owner === undefined ? {} : { ownerReferences: [owner] }),
    },
  };
}

const both: readonly IndexName[] = ['namespace', 'byOwner'];

describe('Indexer unit rules', () => {
  it('I1/I2: Add and Update upsert under ns/name (name alone when cluster-scoped)', () => {
    const ix = newIndexer<Obj>(both);
    indexerAdd(ix, o('default', 'a', '1'));
    indexerAdd(ix, o('', 'node1', '1'));
    indexerUpdate(ix, o('default', 'a', '2'));
    indexerUpdate(ix, o('default', 'b', '3')); // Update of an absent key adds it
    expect(indexerListKeys(ix)).toEqual(['default/a', 'default/b', 'node1']);
    expect(indexerGetByKey(ix, 'default/a')!.metadata.resourceVersion).toBe('2');
    expect(indexerGet(ix, o('default', 'b'))!.metadata.resourceVersion).toBe('3');
    expect(indexerLen(ix)).toBe(3);
  });

  it('I1/I2: Delete is by key, accepts a DeletedFinalStateUnknown, and is a no-op when absent', () => {
    const ix = newIndexer<Obj>(both);
    indexerAdd(ix, o('default', 'a', '1'));
    indexerAdd(ix, o('default', 'b', '1'));
    indexerDelete(ix, o('default', 'a', '99'));
    indexerDelete(ix, { $tombstone: true, key: 'default/b', obj: null });
    indexerDelete(ix, o('default', 'zzz'));
    expect(indexerListKeys(ix)).toEqual([]);
    expect(indexerListIndexFuncValues(ix, 'namespace')).toEqual([]);
  });

  it('I3: moving an object between namespaces / owners moves its key between buckets, empty buckets go', () => {
    const ix = newIndexer<Obj>(both);
    indexerAdd(ix, o('ns1', 'a', '1', { name: 'foo', controller: true }));
    indexerAdd(ix, o('ns1', 'b', '1', { name: 'foo', controller: true }));
    expect(indexerIndexKeys(ix, 'byOwner', 'ns1/foo')).toEqual(['ns1/a', 'ns1/b']);
    indexerUpdate(ix, o('ns1', 'a', '2', { name: 'bar', controller: true }));
    expect(indexerIndexKeys(ix, 'byOwner', 'ns1/foo')).toEqual(['ns1/b']);
    expect(indexerIndexKeys(ix, 'byOwner', 'ns1/bar')).toEqual(['ns1/a']);
    indexerUpdate(ix, o('ns1', 'b', '2')); // no owner any more
    expect(indexerListIndexFuncValues(ix, 'byOwner')).toEqual(['ns1/bar']);
    expect(indexerIndexKeys(ix, 'byOwner', 'ns1/foo')).toEqual([]);
  });

  it('I3 fast path: an update keeping the single value leaves the bucket as it was', () => {
    const ix = newIndexer<Obj>(['namespace']);
    indexerAdd(ix, o('ns1', 'a', '1'));
    const bucket = ix.indices.get('namespace')!.get('ns1')!;
    indexerUpdate(ix, o('ns1', 'a', '2'));
    expect(ix.indices.get('namespace')!.get('ns1')).toBe(bucket);
    expect([...bucket]).toEqual(['ns1/a']);
  });

  it('byOwner: only a controller: true reference indexes; conformance-like objects index to nothing', () => {
    const ix = newIndexer<Obj>(both);
    indexerAdd(ix, o('ns1', 'a', '1', { name: 'foo', controller: false }));
    indexerAdd(ix, o('ns1', 'b', '1'));
    expect(indexerListIndexFuncValues(ix, 'byOwner')).toEqual([]);
    expect(indexerListIndexFuncValues(ix, 'namespace')).toEqual(['ns1']);
  });

  it('I4: ByIndex, IndexKeys, Index and ListIndexFuncValues answer sorted', () => {
    const ix = newIndexer<Obj>(both);
    for (const n of ['c', 'a', 'b']) indexerAdd(ix, o('ns2', n));
    indexerAdd(ix, o('ns1', 'z'));
    expect(indexerByIndex(ix, 'namespace', 'ns2').map((x) => x.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(indexerIndexKeys(ix, 'namespace', 'nope')).toEqual([]);
    expect(indexerIndex(ix, 'namespace', o('ns1', 'other')).map((x) => x.metadata.name)).toEqual(['z']);
    expect(indexerListIndexFuncValues(ix, 'namespace')).toEqual(['ns1', 'ns2']);
    expect(indexerList(ix).map((x) => x.metadata.name)).toEqual(['z', 'a', 'b', 'c']);
  });

  it('I4: an index that was not configured is "Index with name <name> does not exist"', () => {
    const ix = newIndexer<Obj>(['namespace']);
    expect(() => indexerByIndex(ix, 'byOwner', 'x')).toThrow('Index with name byOwner does not exist');
    expect(() => indexerIndexKeys(ix, 'byOwner', 'x')).toThrow('Index with name byOwner does not exist');
    expect(() => indexerIndex(ix, 'byOwner', o('a', 'b'))).toThrow('Index with name byOwner does not exist');
    // Like client-go's getIndexValues, ListIndexFuncValues answers nothing rather than an error.
    expect(indexerListIndexFuncValues(ix, 'byOwner')).toEqual([]);
  });

  it('I5: the namespace index of a cluster-scoped object is the empty string', () => {
    const ix = newIndexer<Obj>(['namespace']);
    indexerAdd(ix, o('', 'node1'));
    expect(indexerIndexKeys(ix, 'namespace', '')).toEqual(['node1']);
  });

  it('I2: Replace swaps the content (last duplicate wins) and rebuilds indices from scratch', () => {
    const ix = newIndexer<Obj>(both);
    indexerAdd(ix, o('ns1', 'a', '1', { name: 'foo', controller: true }));
    indexerReplace(ix, [o('ns2', 'b', '1'), o('ns2', 'b', '2'), o('ns3', 'c')], '10');
    expect(indexerListKeys(ix)).toEqual(['ns2/b', 'ns3/c']);
    expect(indexerGetByKey(ix, 'ns2/b')!.metadata.resourceVersion).toBe('2');
    expect(indexerListIndexFuncValues(ix, 'namespace')).toEqual(['ns2', 'ns3']);
    expect(indexerListIndexFuncValues(ix, 'byOwner')).toEqual([]);
  });

  it('a duplicated index name is configured once; a copied state (as a keyframe copies it) is independent', () => {
    const ix = newIndexer<Obj>(['namespace', 'namespace']);
    expect(ix.indexNames).toEqual(['namespace']);
    indexerAdd(ix, o('ns1', 'a'));
    const copy = copyState(ix);
    indexerDelete(copy, o('ns1', 'a'));
    expect(indexerIndexKeys(ix, 'namespace', 'ns1')).toEqual(['ns1/a']);
    expect(indexerIndexKeys(copy, 'namespace', 'ns1')).toEqual([]);
  });
});

// ---- Fuzz: incremental indices equal a rebuild from scratch ----

type Op = { op: 'add' | 'update' | 'delete'; obj: Obj } | { op: 'replace'; list: Obj[] };

const objArb: fc.Arbitrary<Obj> = fc
  .record({
    ns: fc.constantFrom('', 'ns1', 'ns2'),
    name: fc.constantFrom('a', 'b', 'c', 'd'),
    rv: fc.integer({ min: 1, max: 50 }),
    owner: fc.option(fc.record({ name: fc.constantFrom('f1', 'f2'), controller: fc.boolean() }), {
      nil: undefined,
    }),
  })
  .map((r) => o(r.ns, r.name, String(r.rv), r.owner));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constantFrom('add' as const, 'update' as const), obj: objArb }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), obj: objArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('replace' as const), list: fc.array(objArb, { maxLength: 8 }) }),
  },
);

/** The naive model: a plain key → object map; indices derived from scratch. */
function naiveIndices(items: Map<string, Obj>): Record<IndexName, Record<string, string[]>> {
  const out: Record<IndexName, Record<string, string[]>> = { namespace: {}, byOwner: {} };
  for (const [key, obj] of [...items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const values: Record<IndexName, string[]> = {
      namespace: [obj.metadata.namespace],
      byOwner: (obj.metadata.ownerReferences ?? [])
        .filter((r) => r.controller)
        .slice(0, 1)
        .map((r) => `${obj.metadata.namespace}/${r.name}`),
    };
    for (const name of both) {
      for (const v of values[name]) {
        out[name][v] ??= [];
        out[name][v].push(key);
      }
    }
  }
  return out;
}

function actualIndices(ix: IndexerState<Obj>): Record<IndexName, Record<string, string[]>> {
  const out: Record<IndexName, Record<string, string[]>> = { namespace: {}, byOwner: {} };
  for (const name of both) {
    for (const v of indexerListIndexFuncValues(ix, name)) {
      const keys = indexerIndexKeys(ix, name, v);
      expect(keys.length).toBeGreaterThan(0); // I3: no empty buckets
      out[name][v] = keys;
    }
  }
  return out;
}

function keyOf(x: Obj): string {
  return x.metadata.namespace === '' ? x.metadata.name : `${x.metadata.namespace}/${x.metadata.name}`;
}

function runIndexerScript(ops: readonly Op[]): void {
  const ix = newIndexer<Obj>(both);
  let model = new Map<string, Obj>();
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        indexerAdd(ix, op.obj);
        model.set(keyOf(op.obj), op.obj);
        break;
      case 'update':
        indexerUpdate(ix, op.obj);
        model.set(keyOf(op.obj), op.obj);
        break;
      case 'delete':
        indexerDelete(ix, op.obj);
        model.delete(keyOf(op.obj));
        break;
      case 'replace':
        indexerReplace(ix, op.list, '1');
        model = new Map(op.list.map((x) => [keyOf(x), x]));
        break;
    }
    expect(indexerListKeys(ix)).toEqual([...model.keys()].sort());
    for (const [k, v] of model) expect(indexerGetByKey(ix, k)).toBe(v);
    expect(actualIndices(ix)).toEqual(naiveIndices(model));
  }
}

describe('Indexer fuzz against a rebuild from scratch (seeded)', () => {
  for (const seed of [3, 99, 123456]) {
    it(`incremental indices equal the naive rebuild (seed ${seed})`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => runIndexerScript(ops)),
        { seed, numRuns: 200 },
      );
    });
  }

  it('regression: an owner change under the fast path of the other index', () => {
    runIndexerScript([
      { op: 'add', obj: o('ns1', 'a', '1', { name: 'f1', controller: true }) },
      { op: 'update', obj: o('ns1', 'a', '2', { name: 'f2', controller: true }) },
      { op: 'update', obj: o('ns1', 'a', '3') },
      { op: 'delete', obj: o('ns1', 'a', '4') },
    ]);
  });
});
