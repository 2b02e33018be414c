import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedRng } from '../kernel/prng';
import type { Foo, KObject } from '../model/objects';
import { newDeltaFifo } from './delta-fifo';
import { newIndexer } from './indexer';
import type { Notification } from './process-deltas';
import { newReflector, type ReflectorTimer, reflectorOnListResponse, reflectorRun } from './reflector';
import {
  addListener,
  addListenerAfterStart,
  type ListenerState,
  listenerBuffer,
  listenerDelivered,
  listenerHasSynced,
  listenerNextKey,
  listenerPending,
  listenerTake,
  MINIMUM_RESYNC_PERIOD_MS,
  newProcessor,
  notificationKey,
  processorDistribute,
  processorShouldResync,
} from './shared-informer';

function foo(name: string, rv: string): Foo {
  return {
    kind: 'Foo',
    metadata: {
      namespace: 'default',
      name,
      uid: `uid-${name}`,
      resourceVersion: rv,
      generation: 1,
      creationTimestamp: 0,
      labels: {},
      ownerReferences: [],
      finalizers: [],
      deletionTimestamp: null,
    },
    spec: { deploymentName: '', replicas: 1 },
    status: { availableReplicas: 0 },
  };
}
const add = (name: string, rv: string, initial = false): Notification<KObject> => ({
  kind: 'add',
  obj: foo(name, rv),
  isInInitialList: initial,
});
const upd = (name: string, oldRv: string, newRv: string): Notification<KObject> => ({
  kind: 'update',
  old: foo(name, oldRv),
  new: foo(name, newRv),
});
/** A "sync" notification (SI3): old and new share a resourceVersion (resync, or a relist of an unchanged object). */
const sync = (name: string, rv: string) => upd(name, rv, rv);
const del = (name: string, rv: string): Notification<KObject> => ({ kind: 'delete', obj: foo(name, rv) });

function handlers(ls: readonly ListenerState[]): string[] {
  return ls.map((l) => l.handler);
}

describe('SI4: handler registration and resync periods', () => {
  it('SI4: periods below 1 s are raised to 1 s; 0 stays 0 (no resync)', () => {
    const p = newProcessor(30_000);
    const l = addListener(p, 'h', 10, 0);
    expect(l.resyncPeriodMs).toBe(MINIMUM_RESYNC_PERIOD_MS);
    expect(MINIMUM_RESYNC_PERIOD_MS).toBe(1000);
    expect(l.requestedResyncPeriodMs).toBe(10);
    const z = addListener(p, 'z', 0, 0);
    expect(z.resyncPeriodMs).toBe(0);
  });

  it('SI4: a smaller handler period lowers the check period; a larger one does not raise it', () => {
    const p = newProcessor(30_000);
    const a = addListener(p, 'a', 30_000, 0);
    expect(p.resyncCheckPeriodMs).toBe(30_000);
    const b = addListener(p, 'b', 45_000, 0);
    expect(b.resyncPeriodMs).toBe(45_000);
    expect(p.resyncCheckPeriodMs).toBe(30_000);
    const c = addListener(p, 'c', 5000, 0);
    expect(c.resyncPeriodMs).toBe(5000);
    expect(p.resyncCheckPeriodMs).toBe(5000);
    // the raised minimum lowers the check period too
    addListener(p, 'd', 200, 0);
    expect(p.resyncCheckPeriodMs).toBe(1000);
    // earlier listeners keep their own effective periods
    expect([a.resyncPeriodMs, b.resyncPeriodMs]).toEqual([30_000, 45_000]);
  });

  it('SI4: on an informer without resync (check period 0) a nonzero request becomes 0', () => {
    const p = newProcessor(0);
    const l = addListener(p, 'h', 5000, 0);
    expect(l.resyncPeriodMs).toBe(0);
    expect(p.resyncCheckPeriodMs).toBe(0);
  });

  it('SI3/SI4: a new listener is resyncing, has nothing pending, and is due one period after it was added', () => {
    const p = newProcessor(30_000);
    const l = addListener(p, 'h', 30_000, 2500);
    expect(l.isResyncing).toBe(true);
    expect(l.nextResync).toBe(32_500);
    expect(listenerPending(l)).toBe(0);
    expect(l.initialPending).toBe(0);
    const m = addListener(p, 'm', 30_000, 0);
    expect(m.id).not.toBe(l.id);
  });

  it('SI4: shouldResync marks exactly the due listeners (now ≥ nextResync) and re-arms them from now', () => {
    const p = newProcessor(5000);
    const a = addListener(p, 'a', 5000, 0);
    const b = addListener(p, 'b', 12_000, 0);
    const z = addListener(p, 'z', 0, 0);
    expect(processorShouldResync(p, 4999)).toBe(false);
    expect([a.isResyncing, b.isResyncing, z.isResyncing]).toEqual([false, false, false]);
    expect(processorShouldResync(p, 5000)).toBe(true);
    expect([a.isResyncing, b.isResyncing, z.isResyncing]).toEqual([true, false, false]);
    expect(a.nextResync).toBe(10_000);
    expect(processorShouldResync(p, 10_000)).toBe(true);
    expect([a.isResyncing, b.isResyncing]).toEqual([true, false]);
    // a late tick: b (due at 12 000) is re-armed from the tick, not from its old deadline
    expect(processorShouldResync(p, 15_500)).toBe(true);
    expect([a.isResyncing, b.isResyncing]).toEqual([true, true]);
    expect(b.nextResync).toBe(27_500);
    expect(a.nextResync).toBe(20_500);
    // a period-0 listener is never due
    expect(z.isResyncing).toBe(false);
  });
});

describe('SI3: sync notifications are filtered per listener', () => {
  it('SI3: before any check every listener is resyncing, so a sync update reaches all', () => {
    const p = newProcessor(5000);
    addListener(p, 'a', 5000, 0);
    addListener(p, 'b', 20_000, 0);
    expect(handlers(processorDistribute(p, sync('x', '3')))).toEqual(['a', 'b']);
  });

  it('SI3: after a check only due listeners get sync updates; adds, deletes and real updates reach everyone', () => {
    const p = newProcessor(5000);
    const a = addListener(p, 'a', 5000, 0);
    const b = addListener(p, 'b', 20_000, 0);
    processorShouldResync(p, 5000);
    expect(handlers(processorDistribute(p, sync('x', '3')))).toEqual(['a']);
    expect(handlers(processorDistribute(p, upd('x', '3', '4')))).toEqual(['a', 'b']);
    expect(handlers(processorDistribute(p, add('y', '5')))).toEqual(['a', 'b']);
    expect(handlers(processorDistribute(p, del('y', '6')))).toEqual(['a', 'b']);
    // the flags persist until the next check: a relist's same-RV update later still only reaches `a`
    expect(handlers(processorDistribute(p, sync('z', '9')))).toEqual(['a']);
    expect(listenerBuffer(a).length).toBe(5);
    expect(listenerBuffer(b).length).toBe(3);
    processorShouldResync(p, 9000);
    expect(processorDistribute(p, sync('z', '9'))).toEqual([]);
  });

  it('SI3: with no resync on the informer no check ever runs, so relist same-RV updates always reach handlers', () => {
    const p = newProcessor(0);
    const l = addListener(p, 'h', 0, 0);
    // The reflector's resync period is the check period (R17): 0 → no resync timer → shouldResync never runs.
    const timers: ReflectorTimer[] = [];
    const r = newReflector('Foo', 0, p.resyncCheckPeriodMs);
    const env = {
      now: 0,
      rng: seedRng(1),
      fifo: newDeltaFifo<KObject>({ emitReplaced: true }),
      indexer: newIndexer<KObject>(['namespace']),
      watchTimeout: { min: 300_000, max: 600_000 },
      pageSize: 500,
      sendList: () => {},
      sendWatch: () => {},
      setTimer: (_ms: number, t: ReflectorTimer) => {
        timers.push(t);
      },
      shouldResync: () => processorShouldResync(p, 0),
      fifoChanged: () => {},
      emit: () => {},
    };
    reflectorRun(r, env);
    reflectorOnListResponse(r, env, { code: 200, items: [foo('x', '3')], resourceVersion: '3' }, r.epoch);
    expect(timers).toEqual([]);
    for (let i = 0; i < 50; i++) expect(processorDistribute(p, sync('x', '3'))).toEqual([l]);
    expect(l.isResyncing).toBe(true);
  });

  it('SI3 (v0.26): a resync-0 listener next to one with a period loses sync updates after the first check', () => {
    const p = newProcessor(10_000);
    const zero = addListener(p, 'zero', 0, 0);
    const ten = addListener(p, 'ten', 10_000, 0);
    expect(handlers(processorDistribute(p, sync('x', '3')))).toEqual(['zero', 'ten']);
    processorShouldResync(p, 10_000);
    expect(zero.isResyncing).toBe(false);
    expect(ten.isResyncing).toBe(true);
    expect(handlers(processorDistribute(p, sync('x', '3')))).toEqual(['ten']);
  });
});

describe('SI5: per-listener buffers', () => {
  it('SI5: take returns notifications in order and undefined when empty', () => {
    const p = newProcessor(0);
    const l = addListener(p, 'h', 0, 0);
    expect(listenerTake(l)).toBeUndefined();
    const ns = [add('a', '1'), upd('a', '1', '2'), del('a', '3')];
    for (const n of ns) processorDistribute(p, n);
    expect(listenerPending(l)).toBe(3);
    expect([listenerTake(l), listenerTake(l), listenerTake(l)]).toEqual(ns);
    expect(listenerTake(l)).toBeUndefined();
    expect(listenerPending(l)).toBe(0);
  });

  it('SI5: order is kept over many items with interleaved takes (compaction), and memory stays bounded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (rounds) => {
          const p = newProcessor(0);
          const l = addListener(p, 'h', 0, 0);
          let pushed = 0;
          let taken = 0;
          let ok = true;
          for (const [nPush, nTake] of rounds) {
            for (let i = 0; i < nPush; i++) processorDistribute(p, add(`o${pushed}`, String(++pushed)));
            for (let i = 0; i < nTake; i++) {
              const n = listenerTake(l);
              if (taken === pushed) {
                ok &&= n === undefined;
                break;
              }
              taken++;
              ok &&= n?.kind === 'add' && n.obj.metadata.resourceVersion === String(taken);
              // the consumed prefix never exceeds max(64, half the array)
              ok &&= l.head <= 64 || l.head * 2 <= l.buffer.length;
            }
            ok &&= listenerPending(l) === pushed - taken;
            const rest = listenerBuffer(l);
            for (let i = 0; i < rest.length; i++) {
              const n = rest[i]!;
              ok &&= n.kind === 'add' && n.obj.metadata.resourceVersion === String(taken + i + 1);
            }
            ok &&= rest.length === pushed - taken;
          }
          expect(ok).toBe(true);
        },
      ),
      { seed: 505, numRuns: 100 },
    );
  });

  it('each buffered notification keeps its object key beside it, through takes and compaction (listenerNextKey)', () => {
    // The informer passes the key it popped (processorDistribute's third argument); without it the key
    // is built from the notification. Either way the next key is that of the next notification taken.
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 150 }),
            fc.integer({ min: 0, max: 150 }),
            fc.boolean(),
            fc.constantFrom('add', 'upd', 'del'),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (rounds) => {
          const p = newProcessor(0);
          const l = addListener(p, 'h', 0, 0);
          let pushed = 0;
          for (const [nPush, nTake, passKey, kind] of rounds) {
            for (let i = 0; i < nPush; i++) {
              const name = `o${pushed++}`;
              const n =
                kind === 'add' ? add(name, '1') : kind === 'upd' ? upd(name, '1', '2') : del(name, '1');
              if (passKey) processorDistribute(p, n, `default/${name}`);
              else processorDistribute(p, n);
            }
            for (let i = 0; i < nTake; i++) {
              const key = listenerNextKey(l);
              const n = listenerTake(l);
              if (n === undefined) {
                expect(key).toBeUndefined();
                break;
              }
              expect(key).toBe(notificationKey(n));
              const obj = n.kind === 'update' ? n.new : n.obj;
              expect(key).toBe(`default/${'metadata' in obj ? obj.metadata.name : ''}`);
            }
            expect(l.keys.length).toBe(l.buffer.length);
          }
        },
      ),
      { seed: 808, numRuns: 100 },
    );
  });

  it('SI3/SI5: several listeners with random periods each see, in order, exactly what a naive model delivers', () => {
    type Op =
      | { op: 'dist'; kind: 'add' | 'upd' | 'sync' | 'del' }
      | { op: 'check'; advance: number }
      | { op: 'take'; who: number; n: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('dist' as const), kind: fc.constantFrom('add', 'upd', 'sync', 'del') }),
      fc.record({ op: fc.constant('check' as const), advance: fc.integer({ min: 0, max: 20_000 }) }),
      fc.record({ op: fc.constant('take' as const), who: fc.nat(3), n: fc.integer({ min: 1, max: 5 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 500, 1000, 3000, 7000), { minLength: 1, maxLength: 4 }),
        fc.array(opArb, { maxLength: 120 }),
        (periods, ops) => {
          const p = newProcessor(10_000);
          const ls = periods.map((per, i) => addListener(p, `h${i}`, per, 0));
          // naive model
          const period: number[] = periods.map((per) => (per > 0 && per < 1000 ? 1000 : per));
          const next: number[] = period.map((per) => per);
          const flag = periods.map(() => true);
          const queues: Notification<KObject>[][] = periods.map(() => []);
          let now = 0;
          let rv = 0;
          for (const o of ops) {
            if (o.op === 'dist') {
              rv++;
              const n =
                o.kind === 'add'
                  ? add('x', String(rv))
                  : o.kind === 'upd'
                    ? upd('x', String(rv - 1), String(rv))
                    : o.kind === 'sync'
                      ? sync('x', String(rv))
                      : del('x', String(rv));
              const got = processorDistribute(p, n);
              const want = ls.filter((_, i) => o.kind !== 'sync' || flag[i]);
              expect(got).toEqual(want);
              ls.forEach((_, i) => {
                if (o.kind !== 'sync' || flag[i]) queues[i]!.push(n);
              });
            } else if (o.op === 'check') {
              now += o.advance;
              let any = false;
              period.forEach((per, i) => {
                flag[i] = per !== 0 && now >= next[i]!;
                if (flag[i]) {
                  any = true;
                  next[i] = now + per;
                }
              });
              expect(processorShouldResync(p, now)).toBe(any);
            } else {
              const i = o.who % ls.length;
              for (let k = 0; k < o.n; k++) expect(listenerTake(ls[i]!)).toBe(queues[i]!.shift());
            }
          }
          ls.forEach((l, i) => {
            expect(listenerBuffer(l)).toEqual(queues[i]);
          });
        },
      ),
      { seed: 77, numRuns: 200 },
    );
  });
});

describe('SI9: initial-list adds per registration', () => {
  it('SI9: initialPending counts initial-list adds sent and not yet run', () => {
    const p = newProcessor(5000);
    const a = addListener(p, 'a', 5000, 0);
    const b = addListener(p, 'b', 20_000, 0);
    processorShouldResync(p, 5000); // `b` is not resyncing now; adds are never filtered anyway
    processorDistribute(p, add('x', '1', true));
    processorDistribute(p, add('y', '2', true));
    processorDistribute(p, add('z', '3', false));
    processorDistribute(p, upd('x', '1', '4'));
    processorDistribute(p, sync('y', '2'));
    processorDistribute(p, del('z', '5'));
    expect([a.initialPending, b.initialPending]).toEqual([2, 2]);
    const run = (l: ListenerState) => {
      const n = listenerTake(l)!;
      listenerDelivered(l, n);
      return n;
    };
    run(a);
    expect(a.initialPending).toBe(1);
    // taken but not yet run: still pending
    const n = listenerTake(a)!;
    expect(a.initialPending).toBe(1);
    listenerDelivered(a, n);
    expect(a.initialPending).toBe(0);
    // later notifications do not change it, and it never goes negative
    while (listenerPending(a) > 0) run(a);
    expect(a.initialPending).toBe(0);
    expect(a.delivered).toBe(6);
    expect(b.initialPending).toBe(2);
    expect(b.delivered).toBe(0);
    listenerDelivered(a, add('q', '9', true));
    expect(a.initialPending).toBe(0);
  });
});

describe('SI4/SI8/SI9: a handler added after start', () => {
  it('SI4: after start a period below the check period is raised to it (not lowering it); 0 check → 0', () => {
    const p = newProcessor(30_000);
    addListener(p, 'a', 30_000, 0);
    expect(addListenerAfterStart(p, 'b', 5000, 100, []).resyncPeriodMs).toBe(30_000);
    expect(addListenerAfterStart(p, 'c', 10, 100, []).resyncPeriodMs).toBe(30_000);
    expect(addListenerAfterStart(p, 'd', 60_000, 100, []).resyncPeriodMs).toBe(60_000);
    expect(addListenerAfterStart(p, 'e', 0, 100, []).resyncPeriodMs).toBe(0);
    expect(p.resyncCheckPeriodMs).toBe(30_000);
    const q = newProcessor(0);
    expect(addListenerAfterStart(q, 'f', 5000, 0, []).resyncPeriodMs).toBe(0);
  });

  it('SI8/SI9: it gets one initial-list add per cached object; its registration syncs once they all ran', () => {
    const p = newProcessor(0);
    const first = addListener(p, 'first', 0, 0);
    const cached = [foo('a', '1'), foo('b', '2')];
    const l = addListenerAfterStart(p, 'late', 0, 500, cached);
    expect(p.listeners).toEqual([first, l]);
    expect(l.id).not.toBe(first.id);
    expect(l.isResyncing).toBe(true);
    expect(listenerBuffer(l)).toEqual(cached.map((obj) => ({ kind: 'add', obj, isInInitialList: true })));
    expect(l.initialPending).toBe(2);
    // later notifications queue behind the initial adds
    processorDistribute(p, upd('a', '1', '3'));
    expect(listenerHasSynced(l, true)).toBe(false);
    listenerDelivered(l, listenerTake(l)!);
    expect(listenerHasSynced(l, true)).toBe(false);
    listenerDelivered(l, listenerTake(l)!);
    expect(listenerHasSynced(l, true)).toBe(true);
    expect(listenerHasSynced(l, false)).toBe(false);
    expect(listenerTake(l)).toEqual(upd('a', '1', '3'));
  });
});
