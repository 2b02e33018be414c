import { describe, expect, it } from 'vitest';
import type { Foo, KObject } from '../model/objects';
import {
  type ApiServerState,
  newApiServer,
  newDeploymentObject,
  newFooObject,
  serverCloseWatch,
  serverCompact,
  serverCreate,
  serverDueBookmarks,
  serverExpiredWatches,
  serverGetWatch,
  serverHistory,
  serverNextWatchTimer,
  serverUpdate,
  serverWatch,
  serverWatchError,
  type WatchEvent,
  type WatchResult,
  type WriteResult,
} from './index';

function ok(r: WriteResult): KObject {
  if (r.code !== 200 && r.code !== 201) throw new Error(`expected success, got ${r.code} ${r.message}`);
  return r.object;
}

function opened(r: WatchResult): { id: number; events: readonly WatchEvent[] } {
  if (r.code !== 200 || r.watchId === null) throw new Error(`watch not opened: ${JSON.stringify(r)}`);
  return { id: r.watchId, events: r.initialEvents };
}

function fooObj(name: string): Foo {
  return newFooObject({ namespace: 'd', name }, { deploymentName: name, replicas: 1 });
}

function summary(evs: readonly WatchEvent[]): string[] {
  return evs.map((e) =>
    e.type === 'ERROR' ? `ERROR ${e.status.code}` : `${e.type} ${e.object.metadata.name}@${e.rv}`,
  );
}

function world(): ApiServerState {
  const s = newApiServer({ historyWindow: 100, now: 0 });
  const a = ok(serverCreate(s, fooObj('a'), 0)) as Foo; // 1
  ok(serverCreate(s, newDeploymentObject({ namespace: 'd', name: 'x' }, { replicas: 1 }), 0)); // 2
  ok(serverCreate(s, fooObj('b'), 0)); // 3
  ok(serverUpdate(s, { ...a, spec: { ...a.spec, replicas: 2 } }, 0)); // 4
  return s;
}

describe('WATCH', () => {
  it('S16: RV N replays only this kind’s history events with rv > N, in order', () => {
    const s = world();
    expect(
      summary(opened(serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 0)).events),
    ).toEqual(['ADDED b@3', 'MODIFIED a@4']);
    expect(
      summary(
        opened(serverWatch(s, 'Deployment', { resourceVersion: '1', allowWatchBookmarks: false }, 0)).events,
      ),
    ).toEqual(['ADDED x@2']);
    expect(
      opened(serverWatch(s, 'Foo', { resourceVersion: '4', allowWatchBookmarks: false }, 0)).events,
    ).toEqual([]);
  });

  it('S17: RV "" and "0" send synthetic ADDED events for the current state, then live events only', () => {
    const s = world();
    for (const rv of ['', '0']) {
      const w = opened(serverWatch(s, 'Foo', { resourceVersion: rv, allowWatchBookmarks: false }, 0));
      expect(summary(w.events)).toEqual(['ADDED a@4', 'ADDED b@3']);
      expect(serverGetWatch(s, w.id)?.startRv).toBe(4);
      // sendInitialEvents=false: start at the most recent revision without the state.
      const bare = opened(
        serverWatch(
          s,
          'Foo',
          { resourceVersion: rv, allowWatchBookmarks: false, sendInitialEvents: false },
          0,
        ),
      );
      expect(bare.events).toEqual([]);
      expect(serverGetWatch(s, bare.id)?.startRv).toBe(4);
    }
    const live = serverCreate(s, fooObj('c'), 1);
    expect(live.fanout).toHaveLength(4);
  });

  it('S18: a too-old RV gets one ERROR event (410 Expired, "too old resource version: N (M)") and no watch', () => {
    // Each kind has its own ring (S19); Foo's holds 2 events: revisions 3 and 4 (2 was a Deployment).
    const s = newApiServer({ historyWindow: 2, now: 0 });
    const a = ok(serverCreate(s, fooObj('a'), 0)) as Foo; // 1
    ok(serverCreate(s, newDeploymentObject({ namespace: 'd', name: 'x' }, { replicas: 1 }), 0)); // 2
    ok(serverCreate(s, fooObj('b'), 0)); // 3
    ok(serverUpdate(s, { ...a, spec: { ...a.spec, replicas: 2 } }, 0)); // 4
    const r = serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: true }, 0);
    expect(r).toEqual({
      code: 200,
      watchId: null,
      closed: true,
      initialEvents: [
        {
          type: 'ERROR',
          status: { code: 410, reason: 'Expired', message: 'too old resource version: 1 (2)' },
        },
      ],
    });
    expect(s.watches.size).toBe(0);
    // N = oldest − 1 is servable.
    expect(
      summary(opened(serverWatch(s, 'Foo', { resourceVersion: '2', allowWatchBookmarks: false }, 0)).events),
    ).toEqual(['ADDED b@3', 'MODIFIED a@4']);
  });

  it('S18/S19: only the kind’s own events fill its ring; other kinds’ writes never make a watch too old', () => {
    const s = newApiServer({ historyWindow: 2, now: 0 });
    ok(serverCreate(s, fooObj('a'), 0)); // 1
    for (let i = 0; i < 20; i++)
      ok(serverCreate(s, newDeploymentObject({ namespace: 'd', name: `x${i}` }, { replicas: 1 }), 0));
    // Without per-kind rings (one ring for all kinds) this watch from 1 would be 410.
    expect(
      summary(opened(serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 0)).events),
    ).toEqual([]);
    expect(serverHistory(s, 'Foo').map((e) => e.rv)).toEqual([1]);
    expect(serverHistory(s, 'Deployment').map((e) => e.rv)).toEqual([20, 21]);
  });

  it('S35: etcd compaction does not expire watches served by the watch cache', () => {
    const s = world();
    serverCompact(s, 4);
    expect(
      summary(opened(serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 0)).events),
    ).toEqual(['ADDED b@3', 'MODIFIED a@4']);
  });

  it('S20: a future RV registers and waits; live events above it arrive', () => {
    const s = world();
    const w = opened(
      serverWatch(s, 'Foo', { resourceVersion: '6', allowWatchBookmarks: true, timeoutMs: 1e6 }, 0),
    );
    expect(w.events).toEqual([]);
    expect(ok(serverCreate(s, fooObj('c'), 1)).metadata.resourceVersion).toBe('5');
    expect(serverDueBookmarks(s, 60_000)).toEqual([]); // nothing above the floor yet
    const r7 = serverCreate(s, fooObj('e'), 2); // 6: not > 6
    expect(r7.fanout).toEqual([]);
    const r8 = serverCreate(s, fooObj('f'), 3); // 7
    expect(r8.fanout.map((d) => d.watchId)).toEqual([w.id]);
  });

  it('live fan-out goes to every open watch of the kind, in opening order; closed watches get nothing', () => {
    const s = world();
    const w1 = opened(
      serverWatch(s, 'Foo', { resourceVersion: '4', allowWatchBookmarks: false, timeoutMs: 1e6 }, 0),
    );
    const w2 = opened(
      serverWatch(s, 'Foo', { resourceVersion: '', allowWatchBookmarks: false, timeoutMs: 1e6 }, 0),
    );
    opened(
      serverWatch(s, 'Deployment', { resourceVersion: '4', allowWatchBookmarks: false, timeoutMs: 1e6 }, 0),
    );
    expect(serverCreate(s, fooObj('c'), 1).fanout.map((d) => d.watchId)).toEqual([w1.id, w2.id]);
    expect(serverCloseWatch(s, w1.id)).toBe(true);
    expect(serverCloseWatch(s, w1.id)).toBe(false);
    expect(serverCreate(s, fooObj('e'), 2).fanout.map((d) => d.watchId)).toEqual([w2.id]);
  });

  it('S22: a watch ends at its deadline without an ERROR and receives nothing after it', () => {
    const s = world();
    const w = opened(
      serverWatch(s, 'Foo', { resourceVersion: '4', allowWatchBookmarks: false, timeoutMs: 5000 }, 1000),
    );
    expect(serverNextWatchTimer(s)).toBe(6000);
    expect(serverExpiredWatches(s, 5999)).toEqual([]);
    expect(serverCreate(s, fooObj('c'), 6000).fanout).toEqual([]);
    expect(serverExpiredWatches(s, 6000)).toEqual([{ watchId: w.id, kind: 'Foo' }]);
    expect(s.watches.size).toBe(0);
    expect(serverNextWatchTimer(s)).toBeNull();
  });

  it('S23: bookmarks every minute and 2 s before the deadline, carrying the kind’s cache RV', () => {
    const s = world(); // revision 4; progress notifications every 5 s (kubeadm)
    const w = opened(
      serverWatch(s, 'Foo', { resourceVersion: '4', allowWatchBookmarks: true, timeoutMs: 300_000 }, 0),
    );
    const quiet = opened(
      serverWatch(s, 'Foo', { resourceVersion: '4', allowWatchBookmarks: false, timeoutMs: 300_000 }, 0),
    );
    expect(serverNextWatchTimer(s)).toBe(60_000);
    // Nothing written since the watch started: due, but no bookmark (its RV would not be above the floor).
    expect(serverDueBookmarks(s, 60_000)).toEqual([]);
    expect(serverGetWatch(s, w.id)?.nextBookmarkAt).toBe(120_000);
    // Only Deployments change: the Foo cache RV moves with etcd's progress notifications (S32), every 5 s.
    ok(serverCreate(s, newDeploymentObject({ namespace: 'd', name: 'y' }, { replicas: 1 }), 70_000)); // 5
    expect(serverDueBookmarks(s, 119_999)).toEqual([]);
    const b = serverDueBookmarks(s, 120_000);
    expect(b).toHaveLength(1);
    expect(b[0]!.watchId).toBe(w.id);
    const ev = b[0]!.event;
    if (ev.type !== 'BOOKMARK') throw new Error();
    expect(ev.rv).toBe(5);
    expect(ev.initialEventsEnd).toBe(false);
    // An empty object of the kind with only metadata.resourceVersion.
    expect(ev.object.kind).toBe('Foo');
    expect(ev.object.metadata).toMatchObject({ name: '', namespace: '', uid: '', resourceVersion: '5' });
    ok(serverCreate(s, newDeploymentObject({ namespace: 'd', name: 'z' }, { replicas: 1 }), 130_000)); // 6
    expect(serverDueBookmarks(s, 180_000).map((d) => d.event.type === 'BOOKMARK' && d.event.rv)).toEqual([6]);
    // cache_watcher.go process: a bookmark is compared with the watch's floor (4), not with the last RV
    // sent, so the same RV may come again.
    expect(serverDueBookmarks(s, 240_000).map((d) => d.event.type === 'BOOKMARK' && d.event.rv)).toEqual([6]);
    // The next one is pulled in to 2 s before the deadline, and then no more.
    expect(serverGetWatch(s, w.id)?.nextBookmarkAt).toBe(298_000);
    expect(serverDueBookmarks(s, 298_000)).toHaveLength(1);
    expect(serverGetWatch(s, w.id)?.nextBookmarkAt).toBeNull();
    expect(serverNextWatchTimer(s)).toBe(300_000);
    expect(serverExpiredWatches(s, 300_000).map((x) => x.watchId)).toEqual([w.id, quiet.id]);
  });

  it('S23/S32 (point 3): bookmarks carry the kind’s cache RV; with etcd’s 10 min progress interval a quiet kind’s bookmarks stand still', () => {
    const s = newApiServer({ now: 0, progressNotifyMs: 600_000 });
    ok(serverCreate(s, fooObj('a'), 0)); // 1
    const w = opened(
      serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: true, timeoutMs: 3_600_000 }, 0),
    );
    ok(serverCreate(s, newDeploymentObject({ namespace: 'd', name: 'y' }, { replicas: 1 }), 1_000)); // 2
    // The global revision is 2, but the Foo cache RV is still 1: no bookmark (it would not be above 1).
    expect(serverDueBookmarks(s, 60_000)).toEqual([]);
    expect(serverDueBookmarks(s, 540_000)).toEqual([]);
    // The first progress notification (600 s) moves the Foo cache RV to 2; the next due bookmark has it.
    const b = serverDueBookmarks(s, 600_000);
    expect(b.map((d) => d.watchId === w.id && d.event.type === 'BOOKMARK' && d.event.rv)).toEqual([2]);
  });

  it('S24: sendInitialEvents sends ADDED for the state then a BOOKMARK marked initial-events-end', () => {
    const s = world();
    const w = opened(
      serverWatch(
        s,
        'Foo',
        { resourceVersion: '', allowWatchBookmarks: true, sendInitialEvents: true, timeoutMs: 1e6 },
        0,
      ),
    );
    expect(summary(w.events)).toEqual(['ADDED a@4', 'ADDED b@3', 'BOOKMARK @4']);
    const last = w.events[2]!;
    expect(last.type === 'BOOKMARK' && last.initialEventsEnd).toBe(true);
    expect(
      serverWatch(s, 'Foo', { resourceVersion: '9', allowWatchBookmarks: true, sendInitialEvents: true }, 0),
    ).toMatchObject({
      code: 504,
    });
  });

  it('serverWatchError ends a watch with one ERROR event (410 or 500)', () => {
    const s = world();
    const w = opened(serverWatch(s, 'Foo', { resourceVersion: '4', allowWatchBookmarks: false }, 0));
    expect(serverWatchError(s, w.id, 410)).toEqual({
      type: 'ERROR',
      status: {
        code: 410,
        reason: 'Expired',
        message: 'The resourceVersion for the provided watch is too old.',
      },
    });
    expect(serverWatchError(s, w.id, 500)).toBeNull();
    const w2 = opened(serverWatch(s, 'Foo', { resourceVersion: '4', allowWatchBookmarks: false }, 0));
    expect(serverWatchError(s, w2.id, 500)?.status).toMatchObject({ code: 500, reason: 'InternalError' });
    expect(s.watches.size).toBe(0);
  });

  it('rejects a malformed resourceVersion with 400', () => {
    const s = world();
    expect(serverWatch(s, 'Foo', { resourceVersion: '-1', allowWatchBookmarks: false }, 0)).toMatchObject({
      code: 400,
    });
  });
});

describe('S24: the WatchList feature gate', () => {
  it('off: a watch carrying sendInitialEvents is refused as validateWatchOptions refuses it (422 Invalid)', () => {
    const s = newApiServer({ now: 0, watchList: false });
    const r = serverWatch(
      s,
      'Foo',
      { resourceVersion: '', allowWatchBookmarks: true, sendInitialEvents: true },
      0,
    );
    expect(r).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message:
        'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled',
    });
    expect(s.watches.size).toBe(0);
    // A plain watch is not touched by the gate.
    expect(opened(serverWatch(s, 'Foo', { resourceVersion: '0', allowWatchBookmarks: true }, 0)).id).toBe(1);
  });

  it('on (the default): the same request opens a WatchList stream ending in the initial-events-end bookmark', () => {
    const s = newApiServer({ now: 0 });
    const r = opened(
      serverWatch(s, 'Foo', { resourceVersion: '', allowWatchBookmarks: true, sendInitialEvents: true }, 0),
    );
    expect(r.events.at(-1)).toMatchObject({ type: 'BOOKMARK', initialEventsEnd: true });
  });
});
