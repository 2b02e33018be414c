/**
 * DeltaFIFO: the Era A queue between the Reflector and the informer.
 *
 * Models cg:tools/cache/delta_fifo.go as recorded from client-go v0.26.15 (conformance/vectors/deltafifo).
 * A per-key accumulator of deltas plus a FIFO of keys in first-insertion order.
 *
 * Rules: D1 (delta types), D2 (keys via DeletionHandlingMetaNamespaceKeyFunc), D3 (queueActionLocked: a
 * queued key keeps its position), D4 (dedupDeltas: only two trailing Deleted merge), D5 (Add/Update),
 * D6 (Delete of an unknown object is ignored), D7 (Replace: Replaced/Sync per listed item, tombstones for
 * vanished keys, initial population count), D8 (Resync from known objects, skipping queued keys), D9 (Pop),
 * D10 (ErrRequeue → AddIfNotPresent), D11 (HasSynced), D12 (Close), D13 (per-key batching reorders keys
 * relative to the watch stream).
 *
 * Simplifications:
 * - State is plain data; the known-objects store (the informer's indexer) is passed into the operations
 *   that consult it (Delete, Replace, Resync) instead of being referenced from the state. `null` means
 *   "no knownObjects".
 * - Pop never blocks: it returns undefined on an empty queue, and the caller (the informer's actor)
 *   decides whether it waits or, once `closed` (D12), stops. Pop does not run the process function:
 *   the caller runs processDeltas right after it in the same step, which is what "process runs under the
 *   FIFO lock" means in a single-threaded simulation; a requeue is then `fifoAddIfNotPresent` (D10).
 * - Iteration orders that are Go map orders (arbitrary) are fixed: Replace's queued-key deletion detection
 *   (D7 step 2) walks the queued keys in queue order, and the known objects' keys are asked for in sorted
 *   order (D7 step 3, D8), as conformance/README.md assumes.
 * - No transformer (no scenario installs one), no key-function errors (every object has a key).
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): D7_REPLACE_TOMBSTONES,
 * D11_SYNCED_AFTER_INITIAL_POPS, D13_KEEP_POSITION.
 */

import { SharedMap } from '../kernel/shared-map';
import type { DeletedFinalStateUnknown, MetaObject } from '../model/objects';
import { deletionHandlingKey, isTombstone } from '../model/objects';
import { RULES } from '../rules';
import type { IndexerState } from './indexer';
import { indexerGetByKey, indexerListKeys } from './indexer';

/** D1. Era A types only (ReplacedAll, SyncAll, Bookmark belong to RealFIFO). */
export type DeltaType = 'Added' | 'Updated' | 'Deleted' | 'Replaced' | 'Sync';

/** One change. Only a `Deleted` delta ever carries a `DeletedFinalStateUnknown` tombstone. */
export interface Delta<T> {
  readonly type: DeltaType;
  readonly obj: T | DeletedFinalStateUnknown<T>;
}

export interface DeltaFifoState<T> {
  /**
   * key → the deltas queued for it, oldest first, never empty. The FIFO changes these arrays in place,
   * after `getOwned`: keyframes share the map shard by shard (kernel/shared-map.ts). Its iteration order
   * is not the queue's; `queue` is.
   */
  items: SharedMap<Delta<T>[]>;
  /** Keys in first-insertion order from index `head` on; entries before `head` are already popped. */
  queue: string[];
  head: number;
  /** Set by the first Add/Update/Delete/Replace (D5, D6, D7). */
  populated: boolean;
  /** Items of the first Replace still to be popped (D7 step 4, D9, D11). */
  initialPopulationCount: number;
  /** EmitDeltaTypeReplaced: Replace queues `Replaced` (true, what informers use) or `Sync` (D7). */
  emitReplaced: boolean;
  /** D12. */
  closed: boolean;
}

/**
 * What happened to one queued delta (D3, D4): `queued` — the key was new and went to the tail of the
 * queue; `appended` — added to the key's deltas, the key keeps its place; `mergedNewer` — two Deleted
 * merged and the new one replaced an older tombstone; `mergedOlder` — two Deleted merged and the older
 * (non-tombstone) one survived, so the new delta left no trace.
 */
export type QueueOutcome = 'queued' | 'appended' | 'mergedNewer' | 'mergedOlder';

export interface ReplaceTombstone<T> {
  readonly key: string;
  /** The object inside the `DeletedFinalStateUnknown` (null if known objects had none). */
  readonly obj: T | null;
  /** Where the vanished key was found: queued deltas (D7 step 2) or the known objects (step 3). */
  readonly source: 'queue' | 'knownObjects';
  readonly outcome: QueueOutcome;
}

export interface ReplaceResult<T> {
  /** `Replaced`, or `Sync` when the FIFO does not emit Replaced (D7 step 1). */
  readonly deltaType: 'Replaced' | 'Sync';
  /** Keys of the listed objects, in list order, each time it was listed. */
  readonly listed: readonly string[];
  /** The tombstones queued, in order (D7 steps 2 and 3). */
  readonly tombstones: readonly ReplaceTombstone<T>[];
}

export interface PopResult<T> {
  readonly key: string;
  /** Oldest first. Ownership passes to the caller (Go: "transferring ownership to the caller"). */
  readonly deltas: readonly Delta<T>[];
  /** D9: `!HasSynced()` computed before this pop. */
  readonly isInInitialList: boolean;
}

export function newDeltaFifo<T extends MetaObject>(opts: { emitReplaced: boolean }): DeltaFifoState<T> {
  return {
    items: new SharedMap('arrays'),
    queue: [],
    head: 0,
    populated: false,
    initialPopulationCount: 0,
    emitReplaced: opts.emitReplaced,
    closed: false,
  };
}

/** queueActionLocked (D3) with dedupDeltas (D4). */
function queueAction<T extends MetaObject>(
  f: DeltaFifoState<T>,
  type: DeltaType,
  obj: T | DeletedFinalStateUnknown<T>,
): QueueOutcome {
  const key = deletionHandlingKey(obj);
  const delta: Delta<T> = { type, obj };
  const list = f.items.getOwned(key);
  if (list === undefined) {
    f.items.set(key, [delta]);
    f.queue.push(key);
    return 'queued';
  }
  // D4: only the last two deltas are compared, and they merge only if both are Deleted. The survivor is
  // the newer one when the older is a DeletedFinalStateUnknown tombstone, otherwise the older one.
  const last = list[list.length - 1]!;
  if (type === 'Deleted' && last.type === 'Deleted') {
    if (isTombstone(last.obj)) {
      list[list.length - 1] = delta;
      return 'mergedNewer';
    }
    return 'mergedOlder';
  }
  // D3: an already queued key keeps its original position in the queue.
  list.push(delta);
  if (!RULES.D13_KEEP_POSITION) moveToTail(f, key); // test-only switch (src/engine/rules.ts)
  return 'appended';
}

/** Test-only (RULES.D13_KEEP_POSITION off): the key leaves its place and goes to the tail. O(n). */
function moveToTail<T>(f: DeltaFifoState<T>, key: string): void {
  const i = f.queue.indexOf(key, f.head);
  if (i < 0) return;
  f.queue.splice(i, 1);
  f.queue.push(key);
}

/** Add (D5). */
export function fifoAdd<T extends MetaObject>(f: DeltaFifoState<T>, obj: T): QueueOutcome {
  f.populated = true;
  return queueAction(f, 'Added', obj);
}

/** Update (D5). */
export function fifoUpdate<T extends MetaObject>(f: DeltaFifoState<T>, obj: T): QueueOutcome {
  f.populated = true;
  return queueAction(f, 'Updated', obj);
}

/**
 * Delete (D6). Returns false when the delete is ignored: the object is unknown, i.e. (without known
 * objects) the key has no queued deltas, or (with known objects) the key is neither in the indexer nor
 * queued — "presumably deleted when a relist happened; don't report the same deletion twice".
 */
export function fifoDelete<T extends MetaObject>(
  f: DeltaFifoState<T>,
  known: IndexerState<T> | null,
  obj: T | DeletedFinalStateUnknown<T>,
): boolean {
  const key = deletionHandlingKey(obj);
  f.populated = true;
  const queued = f.items.has(key);
  const knownHas = known !== null && indexerGetByKey(known, key) !== undefined;
  if (!queued && !knownHas) return false;
  queueAction(f, 'Deleted', obj);
  return true;
}

/**
 * Replace (D7): the reflector's list (or relist) result.
 * 1. every listed object gets a Replaced (or Sync) delta, in list order;
 * 2. every queued key not listed gets Deleted(DeletedFinalStateUnknown{key, newest queued object}), the
 *    newest object unwrapped if it is itself a tombstone;
 * 3. with known objects, every known key not listed and with no queued deltas gets
 *    Deleted(DeletedFinalStateUnknown{key, known object});
 * 4. the first population sets `populated` and counts distinct listed keys plus tombstones.
 */
export function fifoReplace<T extends MetaObject>(
  f: DeltaFifoState<T>,
  known: IndexerState<T> | null,
  list: readonly T[],
  _resourceVersion: string,
): ReplaceResult<T> {
  const deltaType = f.emitReplaced ? 'Replaced' : 'Sync';
  const listedKeys = new Set<string>();
  const listed: string[] = [];
  for (const obj of list) {
    const key = deletionHandlingKey(obj);
    listedKeys.add(key);
    listed.push(key);
    queueAction(f, deltaType, obj);
  }

  const tombstones: ReplaceTombstone<T>[] = [];
  // Step 2. Go walks f.items (map order); here queue order. Only existing keys get deltas, so the queue is
  // not grown while being walked.
  const queued = f.queue.slice(f.head);
  for (const key of queued) {
    if (listedKeys.has(key)) continue;
    const deltas = f.items.get(key)!;
    const newest = deltas[deltas.length - 1]!.obj;
    // D7: a tombstone of a tombstone wraps the inner object, never the tombstone.
    const obj = isTombstone(newest) ? newest.obj : newest;
    const outcome = queueAction<T>(f, 'Deleted', { $tombstone: true, key, obj });
    tombstones.push({ key, obj, source: 'queue', outcome });
  }

  // Step 3: keys the informer has cached but the list no longer has, unless deltas are queued for them.
  if (known !== null && RULES.D7_REPLACE_TOMBSTONES) {
    for (const key of indexerListKeys(known)) {
      if (listedKeys.has(key) || f.items.has(key)) continue;
      const obj = indexerGetByKey(known, key) ?? null;
      const outcome = queueAction<T>(f, 'Deleted', { $tombstone: true, key, obj });
      tombstones.push({ key, obj, source: 'knownObjects', outcome });
    }
  }

  // Step 4 (D11): only the first population counts; tombstones count even when merged (queuedDeletions).
  if (!f.populated) {
    f.populated = true;
    f.initialPopulationCount = listedKeys.size + tombstones.length;
  }
  return { deltaType, listed, tombstones };
}

/**
 * Resync (D8): a Sync delta with the known object for every known key that has no queued deltas (a queued
 * key would otherwise get a stale copy behind its newer deltas). No-op without known objects. Returns the
 * keys that got a Sync delta, in order.
 */
export function fifoResync<T extends MetaObject>(
  f: DeltaFifoState<T>,
  known: IndexerState<T> | null,
): string[] {
  const synced: string[] = [];
  if (known === null) return synced;
  for (const key of indexerListKeys(known)) {
    if (f.items.has(key)) continue;
    const obj = indexerGetByKey(known, key);
    if (obj === undefined) continue;
    queueAction(f, 'Sync', obj);
    synced.push(key);
  }
  return synced;
}

/** HasSynced (D11): populated, and every item of the first Replace (tombstones included) popped. */
export function fifoHasSynced<T>(f: DeltaFifoState<T>): boolean {
  // RULES.D11_SYNCED_AFTER_INITIAL_POPS off (tests only): synced as soon as populated.
  return f.populated && (f.initialPopulationCount === 0 || !RULES.D11_SYNCED_AFTER_INITIAL_POPS);
}

/**
 * Pop (D9): take the head key and its deltas. Returns undefined when the queue is empty (the real Pop
 * blocks, or returns ErrFIFOClosed once `closed`). O(1) amortized: the queue advances a head index and
 * is compacted once the popped prefix is at least half of it.
 */
export function fifoPop<T>(f: DeltaFifoState<T>): PopResult<T> | undefined {
  if (f.head >= f.queue.length) return undefined;
  const isInInitialList = !fifoHasSynced(f);
  const key = f.queue[f.head]!;
  f.head++;
  if (f.head === f.queue.length) {
    f.queue.length = 0;
    f.head = 0;
  } else if (f.head >= 64 && f.head * 2 >= f.queue.length) {
    f.queue.splice(0, f.head);
    f.head = 0;
  }
  if (f.initialPopulationCount > 0) f.initialPopulationCount--;
  const deltas = f.items.get(key)!;
  f.items.delete(key);
  return { key, deltas, isInInitialList };
}

/**
 * addIfNotPresent (D10, the ErrRequeue path; client-go ≤ v0.32): put popped deltas back at the tail,
 * unless deltas for the key were queued again meanwhile (then the popped ones are dropped). Returns
 * whether they went back. Does not touch initialPopulationCount (Pop already counted the item).
 */
export function fifoAddIfNotPresent<T>(
  f: DeltaFifoState<T>,
  key: string,
  deltas: readonly Delta<T>[],
): boolean {
  f.populated = true;
  if (f.items.has(key)) return false;
  f.queue.push(key);
  // A copy: the FIFO appends to its arrays, and the caller may still hold the popped one.
  f.items.set(key, deltas.slice());
  return true;
}

/** Close (D12): Pop keeps draining; once empty the informer's process loop ends. */
export function fifoClose<T>(f: DeltaFifoState<T>): void {
  f.closed = true;
}

export function fifoLen<T>(f: DeltaFifoState<T>): number {
  return f.queue.length - f.head;
}

/** The queue, head first (what Pop will return, in order). */
export function fifoQueueKeys<T>(f: DeltaFifoState<T>): string[] {
  return f.queue.slice(f.head);
}

/** The queued keys, sorted (client-go's ListKeys answers them in queue order; see fifoQueueKeys). */
export function fifoListKeys<T>(f: DeltaFifoState<T>): string[] {
  return [...f.items.keys()].sort();
}

/** GetByKey: a copy of the key's deltas (Go's copyDeltas), or undefined when nothing is queued. */
export function fifoGetByKey<T>(f: DeltaFifoState<T>, key: string): readonly Delta<T>[] | undefined {
  const d = f.items.get(key);
  return d === undefined ? undefined : d.slice();
}
