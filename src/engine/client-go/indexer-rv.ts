/**
 * The informer's indexer in modern mode: the same thread-safe store with indices (indexer.ts), plus the
 * resourceVersion it remembers (`LastStoreSyncResourceVersion`) and its one-lock `Transaction`.
 *
 * Models cg@36:tools/cache/thread_safe_store.go (`threadSafeMap.rv`, `Update`, `DeleteWithObject`,
 * `Transaction`, `Replace`, `Bookmark`, `LastStoreSyncResourceVersion`) and store.go (`cache.Delete` passes
 * the object, `cache.Transaction` keys each object). The map and its indices are indexer.ts's, shared as
 * the real code shares threadSafeMap between eras; only the RV bookkeeping is new, so it lives in this
 * wrapper and the classic indexer stays as it is.
 *
 * Rules: I7 (the store's RV, reported because AtomicFIFO is on: Add/Update set it to the object's RV; a
 * Delete to the deleted object's RV even when the key is absent; a Transaction to the RV of its **last**
 * object, not the largest, so it can move backwards; a DeletedFinalStateUnknown carries no RV to read, so a
 * tombstone delete, or a transaction ending in one, leaves it unchanged; Replace and Bookmark set it to
 * their RV, "" included), I2 (Replace swaps the content and rebuilds the indices), SI7 (a Transaction
 * applies a whole batch under one lock).
 */
import type { DeletedFinalStateUnknown, MetaObject } from '../model/objects';
import { deletionHandlingKey, isTombstone } from '../model/objects';
import {
  type IndexerState,
  type IndexName,
  indexerDeleteKeyed,
  indexerGetByKey,
  indexerPutKeyed,
  indexerReplace,
  newIndexer,
} from './indexer';

export interface IndexerRvState<T> {
  /** The objects and their indices (indexer.ts). */
  readonly indexer: IndexerState<T>;
  /** LastStoreSyncResourceVersion (I7); "" until something sets it. */
  resourceVersion: string;
}

/** One operation of a Transaction (cache.Transaction's Add / Update / Delete). */
export interface StoreTransaction<T> {
  readonly type: 'Add' | 'Update' | 'Delete';
  readonly obj: T | DeletedFinalStateUnknown<T>;
}

export function newIndexerRv<T extends MetaObject>(indexNames: readonly IndexName[]): IndexerRvState<T> {
  return { indexer: newIndexer<T>(indexNames), resourceVersion: '' };
}

/** rvFromObject: a tombstone is no meta object, so it has no RV to read (I7). */
function rvOf<T extends MetaObject>(obj: T | DeletedFinalStateUnknown<T>): string | null {
  return isTombstone(obj) ? null : obj.metadata.resourceVersion;
}

/** Add or Update (I2 upsert; I7: the RV becomes the object's). */
export function storeUpsert<T extends MetaObject>(s: IndexerRvState<T>, obj: T): void {
  const key = deletionHandlingKey(obj);
  storeUpsertKeyed(s, key, obj, indexerGetByKey(s.indexer, key));
}

/** storeUpsert for a caller that already has the object's key and what the indexer holds there. */
export function storeUpsertKeyed<T extends MetaObject>(
  s: IndexerRvState<T>,
  key: string,
  obj: T,
  old: T | undefined,
): void {
  indexerPutKeyed(s.indexer, key, obj, old);
  s.resourceVersion = obj.metadata.resourceVersion;
}

/** Delete by the object's key (a no-op when absent, I2); the RV moves even then, unless a tombstone (I7). */
export function storeDelete<T extends MetaObject>(
  s: IndexerRvState<T>,
  obj: T | DeletedFinalStateUnknown<T>,
): void {
  indexerDeleteKeyed(s.indexer, deletionHandlingKey(obj));
  const rv = rvOf(obj);
  if (rv !== null) s.resourceVersion = rv;
}

/** Transaction (SI7): apply every operation in order, then the RV of the last object (I7). */
export function storeTransaction<T extends MetaObject>(
  s: IndexerRvState<T>,
  txns: readonly StoreTransaction<T>[],
): void {
  if (txns.length === 0) return;
  for (const t of txns) {
    const key = deletionHandlingKey(t.obj);
    if (t.type === 'Delete') indexerDeleteKeyed(s.indexer, key);
    else if (isTombstone(t.obj)) throw new Error(`${t.type} of a tombstone for ${key}`);
    else indexerPutKeyed(s.indexer, key, t.obj, indexerGetByKey(s.indexer, key));
  }
  const rv = rvOf(txns[txns.length - 1]!.obj);
  if (rv !== null) s.resourceVersion = rv;
}

/** Replace (I2, I7): the whole content, indices rebuilt, and the RV given. */
export function storeReplace<T extends MetaObject>(
  s: IndexerRvState<T>,
  objs: readonly T[],
  rv: string,
): void {
  indexerReplace(s.indexer, objs, rv);
  s.resourceVersion = rv;
}

/** Bookmark (I7): only the RV moves. */
export function storeBookmark<T>(s: IndexerRvState<T>, rv: string): void {
  s.resourceVersion = rv;
}

/** LastStoreSyncResourceVersion (I7). */
export function lastStoreSyncResourceVersion<T>(s: IndexerRvState<T>): string {
  return s.resourceVersion;
}
