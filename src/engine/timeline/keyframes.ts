/**
 * Keyframes: how a world is copied, what a copy costs and how far apart the timeline keeps them.
 *
 * **The copy.** A keyframe must stay as it was while the cursor world it was restored into runs on, so
 * a restore copies it. `structuredClone` copies everything, the API objects included, and that was the
 * whole cost of a seek in a big world (≈130 ms for 10,000 Foos on the 2-vCPU machine of
 * docs/PERFORMANCE.md). API objects are immutable values (model/objects.ts: every write makes a new
 * object, the C7 mutation mistake included), so `cloneWorld` shares them and copies only what
 * changes: every Map, Set, array and plain object, keeping their insertion order. Two things make that
 * exact, and `keyframes.test.ts` checks both on many worlds: the world is plain data (objects, arrays,
 * Map and Set, primitives; Map keys and Set elements are primitives), and no mutable object is reachable
 * twice inside a world, so copying each occurrence keeps the same shape (structuredClone preserves
 * aliasing; there is none to preserve besides the shared API objects, which stay shared). An object is
 * an API object when it has `metadata`; nothing else in the world has that field. Copies are made with
 * object spread and `slice`, which give them the hidden classes of the originals, so code optimised on
 * the cursor world does not deoptimise on a restored one (the cold-seek effect docs/PERFORMANCE.md
 * described for structuredClone).
 *
 * **The cost model.** A seek to step t restores the last keyframe at or before t (cost R, the copy) and
 * replays the steps after it (cost s per step): R + d·s for a keyframe d steps before t. R grows with
 * the world: a Map or Set entry costs ≈150 ns to copy on that machine (most of R), an object ≈35 ns,
 * an array slot ≈3 ns; `cloneWorld` adds these up as it copies, so every keyframe knows its restore
 * cost in ns without timing anything (deterministic). A replayed step costs s ≈ 6 µs (the `default`,
 * `heavy` and browser-bench scenarios measure 2–10 µs a step, with no clear growth with the world's size:
 * most steps touch one key). Both constants are in COST below.
 *
 * **The spacing.** After a keyframe of restore cost R the next one comes I = R / s steps later, so
 * replaying a whole interval costs as much as one restore: a seek costs at most 2R (1.5R on average),
 * taking keyframes adds at most one copy per I steps (at most doubling the cost of computing new steps),
 * and the heap held per step, keyframe bytes / I, is about the same for every world size (both grow
 * with the number of entries). I is clamped to [MIN, MAX]: below MIN a small world would keyframe every
 * few dozen steps (the `default` world's R ≈ 0.1 ms gives I ≈ 20, and a 1,000,000-step timeline would
 * hold ≈50,000 keyframes); above MAX a replay of the interval alone takes too long for a frame.
 * With 10,000 Foos R ≈ 10–15 ms, which puts I at MAX; with 1,000 Foos R ≈ 1.5 ms, I ≈ 250.
 */
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

/** What copying a world cost by the model (COST) and what the copy holds (SIZE). */
export interface CopyCost {
  readonly ns: number;
  readonly bytes: number;
}

let costNs = 0;
let bytes = 0;
/** The containers of immutable records in the world being copied (recordContainers). */
let recordArrays: ReadonlySet<object> = new Set();
let recordMaps: ReadonlySet<object> = new Set();

type Plain = Record<string, unknown>;

/**
 * The world's containers of immutable records, whose elements a copy may share like API objects: their
 * types are readonly all the way down and nothing replaces a field of one once it is made
 * (keyframes.test.ts freezes them and runs on). `arrays` hold records (a RealFIFO's items and the take
 * being processed among them); `maps` map keys to arrays of records (the DeltaFIFO's items: each key's
 * deltas). They hold most of a small world's objects.
 */
export function recordContainers(w: World): { arrays: object[]; maps: object[] } {
  const arrays: object[] = [w.server.requests.buf];
  for (const k of KINDS) arrays.push(w.server.logs[k]);
  for (const r of w.server.replicas) {
    arrays.push(r.feed);
    for (const k of KINDS) arrays.push(r.cachers[k].ring.buf);
  }
  const maps: object[] = [];
  for (const lane of [w.lanes.Foo, w.lanes.Deployment]) {
    if (lane.era === 'classic') maps.push(lane.fifo.items);
    else {
      // The RealFIFO's deltas and the take being processed are immutable delta records (real-fifo.ts).
      arrays.push(lane.fifo.items);
      if (lane.processing !== null) arrays.push(lane.processing.deltas);
    }
    for (const l of lane.processor.listeners) arrays.push(l.buffer);
  }
  return { arrays, maps };
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
  if (recordMaps.has(m)) {
    m.forEach((x, k) => {
      const records = (x as unknown[]).slice();
      costNs += COST.arrayNs + records.length * COST.slotNs;
      bytes += SIZE.array + records.length * SIZE.slot;
      c.set(k, records);
    });
    return c;
  }
  m.forEach((x, k) => {
    if (typeof x === 'object' && x !== null && (x as Plain).metadata === undefined) c.set(k, copyValue(x));
  });
  return c;
}

function copyValue(v: object): object {
  if (Array.isArray(v)) return copyArray(v);
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

/** A copy of `w` that shares its API objects and immutable records, and what it cost by the model. */
export function cloneWorld(w: World): { world: World; cost: CopyCost } {
  const rc = recordContainers(w);
  recordArrays = new Set(rc.arrays);
  recordMaps = new Set(rc.maps);
  costNs = 0;
  bytes = 0;
  try {
    const world = copyValue(w) as World;
    return { world, cost: { ns: costNs, bytes } };
  } finally {
    recordArrays = new Set();
    recordMaps = new Set();
  }
}

/** Restoring a keyframe whose copy cost `ns`, in replayed steps (R / s). */
export function restoreSteps(ns: number): number {
  return ns / COST.stepNs;
}

/** Steps from a keyframe of copy cost `ns` to the next one (I = R / s, clamped). */
export function keyframeSpacing(ns: number): number {
  return Math.min(SPACING.max, Math.max(SPACING.min, Math.round(restoreSteps(ns))));
}
