/**
 * Keyframes: how a world is copied, what a copy costs and how far apart the timeline keeps them.
 *
 * **The copy.** A keyframe must stay as it was while the cursor world it was restored into runs on, so
 * a restore copies it. `structuredClone` copies everything, the API objects included, and that was the
 * whole cost of a seek in a big world (≈130 ms for 10,000 Foos on the 2-vCPU machine of
 * docs/PERFORMANCE.md). API objects are immutable values (model/objects.ts: every write makes a new
 * object, the C7 mutation mistake included), so `cloneWorld` shares them and copies only what
 * changes: every Map, Set, array and plain object, keeping their insertion order. The world's big maps
 * and sets (the server's objects, the indexer's items and buckets, the DeltaFIFO's deltas, the
 * workqueue's dirty set and add times) are SharedMaps and SharedSets (kernel/shared-map.ts): a copy forks
 * them, sharing their shards until either side writes to one, so they cost a pointer a shard. Without
 * that, copying a 10,000-entry Map took 7–11 ms, and with 10,000 Foos a world holds about 46,000 such
 * entries. Two things make the copy exact, and `keyframes.test.ts` checks both on many worlds: the world
 * is plain data (objects, arrays, Map and Set, SharedMap and SharedSet, primitives; Map keys and Set
 * elements are primitives), and no mutable object is reachable
 * twice inside a world, so copying each occurrence keeps the same shape (structuredClone preserves
 * aliasing; there is none to preserve besides the shared API objects, which stay shared). An object is
 * an API object when it has `metadata`; nothing else in the world has that field. Copies are made with
 * object spread and `slice`, which give them the hidden classes of the originals, so code optimised on
 * the cursor world does not deoptimise on a restored one (the cold-seek effect docs/PERFORMANCE.md
 * described for structuredClone).
 *
 * **The cost model.** A seek to step t restores the last keyframe at or before t (cost R, the copy) and
 * replays the steps after it (cost s per step): R + d·s for a keyframe d steps before t. R grows with
 * the world: a Map or Set entry costs ≈150 ns to copy on that machine, an object ≈35 ns, an array slot
 * ≈3 ns, a shard of a SharedMap or SharedSet a pointer; `cloneWorld` adds these up as it copies, so every
 * keyframe knows its restore cost in ns without timing anything (deterministic). A replayed step costs
 * s ≈ 6 µs (the `default`, `heavy` and browser-bench scenarios measure 2–10 µs a step, with no clear
 * growth with the world's size: most steps touch one key); after a restore, a step's first write to a
 * shard also copies that shard (a few µs). The constants are in COST below.
 *
 * **The spacing.** After a keyframe of restore cost R the next one comes I = R / s steps later, so
 * replaying a whole interval costs as much as one restore: a seek costs at most 2R (1.5R on average),
 * taking keyframes adds at most one copy per I steps (at most doubling the cost of computing new steps),
 * and the heap held per step, keyframe bytes / I, is about the same for every world size (both grow
 * with the number of entries). I is clamped to [MIN, MAX]: below MIN a small world would keyframe every
 * few dozen steps (the `default` world's R ≈ 0.1 ms gives I ≈ 20, and a 1,000,000-step timeline would
 * hold ≈50,000 keyframes); above MAX a replay of the interval alone takes too long for a frame.
 * With the big maps shared, R is mostly the world's arrays (the server's logs and rings, the queues):
 * ≈0.2 ms with 10,000 Foos, so keyframes sit at MIN for every world measured, and it is the heap
 * budget (thinning, timeline.ts) that spaces them further in long runs. A keyframe holds what its copy
 * made plus the shards written since the previous one (CopyCost.sharedBytes).
 */
import { isSharedCollection, type SharedCollection, SharedMap } from '../kernel/shared-map';
import { KINDS } from '../model/objects';
import type { World } from '../sim/world';

/** Measured costs (ns) on the 2-vCPU machine of docs/PERFORMANCE.md; only their ratios matter here. */
export const COST = {
  /** Copying one Map or Set entry. */
  entryNs: 100,
  /** Copying one plain object (spread; the copy's accesses are megamorphic), besides its fields. */
  objectNs: 400,
  /** Copying one array, besides its slots. */
  arrayNs: 60,
  /** Copying one array slot. */
  slotNs: 3,
  /** Forking a SharedMap or SharedSet (kernel/shared-map.ts), besides its shards. */
  forkNs: 200,
  /** Forking: one shard pointer and its ownership flag. */
  shardNs: 3,
  /** Replaying one step. */
  stepNs: 5000,
} as const;

/** What a copy holds on the heap (V8, 64-bit, pointer compression off), bytes. */
export const SIZE = {
  /** A plain object: header, then one slot per field. */
  object: 24,
  field: 8,
  /** An array: header and backing store, then one slot per element. */
  array: 32,
  slot: 8,
  /** A Map or Set: its table, then per entry (key, value, chain, and the table's growth slack). */
  table: 80,
  entry: 40,
} as const;

/** Bounds of the keyframe spacing, in steps (before thinning doubles it: timeline.ts). */
export const SPACING = { min: 100, max: 1000 } as const;

/** The heap all keyframes of a timeline may hold (by SIZE); past it the timeline thins them. */
export const KEYFRAME_BUDGET_BYTES = 48 * 1024 * 1024;

/**
 * What copying a world cost by the model (COST) and what the copy holds on its own (SIZE): `bytes` counts
 * what the copy made, and `sharedBytes` the shards of its SharedMaps and SharedSets that the world copied
 * had made since it was last copied (it owned them; kernel/shared-map.ts). Those become shared with the
 * copy, so they are new heap held once the copy is a keyframe; the other shards were already held by an
 * earlier keyframe (when timeline.ts drops keyframes, it recounts the kept ones': `heldSharedBytes`).
 */
export interface CopyCost {
  readonly ns: number;
  readonly bytes: number;
  readonly sharedBytes: number;
}

let costNs = 0;
let bytes = 0;
let sharedBytes = 0;
/** The forks made by the copy in progress. */
let forks: SharedCollection[] = [];
/** The containers of immutable records in the world being copied (recordContainers). */
let recordArrays: ReadonlySet<object> = new Set();

type Plain = Record<string, unknown>;

/**
 * The world's arrays of immutable records, whose elements a copy may share like API objects: their types
 * are readonly all the way down and nothing replaces a field of one once it is made (keyframes.test.ts
 * freezes them and runs on): the server's logs, request log, replica feeds and watch-cache rings, a
 * RealFIFO's items and the take being processed, the listeners' buffers. They hold most of a small
 * world's objects. (The DeltaFIFO's deltas per key are a SharedMap of such arrays: delta-fifo.ts.)
 */
export function recordContainers(w: World): object[] {
  const arrays: object[] = [w.server.requests.buf];
  for (const k of KINDS) arrays.push(w.server.logs[k]);
  for (const r of w.server.replicas) {
    arrays.push(r.feed);
    for (const k of KINDS) arrays.push(r.cachers[k].ring.buf);
  }
  for (const lane of [w.lanes.Foo, w.lanes.Deployment]) {
    if (lane.era === 'modern') {
      // The RealFIFO's deltas and the take being processed are immutable delta records (real-fifo.ts).
      arrays.push(lane.fifo.items);
      if (lane.processing !== null) arrays.push(lane.processing.deltas);
    }
    for (const l of lane.processor.listeners) arrays.push(l.buffer);
  }
  return arrays;
}

function copyArray(a: readonly unknown[]): unknown[] {
  const c = a.slice();
  costNs += COST.arrayNs + c.length * COST.slotNs;
  bytes += SIZE.array + c.length * SIZE.slot;
  if (recordArrays.has(a)) return c;
  for (let i = 0; i < c.length; i++) {
    const x = c[i];
    if (typeof x === 'object' && x !== null) c[i] = copyValue(x);
  }
  return c;
}

function copyMap(m: ReadonlyMap<unknown, unknown>): Map<unknown, unknown> {
  const c = new Map(m);
  costNs += c.size * COST.entryNs;
  bytes += SIZE.table + c.size * SIZE.entry;
  m.forEach((x, k) => {
    if (typeof x === 'object' && x !== null && (x as Plain).metadata === undefined) c.set(k, copyValue(x));
  });
  return c;
}

/** A shard's heap: its table and entries, and the arrays of a map whose values are arrays. */
function shardBytes(c: SharedCollection, s: Map<string, unknown> | Set<string>): number {
  let n = SIZE.table + s.size * SIZE.entry;
  if (c instanceof SharedMap && c.holds === 'arrays')
    for (const a of (s as Map<string, unknown[]>).values()) n += SIZE.array + a.length * SIZE.slot;
  return n;
}

/** The bytes of the shards `c` owns, nested buckets in owned shards included (what a fork makes shared). */
function ownedShardBytes(c: SharedCollection): number {
  let n = 0;
  const shards = c.shardList();
  for (let i = 0; i < shards.length; i++) {
    if (!c.ownsShard(i)) continue;
    const s = shards[i]!;
    n += shardBytes(c, s);
    if (c instanceof SharedMap && c.holds === 'collections')
      for (const inner of (s as Map<string, SharedCollection>).values()) n += ownedShardBytes(inner);
  }
  return n;
}

function forkCollection(c: SharedCollection): SharedCollection {
  sharedBytes += ownedShardBytes(c);
  costNs += COST.forkNs + c.shardList().length * COST.shardNs;
  bytes += SIZE.object + c.shardList().length * SIZE.slot;
  const f = c.fork();
  forks.push(f);
  return f;
}

function copyValue(v: object): object {
  if (Array.isArray(v)) return copyArray(v);
  if (isSharedCollection(v)) return forkCollection(v);
  if (v instanceof Map) return copyMap(v);
  if (v instanceof Set) {
    costNs += v.size * COST.entryNs;
    bytes += SIZE.table + v.size * SIZE.entry;
    return new Set(v);
  }
  // An API object: immutable, shared by the copy.
  if ((v as Plain).metadata !== undefined) return v;
  const c: Plain = { ...(v as Plain) };
  costNs += COST.objectNs;
  bytes += SIZE.object;
  for (const k in c) {
    bytes += SIZE.field;
    const x = c[k];
    if (typeof x === 'object' && x !== null) c[k] = copyValue(x);
  }
  return c;
}

/**
 * A copy of `w` that shares its API objects and immutable records, and forks its SharedMaps and
 * SharedSets; what it cost by the model, and the forks it made (the copy's shared collections).
 */
export function cloneWorld(w: World): { world: World; cost: CopyCost; shared: SharedCollection[] } {
  recordArrays = new Set(recordContainers(w));
  costNs = 0;
  bytes = 0;
  sharedBytes = 0;
  forks = [];
  try {
    const world = copyValue(w) as World;
    return { world, cost: { ns: costNs, bytes, sharedBytes }, shared: forks };
  } finally {
    recordArrays = new Set();
    forks = [];
  }
}

/**
 * A copy of any part of the engine's state as a keyframe copies it: plain objects, arrays, Maps and Sets
 * copied, SharedMaps and SharedSets forked, API objects shared (tests of single components; a world is
 * copied with cloneWorld, which also shares its immutable records).
 */
export function copyState<T extends object>(v: T): T {
  try {
    return copyValue(v) as T;
  } finally {
    costNs = 0;
    bytes = 0;
    sharedBytes = 0;
    forks = [];
  }
}

/**
 * The heap held by the shards of these collections (keyframes' shared collections), each shard counted
 * once however many collections hold it, nested buckets included.
 */
export function heldSharedBytes(collections: readonly (readonly SharedCollection[])[]): number {
  const seen = new Set<object>();
  let n = 0;
  const visit = (c: SharedCollection): void => {
    for (const s of c.shardList()) {
      if (seen.has(s)) continue;
      seen.add(s);
      n += shardBytes(c, s);
      if (c instanceof SharedMap && c.holds === 'collections')
        for (const inner of (s as Map<string, SharedCollection>).values()) visit(inner);
    }
  };
  for (const list of collections) for (const c of list) visit(c);
  return n;
}

/** Restoring a keyframe whose copy cost `ns`, in replayed steps (R / s). */
export function restoreSteps(ns: number): number {
  return ns / COST.stepNs;
}

/** Steps from a keyframe of copy cost `ns` to the next one (I = R / s, clamped). */
export function keyframeSpacing(ns: number): number {
  return Math.min(SPACING.max, Math.max(SPACING.min, Math.round(restoreSteps(ns))));
}
