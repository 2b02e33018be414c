/**
 * The modern reflector (reflector-modern.ts, watch-list.ts) against a hand-driven environment, by spec
 * rule: R19/R20 (the watch-list request, the temporary store, the end bookmark, the stream kept as the
 * watch), R21 (retries at once from "" after Expired, backoff after a refusal or 429, a fresh attempt after
 * an early close, LIST then WATCH for anything else and for a very short stream; every relist tries the
 * watch-list again), R10 as of 1.36 (ADDED on a watch from "0" does not move lastSyncResourceVersion until
 * a non-ADDED event; bookmarks become Bookmark deltas), R1/R2/R14 (one backoff manager for everything),
 * R12, R16/F4 (SyncAll), and F6's UnlockWhileProcessing from the producer's side. The v0.36.3 informer
 * vectors cover the rest end to end (conformance/vectors-v0.36/informer).
 */
import { describe, expect, it } from 'vitest';
import { seedRng } from '../kernel/prng';
import type { MessageId } from '../model/messages';
import type { Foo, KObject } from '../model/objects';
import {
  newRealFifo,
  type RealDelta,
  realFifoDeltas,
  realFifoFinish,
  realFifoLen,
  realFifoTake,
} from './real-fifo';
import {
  type ModernReflectorEnv,
  type ModernReflectorState,
  type ModernReflectorTimer,
  modernReflectorOnListResponse,
  modernReflectorOnTimer,
  modernReflectorOnWatchClosed,
  modernReflectorOnWatchEvent,
  modernReflectorOnWatchOpened,
  modernReflectorRun,
  newModernReflector,
} from './reflector-modern';
import type { ApiError, ClientWatchEvent, ListRequest, ListResponse, WatchRequest } from './reflector-types';

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

interface H {
  r: ModernReflectorState;
  env: ModernReflectorEnv;
  clock: { now: number };
  lists: Array<{ req: ListRequest; epoch: number }>;
  watches: Array<{ req: WatchRequest; epoch: number }>;
  timers: Array<{ at: number; delayMs: number; timer: ModernReflectorTimer; epoch: number }>;
  /** Outbound calls in order: "list:<rv>", "watch-list:<rv>", "watch:<rv>", "timer:<kind>". */
  calls: string[];
  messages: MessageId[];
  resyncAnswer: boolean;
}

function harness(opts: { resyncMs?: number; useWatchList?: boolean } = {}): H {
  const h = {
    clock: { now: 0 },
    lists: [],
    watches: [],
    timers: [],
    calls: [],
    messages: [],
    resyncAnswer: true,
    r: newModernReflector('Foo', 0, opts.resyncMs ?? 0, opts.useWatchList ?? true),
  } as unknown as H;
  h.env = {
    get now() {
      return h.clock.now;
    },
    rng: seedRng(1),
    fifo: newRealFifo<KObject>(),
    watchTimeout: { min: 300_000, max: 600_000 },
    pageSize: 500,
    sendList: (req, epoch) => {
      h.lists.push({ req, epoch });
      h.calls.push(`list:${req.resourceVersion}`);
    },
    sendWatch: (req, epoch) => {
      h.watches.push({ req, epoch });
      h.calls.push(`${req.sendInitialEvents ? 'watch-list' : 'watch'}:${req.resourceVersion}`);
    },
    setTimer: (delayMs, timer, epoch) => {
      h.timers.push({ at: h.clock.now + delayMs, delayMs, timer, epoch });
      h.calls.push(`timer:${timer}`);
    },
    shouldResync: () => h.resyncAnswer,
    fifoChanged: () => {},
    emit: (_c, _a, message) => {
      h.messages.push(message);
    },
  };
  return h;
}

function last<T>(xs: readonly T[]): T {
  if (xs.length === 0) throw new Error('nothing recorded');
  return xs[xs.length - 1]!;
}
function open(h: H, sid: number | ApiError): void {
  modernReflectorOnWatchOpened(
    h.r,
    h.env,
    typeof sid === 'number' ? { streamId: sid } : sid,
    last(h.watches).epoch,
  );
}
function ev(h: H, sid: number, e: ClientWatchEvent): boolean {
  return modernReflectorOnWatchEvent(h.r, h.env, sid, e);
}
function listOk(h: H, items: KObject[], rv: string): void {
  const resp: ListResponse = { code: 200, items, resourceVersion: rv };
  modernReflectorOnListResponse(h.r, h.env, resp, last(h.lists).epoch);
}
function fire(h: H, kind: ModernReflectorTimer): boolean {
  const t = [...h.timers].reverse().find((x) => x.timer === kind);
  if (t === undefined) throw new Error(`no ${kind} timer`);
  h.clock.now = Math.max(h.clock.now, t.at);
  return modernReflectorOnTimer(h.r, h.env, t.timer, t.epoch);
}
const added = (o: KObject): ClientWatchEvent => ({ type: 'ADDED', object: o });
const modified = (o: KObject): ClientWatchEvent => ({ type: 'MODIFIED', object: o });
const deleted = (o: KObject): ClientWatchEvent => ({ type: 'DELETED', object: o });
const bookmark = (rv: string): ClientWatchEvent => ({ type: 'BOOKMARK', object: null, resourceVersion: rv });
const endBookmark = (rv: string): ClientWatchEvent => ({ ...bookmark(rv), initialEventsEnd: true });
const errorEvent = (code: number, reason: string): ClientWatchEvent => ({
  type: 'ERROR',
  object: null,
  status: { code, reason, message: 'boom' },
});

function show(d: RealDelta<KObject>): string {
  switch (d.type) {
    case 'ReplacedAll':
      return `ReplacedAll@${d.rv}[${d.objs.map((o) => `${o.metadata.name}:${o.metadata.resourceVersion}`).join(',')}]`;
    case 'SyncAll':
      return 'SyncAll';
    case 'Bookmark':
      return `Bookmark@${d.rv}`;
    default:
      return `${d.type}:${'metadata' in d.obj ? `${d.obj.metadata.name}:${d.obj.metadata.resourceVersion}` : '~'}`;
  }
}
const queued = (h: H) => realFifoDeltas(h.env.fifo).map(show);

/** Run, stream a and b, end bookmark at 6: the stream (1) is now the watch. */
function synced(opts: Parameters<typeof harness>[0] = {}): H {
  const h = harness(opts);
  modernReflectorRun(h.r, h.env);
  open(h, 1);
  ev(h, 1, added(foo('a', '3')));
  ev(h, 1, added(foo('b', '5')));
  ev(h, 1, endBookmark('6'));
  return h;
}

describe('R19/R20: the watch-list request and its initial events', () => {
  it('streams into a temporary store, hands it over as one ReplacedAll at the end bookmark, keeps the stream', () => {
    const h = harness();
    modernReflectorRun(h.r, h.env);
    const req = last(h.watches).req;
    expect(req).toMatchObject({
      resourceVersion: '',
      sendInitialEvents: true,
      resourceVersionMatch: 'NotOlderThan',
      allowWatchBookmarks: true,
    });
    expect(req.timeoutMs % 1000).toBe(0);
    expect(req.timeoutMs).toBeGreaterThanOrEqual(300_000);
    expect(req.timeoutMs).toBeLessThan(600_000);
    open(h, 1);
    ev(h, 1, added(foo('b', '5')));
    ev(h, 1, added(foo('a', '3')));
    ev(h, 1, bookmark('5')); // a bookmark before the end one reaches no store
    expect(realFifoLen(h.env.fifo)).toBe(0);
    expect(h.r.lastSyncResourceVersion).toBe('');
    ev(h, 1, endBookmark('6'));
    expect(queued(h)).toEqual(['ReplacedAll@6[a:3,b:5]']);
    expect(h.r.lastSyncResourceVersion).toBe('6');
    expect(h.r.phase).toBe('watching');
    // The same stream goes on as the watch: no second request, and its events reach the FIFO at once.
    ev(h, 1, added(foo('c', '8')));
    expect(h.calls).toEqual(['watch-list:']);
    expect(queued(h)).toEqual(['ReplacedAll@6[a:3,b:5]', 'Added:c:8']);
    // R10: a handed-over stream propagates RVs from its start, ADDED included.
    expect(h.r.lastSyncResourceVersion).toBe('8');
    expect(h.messages).toContain('reflector.initial-events-end');
    expect(h.messages).toContain('reflector.replace-all');
  });

  it('R20: MODIFIED and DELETED during the initial events change the temporary store, not the FIFO', () => {
    const h = harness();
    modernReflectorRun(h.r, h.env);
    open(h, 1);
    ev(h, 1, added(foo('a', '3')));
    ev(h, 1, added(foo('b', '4')));
    ev(h, 1, modified(foo('a', '7')));
    ev(h, 1, deleted(foo('b', '8')));
    expect(realFifoLen(h.env.fifo)).toBe(0);
    ev(h, 1, endBookmark('8'));
    expect(queued(h)).toEqual(['ReplacedAll@8[a:7]']);
  });
});

describe('R21: when the watch-list request fails', () => {
  it('a server that refuses it (422): LIST in the same ListAndWatch, then a plain watch; every relist tries it again', () => {
    const h = harness();
    modernReflectorRun(h.r, h.env);
    open(h, { code: 422, reason: 'Invalid', message: 'sendInitialEvents is forbidden' });
    expect(h.messages).toContain('reflector.watch-list-failed');
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '0', limit: 500 });
    listOk(h, [foo('a', '2')], '4');
    expect(queued(h)).toEqual(['ReplacedAll@4[a:2]']);
    expect(last(h.watches).req.sendInitialEvents).toBeUndefined();
    open(h, 2);
    ev(h, 2, errorEvent(500, 'InternalError'));
    expect(h.r.phase).toBe('backoff-relist');
    fire(h, 'relist');
    expect(h.calls).toEqual(['watch-list:', 'list:0', 'watch:4', 'timer:relist', 'watch-list:4']);
  });

  it('Expired (an answer or an ERROR event): at once, no backoff, from ""; success clears the mark', () => {
    const h = synced();
    ev(h, 1, errorEvent(410, 'Expired'));
    fire(h, 'relist');
    open(h, { code: 410, reason: 'Expired', message: 'too old resource version' });
    expect(h.r.isLastSyncResourceVersionUnavailable).toBe(true);
    open(h, 2);
    ev(h, 2, errorEvent(410, 'Expired'));
    open(h, 3);
    ev(h, 3, endBookmark('9'));
    expect(h.calls).toEqual(['watch-list:', 'timer:relist', 'watch-list:6', 'watch-list:', 'watch-list:']);
    expect(h.r.isLastSyncResourceVersionUnavailable).toBe(false);
    expect(h.r.lastSyncResourceVersion).toBe('9');
  });

  it('"Too large resource version" (504) is handled like Expired', () => {
    const h = synced();
    ev(h, 1, errorEvent(410, 'Expired'));
    fire(h, 'relist');
    open(h, { code: 504, reason: 'Timeout', message: 'Timeout: Too large resource version: 9, current: 5' });
    expect(last(h.watches).req.resourceVersion).toBe('');
  });

  it('R1/R2/R14: a refused connection or 429 backs off with the one manager, then tries the watch-list again', () => {
    const h = harness();
    modernReflectorRun(h.r, h.env);
    open(h, { code: 0, reason: 'ConnectionRefused', message: 'connection refused' });
    const first = last(h.timers);
    expect(first.timer).toBe('watch-list');
    expect(first.delayMs).toBeGreaterThanOrEqual(800);
    expect(first.delayMs).toBeLessThan(1600);
    fire(h, 'watch-list');
    open(h, 1);
    ev(h, 1, errorEvent(429, 'TooManyRequests'));
    // The second wait of the same manager: [1.6, 3.2) s (v0.26 had a separate manager for these).
    const second = last(h.timers);
    expect(second.timer).toBe('watch-list');
    expect(second.delayMs).toBeGreaterThanOrEqual(1600);
    expect(second.delayMs).toBeLessThan(3200);
    fire(h, 'watch-list');
    expect(h.calls).toEqual([
      'watch-list:',
      'timer:watch-list',
      'watch-list:',
      'timer:watch-list',
      'watch-list:',
    ]);
    expect(h.lists).toHaveLength(0);
  });

  it('a stream that closes before its end bookmark after an event: again at once, same RV, fresh store', () => {
    const h = harness();
    modernReflectorRun(h.r, h.env);
    open(h, 1);
    ev(h, 1, added(foo('a', '3')));
    modernReflectorOnWatchClosed(h.r, h.env, 1);
    expect(h.messages).toContain('reflector.watch-list-closed');
    open(h, 2);
    ev(h, 1, added(foo('stale', '4'))); // the old stream is gone
    ev(h, 2, added(foo('b', '5')));
    ev(h, 2, endBookmark('5'));
    expect(queued(h)).toEqual(['ReplacedAll@5[b:5]']);
    expect(h.calls).toEqual(['watch-list:', 'watch-list:']);
  });

  it('R12: a stream closed under a second with no event is a very short watch: LIST; after a second, again', () => {
    const h = harness();
    modernReflectorRun(h.r, h.env);
    open(h, 1);
    h.clock.now = 1000;
    modernReflectorOnWatchClosed(h.r, h.env, 1); // lasted 1 s: not very short
    open(h, 2);
    h.clock.now = 1500;
    modernReflectorOnWatchClosed(h.r, h.env, 2); // 0.5 s, nothing received
    expect(h.calls).toEqual(['watch-list:', 'watch-list:', 'list:0']);
    expect(h.messages).toContain('reflector.watch-list-very-short');
  });

  it('R18: without WatchList support the reflector lists and watches as before', () => {
    const h = harness({ useWatchList: false });
    modernReflectorRun(h.r, h.env);
    listOk(h, [], '3');
    expect(h.calls).toEqual(['list:0', 'watch:3']);
  });
});

describe('R10 (1.36) and the watch', () => {
  it('on a plain watch from "0", ADDED events do not move lastSyncResourceVersion until a non-ADDED one', () => {
    const h = harness({ useWatchList: false });
    modernReflectorRun(h.r, h.env);
    listOk(h, [], '0');
    expect(last(h.watches).req.resourceVersion).toBe('0');
    open(h, 1);
    ev(h, 1, added(foo('a', '1')));
    expect(h.r.lastSyncResourceVersion).toBe('0');
    ev(h, 1, modified(foo('a', '2')));
    expect(h.r.lastSyncResourceVersion).toBe('2');
    ev(h, 1, added(foo('b', '3')));
    expect(h.r.lastSyncResourceVersion).toBe('3');
  });

  it('a BOOKMARK on the watch becomes a Bookmark delta and moves lastSyncResourceVersion', () => {
    const h = synced();
    ev(h, 1, bookmark('11'));
    expect(queued(h)).toEqual(['ReplacedAll@6[a:3,b:5]', 'Bookmark@11']);
    expect(h.r.lastSyncResourceVersion).toBe('11');
  });

  it('R12/R13: a handed-over stream that closes at once with no event is very short: backoff, relist', () => {
    const h = synced();
    modernReflectorOnWatchClosed(h.r, h.env, 1);
    expect(h.r.phase).toBe('backoff-relist');
    fire(h, 'relist');
    expect(h.calls).toEqual(['watch-list:', 'timer:relist', 'watch-list:6']);
  });

  it('R11: a watch closed cleanly after an event re-watches at once from lastSyncResourceVersion', () => {
    const h = synced();
    ev(h, 1, modified(foo('a', '9')));
    modernReflectorOnWatchClosed(h.r, h.env, 1);
    expect(h.calls).toEqual(['watch-list:', 'watch:9']);
    expect(last(h.watches).req.sendInitialEvents).toBeUndefined();
  });
});

describe('R16/F4: resync', () => {
  it('appends one SyncAll when a listener is due, nothing otherwise, and re-arms', () => {
    const h = synced({ resyncMs: 30_000 });
    fire(h, 'resync');
    h.resyncAnswer = false;
    fire(h, 'resync');
    expect(queued(h)).toEqual(['ReplacedAll@6[a:3,b:5]', 'SyncAll']);
    expect(h.messages.filter((m) => m === 'reflector.resync-skipped')).toHaveLength(1);
    expect(h.timers.filter((t) => t.timer === 'resync')).toHaveLength(3);
  });
});

describe('F6: UnlockWhileProcessing, from the producer', () => {
  it('the reflector appends while the informer processes a take; order is kept', () => {
    const h = synced();
    const take = realFifoTake(h.env.fifo, true);
    expect(take).not.toBe('empty');
    ev(h, 1, added(foo('c', '7')));
    realFifoFinish(h.env.fifo);
    expect(queued(h)).toEqual(['Added:c:7']);
  });
});
