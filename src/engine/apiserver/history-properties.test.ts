/**
 * Property tests of the history window against recorded truth: random write sequences (both kinds,
 * few keys so collisions happen, finalizers, no-ops, stale updates, compactions, a small window).
 * - S8: for every N ≥ compactedRv, the exact list at N equals the snapshot recorded when N was current.
 * - S16: a watch from N replays exactly the recorded events of its kind after N; live fan-out equals the
 *   recorded events; S18 below the oldest event of the kind's own ring (S19), never because of etcd
 *   compaction (S35).
 * - S13: pagination returns every item exactly once, all pages at the first page's RV, though writes
 *   happen between pages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kind, KObject } from '../model/objects';
import {
  type ApiServerState,
  cacherOldest,
  type HistoryEvent,
  newApiServer,
  newDeploymentObject,
  newFooObject,
  serverCloseWatch,
  serverCompact,
  serverCreate,
  serverDelete,
  serverGet,
  serverList,
  serverObjects,
  serverObjectsAt,
  serverPatch,
  serverRemoveFinalizer,
  serverUpdate,
  serverWatch,
  type WatchEvent,
  type WriteResult,
} from './index';

const KINDS: readonly Kind[] = ['Foo', 'Deployment'];

type Op =
  | { t: 'create'; kind: Kind; ns: string; name: string; fin: boolean }
  | {
      t: 'spec' | 'status' | 'noop' | 'stale' | 'delete' | 'unfin' | 'label';
      kind: Kind;
      ns: string;
      name: string;
      n: number;
    }
  | { t: 'compact'; back: number };

function opArb(names: readonly string[]): fc.Arbitrary<Op> {
  const target = {
    kind: fc.constantFrom<Kind>(...KINDS),
    ns: fc.constantFrom('n1', 'n2'),
    name: fc.constantFrom(...names),
  };
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ t: fc.constant('create' as const), ...target, fin: fc.boolean() }) },
    {
      weight: 6,
      arbitrary: fc.record({
        t: fc.constantFrom(
          'spec' as const,
          'status' as const,
          'noop' as const,
          'stale' as const,
          'label' as const,
        ),
        ...target,
        n: fc.integer({ min: 0, max: 3 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constantFrom('delete' as const, 'unfin' as const),
        ...target,
        n: fc.constant(0),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('compact' as const), back: fc.integer({ min: 0, max: 8 }) }),
    },
  );
}

function template(kind: Kind, ns: string, name: string, fin: boolean): KObject {
  const m = { namespace: ns, name, finalizers: fin ? ['hold'] : [] };
  return kind === 'Foo'
    ? newFooObject(m, { deploymentName: `${name}-d`, replicas: 1 })
    : newDeploymentObject(m, { replicas: 1 });
}

/** Applies one op; returns the write result (null for compaction or an op on a missing object). */
function apply(s: ApiServerState, op: Op, now: number): WriteResult | null {
  if (op.t === 'compact') {
    serverCompact(s, s.revision - op.back);
    return null;
  }
  if (op.t === 'create') return serverCreate(s, template(op.kind, op.ns, op.name, op.fin), now);
  const cur = serverGet(s, op.kind, op.ns, op.name);
  switch (op.t) {
    case 'delete':
      return serverDelete(s, op.kind, op.ns, op.name, now);
    case 'unfin':
      return serverRemoveFinalizer(s, op.kind, op.ns, op.name, 'hold', now);
    case 'label':
      return serverPatch(
        s,
        op.kind,
        op.ns,
        op.name,
        { labels: { v: op.n === 0 ? null : String(op.n) } },
        now,
      );
  }
  if (!cur) return null;
  switch (op.t) {
    case 'spec':
      return serverUpdate(s, { ...cur, spec: { ...cur.spec, replicas: op.n } } as KObject, now);
    case 'status':
      return serverUpdate(s, { ...cur, status: { availableReplicas: op.n } } as KObject, now, {
        subresource: 'status',
      });
    case 'noop':
      return serverUpdate(s, cur, now);
    case 'stale':
      return serverUpdate(s, { ...cur, metadata: { ...cur.metadata, resourceVersion: '1' } } as KObject, now);
  }
}

interface Run {
  s: ApiServerState;
  /** snapshots[rev][kind]: the objects when `rev` was the current revision. */
  snapshots: Map<number, Record<Kind, KObject[]>>;
  events: HistoryEvent[];
  /** What a watch opened before the first write received, per kind. */
  received: Record<Kind, WatchEvent[]>;
}

function run(ops: readonly Op[], window: number, initialRevision: number): Run {
  const s = newApiServer({ historyWindow: window, now: 0, initialRevision });
  const snap = () => ({ Foo: serverObjects(s, 'Foo'), Deployment: serverObjects(s, 'Deployment') });
  const snapshots = new Map([[s.revision, snap()]]);
  const events: HistoryEvent[] = [];
  const received: Record<Kind, WatchEvent[]> = { Foo: [], Deployment: [] };
  const recorders = new Map<number, Kind>();
  for (const kind of KINDS) {
    const w = serverWatch(s, kind, { resourceVersion: '', allowWatchBookmarks: false, timeoutMs: 1e12 }, 0);
    if (w.code !== 200 || w.watchId === null) throw new Error('recorder watch failed');
    recorders.set(w.watchId, kind);
  }
  ops.forEach((op, i) => {
    const before = s.revision;
    const r = apply(s, op, i + 1);
    if (r === null) return;
    const ev = r.code === 200 || r.code === 201 ? r.event : null;
    if (ev === null) {
      expect(s.revision).toBe(before); // S4: no event, no revision
      expect(r.fanout).toEqual([]);
      return;
    }
    expect(s.revision).toBe(before + 1);
    expect(ev.rv).toBe(s.revision);
    events.push(ev);
    snapshots.set(s.revision, snap());
    for (const d of r.fanout) received[recorders.get(d.watchId)!].push(d.event);
  });
  return { s, snapshots, events, received };
}

const opsArb = fc.array(opArb(['a', 'b', 'c']), { maxLength: 60 });
const windowArb = fc.integer({ min: 1, max: 30 });
const startArb = fc.constantFrom(0, 100);

describe('etcd and watch-cache properties', () => {
  it('S8: the exact list at every N ≥ compactedRv equals the snapshot taken when N was current', () => {
    fc.assert(
      fc.property(opsArb, windowArb, startArb, (ops, window, start) => {
        const { s, snapshots } = run(ops, window, start);
        for (let n = Math.max(1, s.compactedRv); n <= s.revision; n++) {
          for (const kind of KINDS) {
            const expected = snapshots.get(n)![kind];
            const r = serverList(s, kind, { resourceVersion: String(n), limit: 1000 }, 0);
            if (r.code !== 200) throw new Error(`list at ${n}: ${r.message}`);
            expect(r.resourceVersion).toBe(String(n));
            expect(r.items).toEqual(expected);
            expect(serverObjectsAt(s, kind, n)).toEqual(expected);
          }
        }
        for (let n = 1; n < s.compactedRv && n < 10 + start; n++) {
          expect(serverList(s, 'Foo', { resourceVersion: String(n), limit: 5 }, 0)).toMatchObject({
            code: 410,
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('S16/S18: a watch from N replays exactly the recorded events after N; live fan-out equals them too', () => {
    fc.assert(
      fc.property(opsArb, windowArb, startArb, (ops, window, start) => {
        const { s, events, received } = run(ops, window, start);
        for (const kind of KINDS) expect(received[kind]).toEqual(events.filter((e) => e.kind === kind));
        // S18/S19, per kind: a watch from N ≥ oldest − 1 of the kind's own ring replays exactly the
        // kind's events after N, whatever etcd compacted (S35); below that it gets one ERROR 410.
        for (const kind of KINDS) {
          const m = cacherOldest(s.replicas[0]!.cachers[kind]) - 1;
          for (let n = 1; n <= s.revision; n++) {
            const w = serverWatch(s, kind, { resourceVersion: String(n), allowWatchBookmarks: false }, 0);
            if (n < m) {
              expect(w.code === 200 && w.initialEvents).toEqual([
                {
                  type: 'ERROR',
                  status: { code: 410, reason: 'Expired', message: `too old resource version: ${n} (${m})` },
                },
              ]);
              continue;
            }
            if (w.code !== 200 || w.watchId === null) throw new Error(`watch at ${n} refused`);
            expect(w.initialEvents).toEqual(events.filter((e) => e.kind === kind && e.rv > n));
            serverCloseWatch(s, w.watchId);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('S13: pagination returns every item exactly once at one RV, even with writes between pages', () => {
    const names = Array.from({ length: 12 }, (_, i) => `o${String(i).padStart(2, '0')}`);
    const writesArb = fc.array(
      opArb(names).filter((op) => op.t !== 'compact'),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.array(
          opArb(names).filter((op) => op.t !== 'compact'),
          { maxLength: 50 },
        ),
        fc.integer({ min: 1, max: 5 }),
        fc.array(writesArb, { maxLength: 30 }),
        fc.constantFrom<Kind>(...KINDS),
        (setup, limit, between, kind) => {
          const { s, snapshots } = run(setup, 10_000, 0);
          const expected = snapshots.get(s.revision)![kind];
          const seen: KObject[] = [];
          let r = serverList(s, kind, { resourceVersion: '', limit }, 0);
          const listRv = s.revision;
          let page = 0;
          for (;;) {
            if (r.code !== 200) throw new Error(r.message);
            expect(r.resourceVersion).toBe(String(listRv));
            expect(r.items.length).toBeLessThanOrEqual(limit);
            seen.push(...r.items);
            if (r.continue === undefined) break;
            for (const op of between[page++ % Math.max(1, between.length)] ?? []) apply(s, op, 1000 + page);
            r = serverList(s, kind, { resourceVersion: '', limit, continue: r.continue }, 0);
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
