import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyState } from '../../timeline/keyframes';
import { wqSnapshot } from './delaying';
import { wqMetrics } from './metrics';
import {
  newWorkqueue,
  type WorkqueueState,
  wqAdd,
  wqDone,
  wqGet,
  wqIsDraining,
  wqLen,
  wqShutDown,
  wqShutDownWithDrain,
  wqShuttingDown,
} from './queue';

function fresh(): WorkqueueState {
  return newWorkqueue({ name: 'test', limiter: null, now: 0 });
}

function getItem(q: WorkqueueState, now = 0): string {
  const r = wqGet(q, now);
  if (!('item' in r)) throw new Error(`expected an item, got ${JSON.stringify(r)}`);
  return r.item;
}

describe('basic queue (queue.go)', () => {
  it('W1: Add dedups a dirty item and keeps its position', () => {
    const q = fresh();
    expect(wqAdd(q, 'a', 0)).toBe('queued');
    expect(wqAdd(q, 'b', 0)).toBe('queued');
    expect(wqAdd(q, 'a', 0)).toBe('already-dirty');
    expect(wqSnapshot(q).queue).toEqual(['a', 'b']);
    expect(wqLen(q)).toBe(2);
  });

  it('W1: Add of a processing item marks it dirty but does not queue it', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    expect(getItem(q)).toBe('a');
    expect(wqAdd(q, 'a', 0)).toBe('dirty-while-processing');
    expect(wqSnapshot(q)).toMatchObject({ queue: [], dirty: ['a'], processing: ['a'] });
    expect(wqAdd(q, 'a', 0)).toBe('already-dirty');
  });

  it('W1/W5: Add is ignored once shutting down', () => {
    const q = fresh();
    wqShutDown(q);
    expect(wqAdd(q, 'a', 0)).toBe('shutting-down');
    expect(wqSnapshot(q)).toMatchObject({ queue: [], dirty: [] });
  });

  it('W2: Get pops in FIFO order, moves the item to processing and out of dirty', () => {
    const q = fresh();
    for (const k of ['c', 'a', 'b']) wqAdd(q, k, 0);
    expect(getItem(q)).toBe('c');
    expect(wqSnapshot(q)).toMatchObject({ queue: ['a', 'b'], dirty: ['a', 'b'], processing: ['c'] });
    expect(getItem(q)).toBe('a');
    expect(getItem(q)).toBe('b');
    expect(wqGet(q, 0)).toEqual({ empty: true });
  });

  it('W2: after ShutDown, Get still hands out the queued items, then reports shutdown', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqAdd(q, 'b', 0);
    wqShutDown(q);
    expect(wqGet(q, 0)).toEqual({ item: 'a' });
    expect(wqGet(q, 0)).toEqual({ item: 'b' });
    expect(wqGet(q, 0)).toEqual({ shutdown: true });
    expect(wqGet(q, 0)).toEqual({ shutdown: true });
  });

  it('W3: Done re-queues an item re-added during processing at the tail', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    getItem(q);
    wqAdd(q, 'b', 0);
    wqAdd(q, 'a', 0);
    expect(wqDone(q, 'a', 0)).toBe('requeued');
    expect(wqSnapshot(q)).toMatchObject({ queue: ['b', 'a'], processing: [] });
  });

  it('W3: Done of an item that was not re-added just ends its processing', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    getItem(q);
    expect(wqDone(q, 'a', 0)).toBe('done');
    expect(wqSnapshot(q)).toMatchObject({ queue: [], dirty: [], processing: [] });
    expect(wqDone(q, 'zz', 0)).toBe('done'); // unknown item: nothing happens
    expect(wqLen(q)).toBe(0);
  });

  it('W3: Done of a queued-not-processing item appends it again, as the real code does', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    expect(wqDone(q, 'a', 0)).toBe('requeued');
    expect(wqSnapshot(q)).toMatchObject({ queue: ['a', 'a'], dirty: ['a'], processing: [] });
    expect(wqLen(q)).toBe(2);
    expect(getItem(q)).toBe('a');
    expect(getItem(q)).toBe('a');
    expect(wqSnapshot(q)).toMatchObject({ queue: [], dirty: [], processing: ['a'] });
  });

  it('W4: Len counts only the queue slice (not processing, not dirty-while-processing)', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqAdd(q, 'b', 0);
    getItem(q);
    wqAdd(q, 'a', 0);
    expect(wqLen(q)).toBe(1);
    expect(q.dirty.size).toBe(2);
  });

  it('W5: ShutDown sets ShuttingDown; ShutDownWithDrain waits for processing items; ShutDown cancels the drain', () => {
    const q = fresh();
    expect(wqShuttingDown(q)).toBe(false);
    wqAdd(q, 'a', 0);
    getItem(q);
    wqShutDownWithDrain(q);
    expect(wqShuttingDown(q)).toBe(true);
    expect(wqIsDraining(q)).toBe(true);
    wqDone(q, 'a', 0);
    expect(wqIsDraining(q)).toBe(false);

    const q2 = fresh();
    wqAdd(q2, 'a', 0);
    getItem(q2);
    wqShutDownWithDrain(q2);
    wqShutDown(q2);
    expect(wqIsDraining(q2)).toBe(false);
  });

  it('T4: three more updates while d/a is processing still give exactly one extra pass', () => {
    const q = fresh();
    wqAdd(q, 'd/a', 0);
    expect(getItem(q)).toBe('d/a');
    expect(wqAdd(q, 'd/a', 1)).toBe('dirty-while-processing');
    expect(wqLen(q)).toBe(0);
    for (let i = 0; i < 3; i++) expect(wqAdd(q, 'd/a', 2 + i)).toBe('already-dirty');
    expect(wqLen(q)).toBe(0);
    expect(wqDone(q, 'd/a', 10)).toBe('requeued');
    expect(wqLen(q)).toBe(1);
    expect(getItem(q, 11)).toBe('d/a');
    expect(wqDone(q, 'd/a', 12)).toBe('done');
    expect(wqGet(q, 13)).toEqual({ empty: true });
    expect(wqMetrics(q, 13).addsTotal).toBe(2);
  });

  it('keeps FIFO order across many pops (head index and compaction)', () => {
    const q = fresh();
    const model: string[] = [];
    let next = 0;
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 150; i++) {
        const k = `k${next++}`;
        wqAdd(q, k, 0);
        model.push(k);
      }
      for (let i = 0; i < 100; i++) {
        const k = getItem(q);
        expect(k).toBe(model.shift());
        wqDone(q, k, 0);
      }
      expect(wqLen(q)).toBe(model.length);
    }
    expect(q.head).toBeLessThan(q.queue.length); // the consumed prefix was compacted away
    expect(q.queue.length).toBeLessThan(2 * model.length + 1024);
    expect(wqSnapshot(q).queue).toEqual(model);
  });

  it('a copy of the state (as a keyframe copies it) carries on exactly like the original', () => {
    const q = fresh();
    for (const k of ['a', 'b', 'c']) wqAdd(q, k, 0);
    getItem(q);
    wqAdd(q, 'a', 1);
    const c = copyState(q);
    for (const s of [q, c]) {
      wqDone(s, 'a', 2);
      getItem(s, 3);
    }
    expect(c).toEqual(q);
    expect(wqSnapshot(c)).toEqual(wqSnapshot(q));
  });
});

// ---------------------------------------------------------------------------------------------------
// Fuzz 1: arbitrary operations (misuse included) against a naive transcription of queue.go.

class NaiveQueue {
  queue: string[] = [];
  dirty = new Set<string>();
  processing = new Set<string>();
  shuttingDown = false;
  depth = 0;
  adds = 0;
  add(x: string): void {
    if (this.shuttingDown || this.dirty.has(x)) return;
    this.adds++;
    this.depth++;
    this.dirty.add(x);
    if (this.processing.has(x)) return;
    this.queue.push(x);
  }
  get(): string | 'EMPTY' | 'SHUTDOWN' {
    const x = this.queue.shift();
    if (x === undefined) return this.shuttingDown ? 'SHUTDOWN' : 'EMPTY';
    this.depth--;
    this.processing.add(x);
    this.dirty.delete(x);
    return x;
  }
  done(x: string): void {
    this.processing.delete(x);
    if (this.dirty.has(x)) this.queue.push(x);
  }
}

const KEYS = ['a', 'b', 'c', 'd'];
type AnyOp = { t: 'add' | 'done'; k: string } | { t: 'get' } | { t: 'shutdown' };
const anyOp: fc.Arbitrary<AnyOp> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('add' as const), k: fc.constantFrom(...KEYS) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('done' as const), k: fc.constantFrom(...KEYS) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('get' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('shutdown' as const) }) },
);

describe('W1–W4 fuzz against a naive model of queue.go', () => {
  it('agrees on every Get, Len, snapshot and the depth/adds metrics', () => {
    fc.assert(
      fc.property(fc.array(anyOp, { maxLength: 80 }), (ops) => {
        const q = fresh();
        const m = new NaiveQueue();
        ops.forEach((op, now) => {
          switch (op.t) {
            case 'add':
              wqAdd(q, op.k, now);
              m.add(op.k);
              break;
            case 'done':
              wqDone(q, op.k, now);
              m.done(op.k);
              break;
            case 'get': {
              const r = wqGet(q, now);
              const e = m.get();
              const got = 'item' in r ? r.item : 'empty' in r ? 'EMPTY' : 'SHUTDOWN';
              expect(got).toBe(e);
              break;
            }
            case 'shutdown':
              wqShutDown(q);
              m.shuttingDown = true;
              break;
          }
          expect(wqLen(q)).toBe(m.queue.length);
          const s = wqSnapshot(q);
          expect(s.queue).toEqual(m.queue);
          expect(s.dirty).toEqual([...m.dirty].sort());
          expect(s.processing).toEqual([...m.processing].sort());
          const met = wqMetrics(q, now);
          expect(met.depth).toBe(m.depth);
          expect(met.addsTotal).toBe(m.adds);
        });
      }),
      { seed: 20260401, numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Fuzz 2: well-behaved workers (Done only what they hold): the W3 guarantees.

type WorkerOp = { t: 'add'; k: string } | { t: 'get' | 'done'; w: number };
const workerOp: fc.Arbitrary<WorkerOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('add' as const), k: fc.constantFrom(...KEYS) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('get' as const), w: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('done' as const), w: fc.integer({ min: 0, max: 2 }) }) },
);

function checkWorkers(ops: WorkerOp[]): void {
  const q = fresh();
  const held: (string | null)[] = [null, null, null];
  /** Per key: an add arrived since the key's last Get (it must get one more pass). */
  const owed = new Set<string>();
  /** Per key: number of passes still allowed (1 if owed, else 0) — no duplicate passes. */
  const step = (op: WorkerOp) => {
    if (op.t === 'add') {
      wqAdd(q, op.k, 0);
      owed.add(op.k);
    } else if (op.t === 'get') {
      if (held[op.w] !== null) return;
      const r = wqGet(q, 0);
      if (!('item' in r)) {
        expect(wqLen(q)).toBe(0);
        return;
      }
      // Never two holders of one item, and never a pass nobody asked for.
      expect(held).not.toContain(r.item);
      expect(owed.has(r.item)).toBe(true);
      owed.delete(r.item);
      held[op.w] = r.item;
    } else {
      const k = held[op.w];
      if (k === null || k === undefined) return;
      wqDone(q, k, 0);
      held[op.w] = null;
    }
    // Structural invariants of well-behaved use.
    const s = wqSnapshot(q);
    expect(new Set(s.queue).size).toBe(s.queue.length);
    for (const k of s.queue) {
      expect(q.dirty.has(k)).toBe(true);
      expect(q.processing.has(k)).toBe(false);
    }
    for (const k of q.dirty) expect(s.queue.includes(k) || q.processing.has(k)).toBe(true);
    expect([...q.dirty].sort()).toEqual([...owed].sort());
  };
  for (const op of ops) step(op);
  // Drain: every owed pass happens exactly once; nothing is lost.
  for (let w = 0; w < held.length; w++) step({ t: 'done', w });
  for (let guard = 0; guard < 100 && (wqLen(q) > 0 || owed.size > 0); guard++) {
    step({ t: 'get', w: 0 });
    step({ t: 'done', w: 0 });
  }
  expect(owed.size).toBe(0);
  expect(wqGet(q, 0)).toEqual({ empty: true });
}

describe('W3 guarantees with well-behaved workers (fuzz)', () => {
  it('never two holders of one item; an add during processing yields exactly one more pass', () => {
    fc.assert(
      fc.property(fc.array(workerOp, { maxLength: 100 }), (ops) => checkWorkers(ops)),
      { seed: 424242, numRuns: 300 },
    );
  });

  it('pinned regression: add during processing from two workers', () => {
    checkWorkers([
      { t: 'add', k: 'a' },
      { t: 'get', w: 0 },
      { t: 'add', k: 'a' },
      { t: 'get', w: 1 },
      { t: 'add', k: 'a' },
      { t: 'done', w: 0 },
      { t: 'get', w: 1 },
      { t: 'get', w: 2 },
    ]);
  });
});
