/**
 * SharedMap and SharedSet: a Map and a Set with string keys that a keyframe and the world restored from
 * it share shard by shard, copying a shard only when one of them first writes to it (copy on write).
 *
 * Why: a seek restores a keyframe by copying the world (timeline/keyframes.ts). With plain Maps that copy
 * was most of a seek in a big world: the server's objects, the indexer's items and index buckets and the
 * workqueue's sets hold ≈46,000 entries with 10,000 Foos, and `new Map(m)` of a 10,000-entry Map costs
 * 7–11 ms on the 2-vCPU machine of docs/PERFORMANCE.md (≈700 ns an entry; a Map of 100 entries copies at
 * ≈80 ns an entry). Here the entries live in small Maps (shards, at most SHARD_SIZE entries on average)
 * chosen by a hash of the key; `fork()` copies only the array of shard pointers, and afterwards neither
 * side owns any shard: the first write to a shard copies that shard (a few µs) and owns the copy.
 *
 * **Iteration order** is shard by shard, each shard in insertion order. It is a pure function of the
 * operations made since the collection was created (the same operations give the same order, in Node and
 * in the browser, on a fork and on the original), but it is not insertion order. Every caller that shows
 * or acts on an order sorts (the indexer's List, ListKeys and IndexKeys, the workqueue's dirty set in a
 * frame); the collections converted are those whose order never leaked into a trace.
 *
 * **Values** are of one of three kinds, fixed when the map is made (`holds`):
 * - `immutable` (API objects, numbers): shared as they are;
 * - `collections`: SharedMaps or SharedSets (the indexer's buckets), forked when their shard is copied;
 * - `arrays` of immutable records (the DeltaFIFO's deltas per key), sliced when their shard is copied.
 * The last two are changed in place, so they must be reached with `getOwned` before a change: a value
 * reached through an owned shard is always the owner's alone, while `get` may answer one a keyframe
 * holds too.
 *
 * Growth: the shard count doubles (every shard split in two by the next bit of the key's hash, each keeping
 * its relative order) when the average shard would hold more than SHARD_SIZE entries. A collection never
 * shrinks its shard count.
 */

/** What a SharedMap's values are (see the module comment). */
export type SharedValues = 'immutable' | 'collections' | 'arrays';

/** The average shard size above which the shard count doubles. */
export const SHARD_SIZE = 32;

/** FNV-1a with a final mix (the low bits pick the shard, so they must depend on every character). */
function hashKey(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) {
    h ^= k.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

type Shard = Map<string, unknown> | Set<string>;

/** What SharedMap and SharedSet have in common: the shards, who owns them, growth and forking. */
abstract class Sharded<S extends Shard> {
  protected shards: S[];
  /**
   * owned[i] = 1 when this collection alone holds shards[i] and may write to it. Private (#), so deep
   * equality (tests compare worlds) sees the entries, not who holds them.
   */
  #owned: Uint8Array;
  protected count = 0;

  protected constructor(shards: S[], owned: Uint8Array, count: number) {
    this.shards = shards;
    this.#owned = owned;
    this.count = count;
  }

  protected abstract emptyShard(): S;
  /** A copy of a shard this collection is about to write to (forks nested values). */
  protected abstract copyShard(s: S): S;
  /** Moves the entries of `from` to `lo` or `hi` by `bit` of their key's hash, in order. */
  protected abstract split(from: S, lo: S, hi: S, bit: number): void;

  get size(): number {
    return this.count;
  }

  protected shardOf(k: string): S {
    const n = this.shards.length;
    return this.shards[n === 1 ? 0 : hashKey(k) & (n - 1)]!;
  }

  /** The shard holding k, owned by this collection (copied first if it was shared). */
  protected writable(k: string): S {
    const n = this.shards.length;
    const i = n === 1 ? 0 : hashKey(k) & (n - 1);
    if (this.#owned[i] === 1) return this.shards[i]!;
    const c = this.copyShard(this.shards[i]!);
    this.shards[i] = c;
    this.#owned[i] = 1;
    return c;
  }

  /** After an entry was added: doubles the shard count once the average shard is over SHARD_SIZE. */
  protected added(): void {
    this.count++;
    const n = this.shards.length;
    if (this.count <= SHARD_SIZE * n) return;
    const next = new Array<S>(2 * n);
    for (let i = 0; i < n; i++) {
      const lo = this.emptyShard();
      const hi = this.emptyShard();
      this.split(this.shards[i]!, lo, hi, n);
      next[i] = lo;
      next[i + n] = hi;
    }
    this.shards = next;
    this.#owned = new Uint8Array(2 * n).fill(1);
  }

  /** Empties the collection (its shard count stays; every shard is new and owned). */
  clear(): void {
    for (let i = 0; i < this.shards.length; i++) this.shards[i] = this.emptyShard();
    this.#owned.fill(1);
    this.count = 0;
  }

  /**
   * Hands the shards to a copy (`make`); afterwards neither this collection nor the copy owns any, so
   * the first write on either side copies the shard it writes to. O(number of shards).
   */
  protected forkInto<T>(make: (shards: S[], owned: Uint8Array, count: number) => T): T {
    this.#owned.fill(0);
    return make(this.shards.slice(), new Uint8Array(this.shards.length), this.count);
  }

  /** The shards, for accounting (timeline.ts counts the heap keyframes hold); never write to them. */
  shardList(): readonly S[] {
    return this.shards;
  }

  /** Whether shard i was made by this collection since it was created or last forked (accounting). */
  ownsShard(i: number): boolean {
    return this.#owned[i] === 1;
  }
}

/** A Map with string keys, shared shard by shard with its forks (see the module comment). */
export class SharedMap<V> extends Sharded<Map<string, V>> {
  /** What the values are, and so what copying a shard does to them (see the module comment). */
  readonly holds: SharedValues;

  constructor(values: SharedValues = 'immutable', shards?: Map<string, V>[], owned?: Uint8Array, count = 0) {
    super(shards ?? [new Map()], owned ?? new Uint8Array(1).fill(1), count);
    this.holds = values;
  }

  protected emptyShard(): Map<string, V> {
    return new Map();
  }

  protected copyShard(s: Map<string, V>): Map<string, V> {
    const c = new Map(s);
    if (this.holds === 'collections')
      for (const [k, v] of c) c.set(k, (v as unknown as SharedCollection).fork() as V);
    else if (this.holds === 'arrays')
      for (const [k, v] of c) c.set(k, (v as unknown as unknown[]).slice() as V);
    return c;
  }

  protected split(from: Map<string, V>, lo: Map<string, V>, hi: Map<string, V>, bit: number): void {
    for (const [k, v] of from) (hashKey(k) & bit ? hi : lo).set(k, v);
  }

  get(k: string): V | undefined {
    return this.shardOf(k).get(k);
  }

  has(k: string): boolean {
    return this.shardOf(k).has(k);
  }

  /**
   * The value at k, to be changed in place: its shard is owned first (copied, with its values, if it was
   * shared). See the module comment.
   */
  getOwned(k: string): V | undefined {
    return this.writable(k).get(k);
  }

  set(k: string, v: V): this {
    const s = this.writable(k);
    const n = s.size;
    s.set(k, v);
    if (s.size !== n) this.added();
    return this;
  }

  delete(k: string): boolean {
    if (!this.shardOf(k).has(k)) return false;
    this.writable(k).delete(k);
    this.count--;
    return true;
  }

  forEach(fn: (v: V, k: string) => void): void {
    for (const s of this.shards) s.forEach(fn);
  }

  *keys(): Generator<string, void, undefined> {
    for (const s of this.shards) yield* s.keys();
  }

  *values(): Generator<V, void, undefined> {
    for (const s of this.shards) yield* s.values();
  }

  *entries(): Generator<[string, V], void, undefined> {
    for (const s of this.shards) yield* s.entries();
  }

  [Symbol.iterator](): Generator<[string, V], void, undefined> {
    return this.entries();
  }

  /** A copy sharing every shard (O(shards)); see Sharded.forkInto. */
  fork(): SharedMap<V> {
    return this.forkInto((shards, owned, count) => new SharedMap<V>(this.holds, shards, owned, count));
  }
}

/** A Set of strings, shared shard by shard with its forks (see the module comment). */
export class SharedSet extends Sharded<Set<string>> {
  constructor(shards?: Set<string>[], owned?: Uint8Array, count = 0) {
    super(shards ?? [new Set()], owned ?? new Uint8Array(1).fill(1), count);
  }

  protected emptyShard(): Set<string> {
    return new Set();
  }

  protected copyShard(s: Set<string>): Set<string> {
    return new Set(s);
  }

  protected split(from: Set<string>, lo: Set<string>, hi: Set<string>, bit: number): void {
    for (const k of from) (hashKey(k) & bit ? hi : lo).add(k);
  }

  has(k: string): boolean {
    return this.shardOf(k).has(k);
  }

  add(k: string): this {
    const s = this.writable(k);
    const n = s.size;
    s.add(k);
    if (s.size !== n) this.added();
    return this;
  }

  delete(k: string): boolean {
    if (!this.shardOf(k).has(k)) return false;
    this.writable(k).delete(k);
    this.count--;
    return true;
  }

  forEach(fn: (k: string) => void): void {
    for (const s of this.shards) for (const k of s) fn(k);
  }

  *keys(): Generator<string, void, undefined> {
    for (const s of this.shards) yield* s;
  }

  [Symbol.iterator](): Generator<string, void, undefined> {
    return this.keys();
  }

  /** A copy sharing every shard (O(shards)); see Sharded.forkInto. */
  fork(): SharedSet {
    return this.forkInto((shards, owned, count) => new SharedSet(shards, owned, count));
  }
}

/** Either collection (what keyframes fork and account for). */
export type SharedCollection = SharedMap<unknown> | SharedSet;

export function isSharedCollection(v: unknown): v is SharedCollection {
  return v instanceof SharedMap || v instanceof SharedSet;
}
