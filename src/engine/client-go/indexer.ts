/**
 * The informer's cache: client-go's thread-safe store with indices (the Indexer).
 *
 * Models cg:tools/cache/thread_safe_store.go (`threadSafeMap`, `storeIndex.updateIndices`), index.go
 * (`MetaNamespaceIndexFunc`, `NamespaceIndex`) and the key handling of store.go (v0.26).
 *
 * Rules: I1 (keys via DeletionHandlingMetaNamespaceKeyFunc, so a `DeletedFinalStateUnknown` deletes by its
 * key), I2 (Add and Update are the same upsert; Delete is by key and a no-op when absent; Replace swaps the
 * content and rebuilds every index from scratch), I3 (incremental index maintenance: remove the key from
 * the old object's buckets, add it to the new object's, delete emptied buckets; fast path when old and new
 * index to the same single value), I4 (ByIndex / IndexKeys / Index / ListIndexFuncValues; an unknown index
 * name is the error "Index with name <name> does not exist"), I5 (the `namespace` index).
 *
 * Simplifications:
 * - State is plain data. Index functions cannot live in state, so the state stores index *names* and the
 *   functions are looked up in the static registry `indexFuncs` below.
 * - Go returns List/ListKeys/ByIndex in map iteration order (unspecified, I2). Here they are sorted by key,
 *   which is one of the orders the real map can produce and keeps every run deterministic. Keys are
 *   ASCII (Kubernetes names), so JavaScript's code-unit order equals Go's byte order.
 * - No transformer, no AddIndexers after creation (I6), no resourceVersion bookkeeping (I7 is Era C).
 */
import { SharedMap, SharedSet } from '../kernel/shared-map';
import type { DeletedFinalStateUnknown, MetaObject, OwnerReference } from '../model/objects';
import { deletionHandlingKey } from '../model/objects';

/** The index names the simulator knows. Closed union: each has a function in `indexFuncs`. */
export type IndexName = 'namespace' | 'byOwner';

/**
 * indexedValue → set of keys (client-go's `Index`). Keyframes share both levels shard by shard
 * (kernel/shared-map.ts); a bucket is changed only after `getOwned`, so a keyframe's bucket never moves.
 */
export type Index = SharedMap<SharedSet>;

export interface IndexerState<T> {
  /** key → object (the cache's objects, never mutated), shared with keyframes shard by shard. */
  items: SharedMap<T>;
  /** The configured indexers, by name (client-go's `Indexers`, with functions from `indexFuncs`). */
  indexNames: readonly IndexName[];
  /** name → index (client-go's `Indices`). Every configured name has an entry. */
  indices: Map<IndexName, Index>;
}

type IndexFunc = (obj: MetaObject) => readonly string[];

/** MetaNamespaceIndexFunc (I5): the namespace, "" included for cluster-scoped objects, as in Go. */
function namespaceIndexFunc(obj: MetaObject): readonly string[] {
  return [obj.metadata.namespace];
}

/**
 * The sample controller's owner index: an object controlled by an owner (an ownerReference with
 * `controller: true`) indexes to "<namespace>/<ownerName>"; anything else to nothing.
 */
function byOwnerIndexFunc(obj: MetaObject): readonly string[] {
  const refs = (obj.metadata as { ownerReferences?: readonly OwnerReference[] }).ownerReferences;
  if (refs === undefined) return [];
  for (const r of refs) {
    if (r.controller) return [`${obj.metadata.namespace}/${r.name}`];
  }
  return [];
}

/** The static registry of index functions (state stores names only). */
const indexFuncs: Readonly<Record<IndexName, IndexFunc>> = {
  namespace: namespaceIndexFunc,
  byOwner: byOwnerIndexFunc,
};

export function newIndexer<T extends MetaObject>(indexNames: readonly IndexName[]): IndexerState<T> {
  const indices = new Map<IndexName, Index>();
  for (const name of indexNames) indices.set(name, newIndex());
  // Go's Indexers is a map: a name appears once.
  return { items: new SharedMap(), indexNames: [...indices.keys()], indices };
}

function newIndex(): Index {
  return new SharedMap<SharedSet>('collections');
}

function addKeyToIndex(index: Index, value: string, key: string): void {
  let set = index.getOwned(value);
  if (set === undefined) {
    set = new SharedSet();
    index.set(value, set);
  }
  set.add(key);
}

function deleteKeyFromIndex(index: Index, value: string, key: string): void {
  const set = index.getOwned(value);
  if (set === undefined) return;
  set.delete(key);
  // I3: an emptied bucket is deleted, so ListIndexFuncValues never reports a value with no objects.
  if (set.size === 0) index.delete(value);
}

/** storeIndex.updateIndices (I3): old or new may be undefined (add / delete). */
function updateIndices<T extends MetaObject>(
  ix: IndexerState<T>,
  oldObj: T | undefined,
  newObj: T | undefined,
  key: string,
): void {
  for (const name of ix.indexNames) {
    const fn = indexFuncs[name];
    const oldValues = oldObj === undefined ? [] : fn(oldObj);
    const newValues = newObj === undefined ? [] : fn(newObj);
    // I3 fast path: the common case of one unchanged value touches nothing.
    if (oldValues.length === 1 && newValues.length === 1 && oldValues[0] === newValues[0]) continue;
    const index = ix.indices.get(name)!;
    for (const v of oldValues) deleteKeyFromIndex(index, v, key);
    for (const v of newValues) addKeyToIndex(index, v, key);
  }
}

/** Store.Add (I2): upsert under the object's key, maintaining every index. */
export function indexerAdd<T extends MetaObject>(ix: IndexerState<T>, obj: T): void {
  const key = deletionHandlingKey(obj);
  indexerPutKeyed(ix, key, obj, ix.items.get(key));
}

/**
 * Add/Update for a caller that already holds the key and the cached object (processDeltas looks both up
 * to choose its notification): `key` must be `deletionHandlingKey(obj)` and `old` must be
 * `indexerGetByKey(ix, key)`. Same effect as indexerAdd, without building the key and looking it up again.
 */
export function indexerPutKeyed<T extends MetaObject>(
  ix: IndexerState<T>,
  key: string,
  obj: T,
  old: T | undefined,
): void {
  ix.items.set(key, obj);
  updateIndices(ix, old, obj, key);
}

/** Store.Update (I2): identical to Add. */
export function indexerUpdate<T extends MetaObject>(ix: IndexerState<T>, obj: T): void {
  indexerAdd(ix, obj);
}

/** Store.Delete (I1, I2): by key (a tombstone's key included); a no-op when the key is absent. */
export function indexerDelete<T extends MetaObject>(
  ix: IndexerState<T>,
  obj: T | DeletedFinalStateUnknown<T>,
): void {
  indexerDeleteKeyed(ix, deletionHandlingKey(obj));
}

/** Delete for a caller that already holds the key (`deletionHandlingKey` of the object or tombstone). */
export function indexerDeleteKeyed<T extends MetaObject>(ix: IndexerState<T>, key: string): void {
  const old = ix.items.get(key);
  if (old === undefined) return;
  updateIndices(ix, old, undefined, key);
  ix.items.delete(key);
}

export function indexerGetByKey<T>(ix: IndexerState<T>, key: string): T | undefined {
  return ix.items.get(key);
}

/** Store.Get(obj): the cached object under obj's key. */
export function indexerGet<T extends MetaObject>(
  ix: IndexerState<T>,
  obj: T | DeletedFinalStateUnknown<T>,
): T | undefined {
  return ix.items.get(deletionHandlingKey(obj));
}

/** ListKeys, sorted (see header). */
export function indexerListKeys<T>(ix: IndexerState<T>): string[] {
  return [...ix.items.keys()].sort();
}

/** List, sorted by key (see header). */
export function indexerList<T>(ix: IndexerState<T>): T[] {
  return indexerListKeys(ix).map((k) => ix.items.get(k)!);
}

export function indexerLen<T>(ix: IndexerState<T>): number {
  return ix.items.size;
}

/**
 * Store.Replace (I2): swap the whole content for `list` (a later duplicate key wins, as when Go builds the
 * map) and rebuild every index from scratch. `resourceVersion` is accepted for the signature's sake; the
 * Era A store ignores it.
 */
export function indexerReplace<T extends MetaObject>(
  ix: IndexerState<T>,
  list: readonly T[],
  _resourceVersion: string,
): void {
  const items = new SharedMap<T>();
  for (const obj of list) items.set(deletionHandlingKey(obj), obj);
  ix.items = items;
  for (const name of ix.indexNames) ix.indices.set(name, newIndex());
  for (const [key, obj] of items) updateIndices(ix, undefined, obj, key);
}

function indexOrThrow<T>(ix: IndexerState<T>, name: IndexName): Index {
  const index = ix.indices.get(name);
  // I4: the message client-go's storeIndex returns for an unknown index name.
  if (index === undefined) throw new Error(`Index with name ${name} does not exist`);
  return index;
}

/** IndexKeys (I4): the keys in bucket `value` of index `name`, sorted. Throws for an unknown index. */
export function indexerIndexKeys<T>(ix: IndexerState<T>, name: IndexName, value: string): string[] {
  const set = indexOrThrow(ix, name).get(value);
  return set === undefined ? [] : [...set].sort();
}

/** ByIndex (I4): the objects in bucket `value` of index `name`, sorted by key. Throws for an unknown index. */
export function indexerByIndex<T>(ix: IndexerState<T>, name: IndexName, value: string): T[] {
  return indexerIndexKeys(ix, name, value).map((k) => ix.items.get(k)!);
}

/**
 * Index (I4): the objects sharing any of obj's indexed values under index `name`, sorted by key, each
 * once. Throws for an unknown index.
 */
export function indexerIndex<T extends MetaObject>(ix: IndexerState<T>, name: IndexName, obj: T): T[] {
  const index = indexOrThrow(ix, name);
  const keys = new Set<string>();
  for (const v of indexFuncs[name](obj)) {
    const set = index.get(v);
    if (set !== undefined) for (const k of set) keys.add(k);
  }
  return [...keys].sort().map((k) => ix.items.get(k)!);
}

/**
 * ListIndexFuncValues (I4): the values currently present in index `name`, sorted. Like client-go's
 * `getIndexValues`, an unknown name answers an empty list rather than an error.
 */
export function indexerListIndexFuncValues<T>(ix: IndexerState<T>, name: IndexName): string[] {
  const index = ix.indices.get(name);
  return index === undefined ? [] : [...index.keys()].sort();
}
