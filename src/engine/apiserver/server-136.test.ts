/**
 * The [1.36] rows of spec §1.2 and §1A, server side: each case builds the same cluster on a 1.26 and a
 * 1.36 server (ServerConfig.version) and shows where they differ, or that the 1.36 rule holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLabelSelector } from '../model/label-selector';
import type { Foo, KObject } from '../model/objects';
import {
  type ApiServerState,
  CACHE_WAIT_MS,
  type ListResult,
  newApiServer,
  newDeploymentObject,
  newFooObject,
  replicaSetLag,
  serverCompact,
  serverCreate,
  serverDelete,
  serverDueBookmarks,
  serverList,
  serverListWaitUntil,
  serverStart,
  serverUpdate,
  serverWatch,
  serverWatchWaitUntil,
  type WatchResult,
  type WriteResult,
} from './index';
import { snapshotAt } from './snapshot';

const tierGold = (() => {
  const sel = parseLabelSelector('tier=gold');
  if ('error' in sel) throw new Error(sel.error);
  return sel;
})();

const A = 0;
const B = 1;

function ok(r: WriteResult): KObject {
  if (r.code !== 200 && r.code !== 201) throw new Error(`expected success, got ${r.code} ${r.message}`);
  return r.object;
}

function create(s: ApiServerState, name: string, now: number): Foo {
  return ok(
    serverCreate(s, newFooObject({ namespace: 'd', name }, { deploymentName: name, replicas: 1 }), now),
  ) as Foo;
}

function createDeployment(s: ApiServerState, name: string, now: number): void {
  ok(serverCreate(s, newDeploymentObject({ namespace: 'd', name }, { replicas: 1 }), now));
}

function listed(r: ListResult): { names: string[]; rv: string; servedBy: string; fallback: boolean } {
  if (r.code !== 200) throw new Error(`expected 200, got ${r.code} ${r.message}`);
  return {
    names: r.items.map((o) => o.metadata.name),
    rv: r.resourceVersion,
    servedBy: r.servedBy,
    fallback: r.fallback === true,
  };
}

/**
 * A quiet Foo: two Foos, then Deployment writes move etcd's revision past the Foo cache RV (no progress
 * notification yet: the 10 min etcd default).
 */
function quietFoo(version: '1.26' | '1.36', replicas = 1): ApiServerState {
  const s = newApiServer({ now: 0, version, progressNotifyMs: 600_000, replicas });
  create(s, 'a', 0);
  create(s, 'b', 10);
  createDeployment(s, 'x', 20);
  createDeployment(s, 'y', 30);
  return s;
}

/**
 * Drives a waiting request as the simulator does: look, wait until the time given, look again, until it
 * is to be answered. Returns the time it is answered.
 */
function waitOut(look: (now: number) => number | null, from: number): number {
  let now = from;
  for (let i = 0; i < 100; i++) {
    const next = look(now);
    if (next === null) return now;
    expect(next).toBeGreaterThan(now);
    now = next;
  }
  throw new Error('still waiting');
}

describe('S33 [1.36]: a cache that is not ready answers 429 with Retry-After (ResilientWatchCacheInitialization)', () => {
  function restarted(version: '1.26' | '1.36'): ApiServerState {
    const s = quietFoo(version);
    serverStart(s, 1_000, 120_000); // every cache lists etcd again, ready at 121 s
    return s;
  }

  it('WATCH: 429 "storage is (re)initializing", Retry-After = clamp(e^(0.06 × s unready), 1, 30), truncated', () => {
    const s = restarted('1.36');
    const at = (ms: number) => serverWatch(s, 'Foo', { resourceVersion: '0', allowWatchBookmarks: true }, ms);
    expect(at(1_000)).toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      message: 'storage is (re)initializing',
    });
    expect(at(1_000)).toMatchObject({ retryAfterSeconds: 1 });
    expect(at(21_000)).toMatchObject({ retryAfterSeconds: 3 }); // e^1.2 = 3.32
    expect(at(41_000)).toMatchObject({ retryAfterSeconds: 11 }); // e^2.4 = 11.02
    expect(at(61_000)).toMatchObject({ retryAfterSeconds: 30 }); // e^3.6 = 36.6, clamped
    expect(serverWatchWaitUntil(s, 'Foo', 1_000)).toBeNull(); // answered at once, never blocked
    expect(s.watches.size).toBe(0);
  });

  it('[1.26] the same WATCH blocks until the cache is ready instead', () => {
    const s = restarted('1.26');
    expect(serverWatchWaitUntil(s, 'Foo', 1_000)).toBe(121_000);
  });

  it('LIST: cache-served lists get 429; with a limit and no selector they go to etcd, as GETs do', () => {
    const s = restarted('1.36');
    const list = (rv: string, limit: number, sel = false): ListResult =>
      serverList(
        s,
        'Foo',
        { resourceVersion: rv, limit, ...(sel ? { labelSelector: tierGold } : {}) },
        2_000,
      );
    expect(list('0', 0).code).toBe(429);
    expect(list('', 0).code).toBe(429);
    expect(list('2', 0).code).toBe(429);
    expect(listed(list('0', 1))).toMatchObject({ names: ['a'], servedBy: 'etcd' });
    expect(list('0', 1, true).code).toBe(429); // a selector keeps it on the cache: 429
    expect(listed(list('', 500))).toMatchObject({ names: ['a', 'b'], servedBy: 'etcd', rv: '4' });
    expect(serverListWaitUntil(s, 'Foo', { resourceVersion: '2', limit: 0 }, 2_000, 2_000)).toBeNull();
  });
});

describe('S5 [1.36]: a consistent list (RV "") is served from the cache once it has reached etcd’s revision', () => {
  it('[1.26] reads etcd at its revision', () => {
    const s = quietFoo('1.26');
    expect(listed(serverList(s, 'Foo', { resourceVersion: '', limit: 0 }, 100))).toMatchObject({
      servedBy: 'etcd',
      rv: '4',
    });
  });

  it('[1.36] a quiet kind: the progress request 100 ms later pulls the cache RV up to etcd’s revision (S32), then the cache serves it', () => {
    const s = quietFoo('1.36');
    expect(s.replicas[A]!.cachers.Foo.rv).toBe(2);
    const opts = { resourceVersion: '', limit: 0 };
    const target = s.revision;
    const t = waitOut((now) => serverListWaitUntil(s, 'Foo', opts, now, 100, A, target), 100);
    expect(t).toBe(200);
    expect(s.replicas[A]!.cachers.Foo.rv).toBe(4);
    expect(listed(serverList(s, 'Foo', opts, t, A, target))).toEqual({
      names: ['a', 'b'],
      rv: '4',
      servedBy: 'cache',
      fallback: false,
    });
  });

  it('[1.36] a cache already at etcd’s revision answers at once; with a limit the first page comes from the cache', () => {
    const s = newApiServer({ now: 0, version: '1.36' });
    create(s, 'a', 0);
    create(s, 'b', 10);
    const opts = { resourceVersion: '', limit: 1 };
    expect(serverListWaitUntil(s, 'Foo', opts, 50, 50, A, s.revision)).toBeNull();
    const r = serverList(s, 'Foo', opts, 50, A, s.revision);
    expect(listed(r)).toMatchObject({ names: ['a'], rv: '2', servedBy: 'cache' });
    expect(r.code === 200 && r.continue).toBeTruthy();
  });

  it('[1.36] a replica whose cache cannot catch up in 3 s: the consistent list falls back to etcd, never 504 (S37, S39)', () => {
    const s = newApiServer({ now: 0, version: '1.36', progressNotifyMs: 0, replicas: 2 });
    create(s, 'a', 0);
    replicaSetLag(s.replicas[B]!, 5_000, 1_000_000);
    create(s, 'b', 1_000);
    const opts = { resourceVersion: '', limit: 0 };
    const target = s.revision;
    const t = waitOut((now) => serverListWaitUntil(s, 'Foo', opts, now, 1_010, B, target), 1_010);
    expect(t).toBe(1_010 + CACHE_WAIT_MS);
    expect(listed(serverList(s, 'Foo', opts, t, B, target))).toEqual({
      names: ['a', 'b'],
      rv: '2',
      servedBy: 'etcd',
      fallback: true,
    });
  });
});

describe('S24 [1.36]: a WatchList from "" waits for the cache to reach etcd’s revision first', () => {
  const watchList = { resourceVersion: '', allowWatchBookmarks: true, sendInitialEvents: true } as const;

  function endBookmark(r: WatchResult): number {
    if (r.code !== 200 || r.closed) throw new Error(`expected an open watch, got ${JSON.stringify(r)}`);
    const last = r.initialEvents.at(-1)!;
    if (last.type !== 'BOOKMARK' || !last.initialEventsEnd) throw new Error('no end bookmark');
    return last.rv;
  }

  it('a quiet kind: the end bookmark carries etcd’s revision at the request, not the older cache RV', () => {
    const s = quietFoo('1.36');
    const target = s.revision;
    const fresh = { rv: '', arrivedAt: 100, target };
    const t = waitOut((now) => serverWatchWaitUntil(s, 'Foo', now, A, fresh), 100);
    expect(t).toBe(200);
    expect(endBookmark(serverWatch(s, 'Foo', watchList, t, A, target))).toBe(4);
  });

  it('S37: a cache that stays below after 3 s gets the 504 as an ERROR event in a 200 stream', () => {
    const s = newApiServer({ now: 0, version: '1.36', progressNotifyMs: 0, replicas: 2 });
    create(s, 'a', 0);
    replicaSetLag(s.replicas[B]!, 5_000, 1_000_000);
    const b = create(s, 'b', 1_000);
    const opts = { ...watchList, resourceVersion: b.metadata.resourceVersion };
    const fresh = { rv: opts.resourceVersion, arrivedAt: 1_010 };
    const t = waitOut((now) => serverWatchWaitUntil(s, 'Foo', now, B, fresh), 1_010);
    expect(t).toBe(1_010 + CACHE_WAIT_MS);
    const r = serverWatch(s, 'Foo', opts, t, B);
    expect(r).toMatchObject({ code: 200, watchId: null, closed: true });
    expect(r.code === 200 && r.initialEvents[0]).toMatchObject({
      type: 'ERROR',
      status: { code: 504, reason: 'Timeout', message: 'Timeout: Too large resource version: 2, current: 1' },
    });
  });
});

describe('S23 [1.36]: bookmarks move after a consistent read pulled the cache forward', () => {
  function bookmarkAfterConsistentList(version: '1.26' | '1.36'): number[] {
    const s = quietFoo(version);
    const w = serverWatch(s, 'Foo', { resourceVersion: '2', allowWatchBookmarks: true }, 40);
    expect(w.code === 200 && w.watchId !== null).toBe(true);
    const opts = { resourceVersion: '', limit: 0 };
    const target = s.revision;
    const t = waitOut((now) => serverListWaitUntil(s, 'Foo', opts, now, 100, A, target), 100);
    serverList(s, 'Foo', opts, t, A, target);
    // The watch's first bookmark is due a minute after it opened (S23's cadence).
    return serverDueBookmarks(s, 60_040).map((d) => (d.event.type === 'BOOKMARK' ? d.event.rv : -1));
  }

  it('[1.36] the next bookmark carries the revision the consistent LIST pulled the quiet cache up to', () => {
    expect(bookmarkAfterConsistentList('1.36')).toEqual([4]);
  });

  it('[1.26] the LIST read etcd: the quiet cache stayed at its RV and the due bookmark has nothing newer to say', () => {
    expect(bookmarkAfterConsistentList('1.26')).toEqual([]);
  });
});

describe('S34 [1.36]: cache snapshots serve exact lists and continue pages', () => {
  /** Five Foos a..e written at 0..400 ms (RVs 1..5), then one scaled (RV 6) and one deleted (RV 7). */
  function busyFoo(version: '1.26' | '1.36', historyWindow: number | null = null): ApiServerState {
    const s = newApiServer({ now: 0, version, historyWindow, progressNotifyMs: 0 });
    for (const [i, n] of ['a', 'b', 'c', 'd', 'e'].entries()) create(s, n, i * 100);
    const a = s.stores.Foo.objects.get('d/a') as Foo;
    ok(serverUpdate(s, { ...a, spec: { ...a.spec, replicas: 3 } }, 500));
    ok(serverDelete(s, 'Foo', 'd', 'b', 600));
    return s;
  }

  it('an exact list at N (RV N + limit) comes from the newest snapshot ≤ N, with the state etcd had at N', () => {
    const modern = busyFoo('1.36');
    const classic = busyFoo('1.26');
    for (let n = 1; n <= 7; n++) {
      const opts = { resourceVersion: String(n), limit: 100 };
      const m = listed(serverList(modern, 'Foo', opts, 1_000));
      const c = listed(serverList(classic, 'Foo', opts, 1_000));
      expect(m.servedBy).toBe('snapshot');
      expect(c.servedBy).toBe('etcd');
      expect({ names: m.names, rv: m.rv }).toEqual({ names: c.names, rv: c.rv });
    }
  });

  it('a continue token outlives etcd’s compaction while the snapshot is kept: until the cache’s next 15 s compactor poll', () => {
    for (const version of ['1.26', '1.36'] as const) {
      const s = busyFoo(version);
      const first = serverList(s, 'Foo', { resourceVersion: '5', limit: 2 }, 1_000);
      if (first.code !== 200 || first.continue === undefined) throw new Error('expected a first page');
      serverCompact(s, 7, 2_000);
      const next = serverList(s, 'Foo', { resourceVersion: '', limit: 2, continue: first.continue }, 2_000);
      if (version === '1.26') {
        expect(next).toMatchObject({ code: 410, reason: 'Expired' });
        continue;
      }
      expect(listed(next)).toMatchObject({ names: ['c', 'd'], rv: '5', servedBy: 'snapshot' });
      // The compactor polls 15 s after the cache started (t = 0): at 15 s the snapshots below 7 go.
      const later = serverList(s, 'Foo', { resourceVersion: '', limit: 2, continue: first.continue }, 15_000);
      expect(later).toMatchObject({ code: 410, reason: 'Expired' });
    }
  });

  it('a full ring drops the snapshots older than its oldest event; a re-initialisation drops them all', () => {
    const s = busyFoo('1.36', 3); // the ring keeps RVs 5, 6, 7
    expect(listed(serverList(s, 'Foo', { resourceVersion: '5', limit: 100 }, 1_000)).servedBy).toBe(
      'snapshot',
    );
    expect(listed(serverList(s, 'Foo', { resourceVersion: '4', limit: 100 }, 1_000)).servedBy).toBe('etcd');
    serverStart(s, 2_000, 100);
    expect(listed(serverList(s, 'Foo', { resourceVersion: '6', limit: 100 }, 3_000)).servedBy).toBe('etcd');
    // The new list RV is the first snapshot.
    expect(listed(serverList(s, 'Foo', { resourceVersion: '7', limit: 100 }, 3_000)).servedBy).toBe(
      'snapshot',
    );
  });

  it('on random histories every snapshot read equals etcd’s state at that RV', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 2 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
        (ops, window) => {
          const s = newApiServer({ now: 0, version: '1.36', historyWindow: window, progressNotifyMs: 0 });
          let t = 0;
          for (const [name, op] of ops) {
            t += 10;
            const cur = s.stores.Foo.objects.get(`d/${name}`) as Foo | undefined;
            if (cur === undefined) create(s, name, t);
            else if (op === 0) ok(serverDelete(s, 'Foo', 'd', name, t));
            else ok(serverUpdate(s, { ...cur, spec: { ...cur.spec, replicas: cur.spec.replicas + 1 } }, t));
          }
          for (let n = 0; n <= s.revision; n++) {
            const r = serverList(s, 'Foo', { resourceVersion: String(n), limit: 1_000 }, t);
            if (r.code !== 200 || r.servedBy !== 'snapshot') continue;
            const want = snapshotAt(s, 'Foo', n)!;
            expect(r.items.map((o) => o.metadata.resourceVersion)).toEqual(
              want.objects.map((o) => o.metadata.resourceVersion),
            );
          }
        },
      ),
    );
  });
});

describe('§1.2 [1.36] rows, continued', () => {
  it('RV "" + limit: the first page from the cache at its RV, the next pages from its snapshot at that RV', () => {
    const s = quietFoo('1.36');
    create(s, 'c', 40);
    const opts = { resourceVersion: '', limit: 2 };
    const first = serverList(s, 'Foo', opts, 100, A, s.revision);
    expect(listed(first)).toMatchObject({ names: ['a', 'b'], rv: '5', servedBy: 'cache' });
    if (first.code !== 200 || first.continue === undefined) throw new Error('expected a continue token');
    create(s, 'b2', 150); // a write between the pages is not seen by them (S13)
    const next = serverList(s, 'Foo', { ...opts, continue: first.continue }, 200);
    expect(listed(next)).toMatchObject({ names: ['c'], rv: '5', servedBy: 'snapshot' });
  });

  it('RV N without limit on a quiet kind: [1.36] a progress request brings the cache to N in 100 ms; [1.26] 504 after 3 s', () => {
    for (const version of ['1.26', '1.36'] as const) {
      const s = quietFoo(version); // Foo cache at 2, etcd at 4
      const opts = { resourceVersion: '4', limit: 0 };
      const t = waitOut((now) => serverListWaitUntil(s, 'Foo', opts, now, 100, A), 100);
      const r = serverList(s, 'Foo', opts, t, A);
      if (version === '1.36') {
        expect(t).toBe(200);
        expect(listed(r)).toMatchObject({ names: ['a', 'b'], rv: '4', servedBy: 'cache' });
      } else {
        expect(t).toBe(100 + CACHE_WAIT_MS);
        expect(r).toMatchObject({ code: 504, reason: 'Timeout' });
      }
    }
  });
});
