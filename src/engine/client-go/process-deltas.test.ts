import { describe, expect, it } from 'vitest';
import type { DeletedFinalStateUnknown, MetaObject } from '../model/objects';
import type { Delta } from './delta-fifo';
import { indexerAdd, indexerGetByKey, indexerIndexKeys, indexerListKeys, newIndexer } from './indexer';
import { isSyncUpdate, processDeltas } from './process-deltas';

function o(name: string, rv: string, ns = 'default'): MetaObject {
  return { metadata: { namespace: ns, name, resourceVersion: rv } };
}
function tomb(key: string, obj: MetaObject | null): DeletedFinalStateUnknown<MetaObject> {
  return { $tombstone: true, key, obj };
}
function cache(...objs: MetaObject[]) {
  const ix = newIndexer<MetaObject>(['namespace']);
  for (const x of objs) indexerAdd(ix, x);
  return ix;
}

describe('processDeltas (SI2)', () => {
  it('SI2: each non-delete type adds when the key is not cached, passing isInInitialList (SI6)', () => {
    for (const type of ['Added', 'Updated', 'Replaced', 'Sync'] as const) {
      for (const initial of [true, false]) {
        const ix = cache();
        const a = o('a', '1');
        const r = processDeltas(ix, [{ type, obj: a }], initial);
        expect(r).toEqual([
          {
            delta: { type, obj: a },
            key: 'default/a',
            storeOp: 'add',
            notification: { kind: 'add', obj: a, isInInitialList: initial },
          },
        ]);
        expect(indexerGetByKey(ix, 'default/a')).toBe(a);
      }
    }
  });

  it('SI2: each non-delete type updates when the key is cached, old taken from the indexer', () => {
    for (const type of ['Added', 'Updated', 'Replaced', 'Sync'] as const) {
      const old = o('a', '1');
      const ix = cache(old);
      const a2 = o('a', '2');
      const [r] = processDeltas(ix, [{ type, obj: a2 }], true);
      expect(r!.storeOp).toBe('update');
      expect(r!.notification).toEqual({ kind: 'update', old, new: a2 });
      expect(indexerGetByKey(ix, 'default/a')).toBe(a2);
    }
  });

  it('SI2: the cache is updated before each notification, so a batch chains old → new', () => {
    const ix = cache();
    const deltas: Delta<MetaObject>[] = [
      { type: 'Added', obj: o('a', '1') },
      { type: 'Updated', obj: o('a', '2') },
      { type: 'Deleted', obj: o('a', '3') },
      { type: 'Added', obj: o('a', '4') },
    ];
    const r = processDeltas(ix, deltas, false);
    expect(r.map((x) => x.storeOp)).toEqual(['add', 'update', 'delete', 'add']);
    expect(r[1]!.notification).toEqual({ kind: 'update', old: o('a', '1'), new: o('a', '2') });
    expect(r[2]!.notification).toEqual({ kind: 'delete', obj: o('a', '3') });
    expect(indexerListKeys(ix)).toEqual(['default/a']);
    expect(indexerIndexKeys(ix, 'namespace', 'default')).toEqual(['default/a']);
  });

  it('SI2/SI12: Deleted removes by key and notifies with the tombstone itself; absent keys still notify', () => {
    const ix = cache(o('a', '1'), o('b', '1'));
    const t = tomb('default/a', o('a', '1'));
    const r = processDeltas(
      ix,
      [
        { type: 'Deleted', obj: t },
        { type: 'Deleted', obj: o('zzz', '5') },
      ],
      false,
    );
    expect(r.map((x) => x.notification)).toEqual([
      { kind: 'delete', obj: t },
      { kind: 'delete', obj: o('zzz', '5') },
    ]);
    expect(r[0]!.key).toBe('default/a');
    expect(indexerListKeys(ix)).toEqual(['default/b']);
  });

  it('SI3: isSync is derived from equal resourceVersions of old and new', () => {
    const ix = cache(o('a', '1'));
    const r = processDeltas(
      ix,
      [
        { type: 'Sync', obj: o('a', '1') },
        { type: 'Updated', obj: o('a', '2') },
      ],
      false,
    );
    expect(r.map((x) => isSyncUpdate(x.notification))).toEqual([true, false]);
  });

  it('a tombstone in a non-Deleted delta is a caller bug and throws', () => {
    expect(() => processDeltas(cache(), [{ type: 'Sync', obj: tomb('default/a', null) }], false)).toThrow(
      /carries a tombstone/,
    );
  });
});
