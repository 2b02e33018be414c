/**
 * RealFIFO with atomic events: the Era C queue between the Reflector and the informer (modern mode).
 *
 * Models cg@36:tools/cache/the_real_fifo.go as a v0.36.3 shared informer builds it with every feature
 * gate at its default (`newQueueFIFO` in controller.go): `AtomicEvents`, `EmitDeltaTypeBookmark` and
 * `UnlockWhileProcessing` on (gates `InOrderInformers` GA, `AtomicFIFO`, `UnlockWhileProcessingFIFO`),
 * no known-objects store, namespace/name keys, no transformer; the informer pops with `PopBatch`
 * (`InOrderInformersBatchProcess`). Recorded behaviour: conformance/vectors-v0.36/realfifo.
 *
 * Rules: F1 (Add/Update/Delete append one delta each, unconditionally, and set `populated`), F3 (Replace
 * appends one `ReplacedAll{rv, objects}`; the first one sets `initialPopulationCount` to the whole queue's
 * length, so Bookmark and SyncAll deltas queued before it count too, and an empty first Replace still
 * leaves the FIFO unsynced until its delta has been processed), F4 (Resync appends one `SyncAll`), F5
 * (Bookmark appends one `Bookmark{rv}`; neither sets `populated`), F6 (Pop: the head delta alone;
 * `isInInitialList` = not synced yet, read when it is taken; the initial population count goes down only
 * after processing), F7 (PopBatch: a ReplacedAll / SyncAll / Bookmark at the head alone, otherwise the
 * longest run of Added/Updated/Deleted deltas with distinct keys, at most 1000, that stops before a
 * repeated key, an atomic delta or the end of the initial population), D11/F3 (HasSynced: once populated
 * with an initial population count of 0, and from then on for good: v0.36 closes a channel), D12 (Close:
 * a closed FIFO still hands out what it holds; empty, Pop answers ErrFIFOClosed).
 *
 * UnlockWhileProcessing (F6, [C]): a pop is split in two, `realFifoTake` and `realFifoFinish`, because the
 * real FIFO releases its lock while the informer processes what it took, so a producer (the reflector)
 * may append in between. It stays locked (producers block) when 2000 or more deltas (two batches) are
 * still queued after the take; appending to a locked FIFO is a caller bug here and throws, so an actor
 * that models the blocked producer asks `realFifoLocked` first. There is one consumer: a second take
 * before the first is finished throws too.
 *
 * Simplifications: plain data (an array with a head index, compacted like the DeltaFIFO's queue); Pop never
 * blocks (an empty, open FIFO answers `empty`, and the caller's actor waits); keys never fail.
 *
 * Test-only rule switches (src/engine/rules.ts, on outside tests): D11_SYNCED_AFTER_INITIAL_POPS (off:
 * synced as soon as populated), F1_ARRIVAL_ORDER (off: a queued key keeps its place, as in a DeltaFIFO).
 */
import type { DeletedFinalStateUnknown, MetaObject } from '../model/objects';
import { deletionHandlingKey } from '../model/objects';
import { RULES } from '../rules';

/** F7: the most deltas one PopBatch takes (`defaultBatchSize`). */
export const REAL_FIFO_BATCH_SIZE = 1000;

/** The delta types an atomic RealFIFO queues (D1 plus Era C's; `Replaced` and `Sync` are Era B only). */
export type RealDeltaType = 'Added' | 'Updated' | 'Deleted' | 'ReplacedAll' | 'SyncAll' | 'Bookmark';

/**
 * One queued event. Only a `Deleted` delta may carry a `DeletedFinalStateUnknown` (a reflector never
 * passes one to an atomic FIFO, but Delete accepts any object). Deltas are immutable records.
 */
export type RealDelta<T> =
  | { readonly type: 'Added' | 'Updated'; readonly obj: T }
  | { readonly type: 'Deleted'; readonly obj: T | DeletedFinalStateUnknown<T> }
  /** ReplacedAllInfo: the Replace call's resourceVersion and its objects, in the order given. */
  | { readonly type: 'ReplacedAll'; readonly rv: string; readonly objs: readonly T[] }
  | { readonly type: 'SyncAll' }
  | { readonly type: 'Bookmark'; readonly rv: string };

/** A delta of one object (what PopBatch may batch). */
export type RealObjectDelta<T> = Extract<RealDelta<T>, { readonly obj: unknown }>;

export interface RealFifoState<T> {
  /** Deltas in arrival order from index `head` on; entries before `head` are taken. */
  items: RealDelta<T>[];
  head: number;
  /** Set by the first Add/Update/Delete/Replace (F1, F3). */
  populated: boolean;
  /** Deltas of the queue at the first Replace still to be processed (F3, F6, F7). */
  initialPopulationCount: number;
  /** HasSynced, sticky once true (v0.36's `synced` channel, closed once by checkSynced_locked). */
  synced: boolean;
  /** D12. */
  closed: boolean;
  /** The take being processed (between realFifoTake and realFifoFinish), or null. */
  processing: {
    /** How many deltas it took (the initial population count drops by this much when it finishes). */
    readonly count: number;
    /** UnlockWhileProcessing: false when ≥ 2 batches were still queued, so producers must wait. */
    readonly unlocked: boolean;
  } | null;
}

/** What a pop hands to the informer's process function. */
export interface RealFifoTake<T> {
  /** One delta (Pop, or a PopBatch that could take only one), or 2..1000 object deltas with distinct keys. */
  readonly deltas: readonly RealDelta<T>[];
  /** `!HasSynced()` read once, when the deltas were taken (F6, F7, SI6). */
  readonly isInInitialList: boolean;
  /** True when the informer processes them as a batch (processDeltasInBatch), false for processDeltas. */
  readonly batch: boolean;
}

/** The outcome of a pop: a take, nothing to take yet (a real Pop blocks), or ErrFIFOClosed. */
export type RealFifoPop<T> = RealFifoTake<T> | 'empty' | 'closed';

/** The error a closed and empty FIFO answers (the real message, which still says DeltaFIFO). */
export const ERR_FIFO_CLOSED = 'DeltaFIFO: manipulating with closed queue';

export function newRealFifo<T extends MetaObject>(): RealFifoState<T> {
  return {
    items: [],
    head: 0,
    populated: false,
    initialPopulationCount: 0,
    synced: false,
    closed: false,
    processing: null,
  };
}

/** checkSynced_locked: close the synced "channel" once the initial population has been processed. */
function checkSynced<T>(f: RealFifoState<T>): void {
  if (f.synced || !f.populated) return;
  // RULES.D11_SYNCED_AFTER_INITIAL_POPS off (tests only): synced as soon as populated.
  if (f.initialPopulationCount === 0 || !RULES.D11_SYNCED_AFTER_INITIAL_POPS) f.synced = true;
}

/** A producer may append now: no take is being processed with the lock held (UnlockWhileProcessing). */
export function realFifoLocked<T>(f: RealFifoState<T>): boolean {
  return f.processing !== null && !f.processing.unlocked;
}

function append<T>(f: RealFifoState<T>, d: RealDelta<T>): void {
  if (realFifoLocked(f)) throw new Error('RealFIFO: append while a take is processed under the lock');
  // RULES.F1_ARRIVAL_ORDER off (tests only): a key already queued keeps its place, as in a DeltaFIFO.
  if (!RULES.F1_ARRIVAL_ORDER && isObjectDelta(d)) {
    const key = deletionHandlingKey(d.obj as MetaObject);
    for (let i = f.items.length - 1; i >= f.head; i--) {
      const q = f.items[i]!;
      if (isObjectDelta(q) && deletionHandlingKey(q.obj as MetaObject) === key) {
        f.items.splice(i + 1, 0, d);
        return;
      }
    }
  }
  f.items.push(d);
}

/** Add (F1). */
export function realFifoAdd<T extends MetaObject>(f: RealFifoState<T>, obj: T): void {
  f.populated = true;
  checkSynced(f);
  append(f, { type: 'Added', obj });
}

/** Update (F1). */
export function realFifoUpdate<T extends MetaObject>(f: RealFifoState<T>, obj: T): void {
  f.populated = true;
  checkSynced(f);
  append(f, { type: 'Updated', obj });
}

/** Delete (F1): queued even for a key nobody ever saw (unlike the DeltaFIFO's D6). */
export function realFifoDelete<T extends MetaObject>(
  f: RealFifoState<T>,
  obj: T | DeletedFinalStateUnknown<T>,
): void {
  f.populated = true;
  checkSynced(f);
  append(f, { type: 'Deleted', obj });
}

/**
 * Replace (F3): one `ReplacedAll` holding `rv` and the objects in the order given. The first population
 * counts every delta then queued, this one included.
 */
export function realFifoReplace<T extends MetaObject>(
  f: RealFifoState<T>,
  objs: readonly T[],
  rv: string,
): void {
  append(f, { type: 'ReplacedAll', rv, objs });
  if (!f.populated) {
    f.populated = true;
    f.initialPopulationCount = realFifoLen(f);
    checkSynced(f);
  }
}

/** Resync (F4): one `SyncAll`; the informer re-delivers its indexer when it processes it. */
export function realFifoResync<T>(f: RealFifoState<T>): void {
  append(f, { type: 'SyncAll' });
}

/** Bookmark (F5): one `Bookmark{rv}`, which moves the indexer's resourceVersion when processed (I7). */
export function realFifoBookmark<T>(f: RealFifoState<T>, rv: string): void {
  append(f, { type: 'Bookmark', rv });
}

/** HasSynced (D11, F3). */
export function realFifoHasSynced<T>(f: RealFifoState<T>): boolean {
  return f.synced;
}

export function realFifoLen<T>(f: RealFifoState<T>): number {
  return f.items.length - f.head;
}

/** The queued deltas, head first (for inspectors and tests; a real RealFIFO offers no such view). */
export function realFifoDeltas<T>(f: RealFifoState<T>): readonly RealDelta<T>[] {
  return f.items.slice(f.head);
}

/** Close (D12). */
export function realFifoClose<T>(f: RealFifoState<T>): void {
  f.closed = true;
}

function isObjectDelta<T>(d: RealDelta<T>): d is RealObjectDelta<T> {
  return d.type === 'Added' || d.type === 'Updated' || d.type === 'Deleted';
}

/** The key of an object delta (RealFIFO.keyOf: a tombstone's key, else namespace/name). */
export function realDeltaKey<T extends MetaObject>(d: RealObjectDelta<T>): string {
  return deletionHandlingKey<T>(d.obj);
}

/**
 * Pop (F6) or PopBatch (F7), first half: take from the head. The caller processes the take, then calls
 * `realFifoFinish` (the real code's deferred decrement of the initial population count).
 */
export function realFifoTake<T extends MetaObject>(f: RealFifoState<T>, batch: boolean): RealFifoPop<T> {
  if (f.processing !== null) throw new Error('RealFIFO: a take is already being processed (one consumer)');
  const len = realFifoLen(f);
  if (len === 0) return f.closed ? 'closed' : 'empty';
  const isInInitialList = !f.synced;
  const n = batch ? batchLength(f, len) : 1;
  const deltas = f.items.slice(f.head, f.head + n);
  advance(f, n);
  // whileProcessing_locked: unlocked only while fewer than two full batches are still queued.
  f.processing = { count: n, unlocked: realFifoLen(f) < 2 * REAL_FIFO_BATCH_SIZE };
  return { deltas, isInInitialList, batch: n > 1 };
}

/** F7: how many head deltas one PopBatch takes (≥ 1). */
function batchLength<T extends MetaObject>(f: RealFifoState<T>, len: number): number {
  const keys = new Set<string>();
  let n = 0;
  for (let i = 0; i < REAL_FIFO_BATCH_SIZE && i < len; i++) {
    if (f.initialPopulationCount > 0 && i >= f.initialPopulationCount) break;
    const d = f.items[f.head + i]!;
    // An atomic delta at the head goes alone; anywhere else it closes the batch.
    if (!isObjectDelta(d)) return n === 0 ? 1 : n;
    const key = realDeltaKey(d);
    if (keys.has(key)) break;
    keys.add(key);
    n++;
  }
  return n;
}

function advance<T>(f: RealFifoState<T>, n: number): void {
  f.head += n;
  if (f.head === f.items.length) {
    f.items.length = 0;
    f.head = 0;
  } else if (f.head >= 64 && f.head * 2 >= f.items.length) {
    f.items.splice(0, f.head);
    f.head = 0;
  }
}

/** Second half of a pop: processing is over; the initial population count goes down by what was taken. */
export function realFifoFinish<T>(f: RealFifoState<T>): void {
  const p = f.processing;
  if (p === null) throw new Error('RealFIFO: finish without a take');
  f.processing = null;
  if (f.initialPopulationCount > 0) {
    f.initialPopulationCount = Math.max(0, f.initialPopulationCount - p.count);
    checkSynced(f);
  }
}
