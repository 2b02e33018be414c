import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedRng } from '../kernel/prng';
import type { Foo, KObject } from '../model/objects';
import { isTombstone } from '../model/objects';
import { fifoGetByKey, fifoLen, fifoPop, fifoQueueKeys, newDeltaFifo } from './delta-fifo';
import { indexerListKeys, newIndexer } from './indexer';
import { processDeltas } from './process-deltas';
import {
  type ApiError,
  type ClientWatchEvent,
  type ListRequest,
  type ListResponse,
  newReflector,
  type ReflectorEnv,
  type ReflectorState,
  type ReflectorTimer,
  reflectorOnListResponse,
  reflectorOnTimer,
  reflectorOnWatchClosed,
  reflectorOnWatchEvent,
  reflectorOnWatchOpened,
  reflectorRun,
  relistResourceVersion,
  type WatchRequest,
} from './reflector';

// ---------------------------------------------------------------------------------------------------
// A fake environment that records every call, and a hand-driven clock.

function foo(name: string, rv: string, ns = 'default'): Foo {
  return {
    kind: 'Foo',
    metadata: {
      namespace: ns,
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

interface TimerRec {
  readonly at: number;
  readonly delayMs: number;
  readonly timer: ReflectorTimer;
  readonly epoch: number;
}

interface Harness {
  r: ReflectorState;
  env: ReflectorEnv;
  clock: { now: number };
  lists: Array<{ req: ListRequest; epoch: number }>;
  watches: Array<{ req: WatchRequest; epoch: number }>;
  timers: TimerRec[];
  /** Every outbound call in order: "list", "watch", or "timer:<kind>". */
  calls: string[];
  messages: string[];
  shouldResyncCalls: number;
  fifoChanged: number;
  resyncAnswer: boolean;
}

function harness(opts: { resyncMs?: number; seed?: number; pageSize?: number } = {}): Harness {
  const fifo = newDeltaFifo<KObject>({ emitReplaced: true });
  const indexer = newIndexer<KObject>(['namespace']);
  const rng = seedRng(opts.seed ?? 1);
  const h = {
    clock: { now: 0 },
    lists: [],
    watches: [],
    timers: [],
    calls: [],
    messages: [],
    shouldResyncCalls: 0,
    fifoChanged: 0,
    resyncAnswer: true,
    r: newReflector('Foo', 0, opts.resyncMs ?? 0),
  } as unknown as Harness;
  h.env = {
    get now() {
      return h.clock.now;
    },
    rng,
    fifo,
    indexer,
    watchTimeout: { min: 300_000, max: 600_000 },
    pageSize: opts.pageSize ?? 500,
    sendList: (req, epoch) => {
      h.lists.push({ req, epoch });
      h.calls.push('list');
    },
    sendWatch: (req, epoch) => {
      h.watches.push({ req, epoch });
      h.calls.push('watch');
    },
    setTimer: (delayMs, timer, epoch) => {
      h.timers.push({ at: h.clock.now + delayMs, delayMs, timer, epoch });
      h.calls.push(`timer:${timer}`);
    },
    shouldResync: () => {
      h.shouldResyncCalls++;
      return h.resyncAnswer;
    },
    fifoChanged: () => {
      h.fifoChanged++;
    },
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

/** Answers the newest list request. */
function answerList(h: Harness, resp: ListResponse): void {
  reflectorOnListResponse(h.r, h.env, resp, last(h.lists).epoch);
}
function listOk(h: Harness, items: KObject[], rv: string, cont?: string): void {
  answerList(h, { code: 200, items, resourceVersion: rv, ...(cont !== undefined ? { continue: cont } : {}) });
}
function err(code: number, reason: string, message = 'boom'): ApiError {
  return { code, reason, message };
}
const EXPIRED = err(410, 'Expired', 'too old resource version: 1 (5)');
const TOO_LARGE = err(504, 'Timeout', 'Timeout: Too large resource version: 9, current: 5');

/** Answers the newest watch request by opening stream `sid` (or failing). */
function openWatch(h: Harness, sid: number | ApiError): void {
  reflectorOnWatchOpened(
    h.r,
    h.env,
    typeof sid === 'number' ? { streamId: sid } : sid,
    last(h.watches).epoch,
  );
}
function ev(h: Harness, sid: number, e: ClientWatchEvent): boolean {
  return reflectorOnWatchEvent(h.r, h.env, sid, e);
}
function added(o: KObject): ClientWatchEvent {
  return { type: 'ADDED', object: o };
}
/** Moves the clock to the newest timer of that kind and fires it. */
function fire(h: Harness, kind: ReflectorTimer): boolean {
  const t = [...h.timers].reverse().find((x) => x.timer === kind);
  if (t === undefined) throw new Error(`no ${kind} timer`);
  h.clock.now = Math.max(h.clock.now, t.at);
  return reflectorOnTimer(h.r, h.env, t.timer, t.epoch);
}
/** Pops everything and applies it to the indexer, as the informer's processLoop would. */
function drain(h: Harness): void {
  for (;;) {
    const p = fifoPop(h.env.fifo);
    if (p === undefined) return;
    processDeltas(h.env.indexer, p.deltas, p.isInInitialList);
  }
}
function deltas(h: Harness, key: string): string[] | undefined {
  return fifoGetByKey(h.env.fifo, key)?.map((d) =>
    isTombstone(d.obj)
      ? `${d.type}:~${d.obj.obj?.metadata.resourceVersion}`
      : `${d.type}:${d.obj.metadata.resourceVersion}`,
  );
}
/** Run, initial list with `items` at `rv`, watch opened as stream 1, FIFO drained. */
function started(opts: Parameters<typeof harness>[0] = {}, items: KObject[] = [foo('a', '3')], rv = '5') {
  const h = harness(opts);
  reflectorRun(h.r, h.env);
  listOk(h, items, rv);
  openWatch(h, 1);
  drain(h);
  return h;
}

// ---------------------------------------------------------------------------------------------------

describe('Reflector list phase (R1, R4–R7, S15)', () => {
  it('R4: relistResourceVersion is "0" first, lastSyncResourceVersion after, "" when marked unavailable', () => {
    const r = newReflector('Foo', 0, 0);
    expect(relistResourceVersion(r)).toBe('0');
    r.lastSyncResourceVersion = '42';
    expect(relistResourceVersion(r)).toBe('42');
    r.isLastSyncResourceVersionUnavailable = true;
    expect(relistResourceVersion(r)).toBe('');
  });

  it('R1/R4/R5: Run lists at once with RV "0" and the pager page size 500', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    expect(h.calls).toEqual(['list']);
    expect(h.lists[0]!.req).toEqual({ verb: 'list', resourceVersion: '0', limit: 500 });
    expect(h.r.phase).toBe('listing');
  });

  it('R7: Replace(items, listRV) into the FIFO, then lastSyncResourceVersion = list RV, then watch from it', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    listOk(h, [foo('a', '3'), foo('b', '4')], '7');
    expect(fifoQueueKeys(h.env.fifo)).toEqual(['default/a', 'default/b']);
    expect(deltas(h, 'default/a')).toEqual(['Replaced:3']);
    expect(h.r.lastSyncResourceVersion).toBe('7');
    expect(h.r.listCount).toBe(1);
    expect(h.fifoChanged).toBe(1);
    expect(h.calls).toEqual(['list', 'watch']);
    expect(last(h.watches).req.resourceVersion).toBe('7');
    expect(h.r.phase).toBe('watch-opening');
  });

  it('R15: a relist does not clear the cache; Replace queues tombstones for vanished keys', () => {
    const h = started({}, [foo('a', '3'), foo('b', '4')], '5');
    ev(h, 1, { type: 'ERROR', object: null, status: err(500, 'InternalError') });
    fire(h, 'relist');
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '5', limit: 0 });
    listOk(h, [foo('a', '3')], '9');
    expect(indexerListKeys(h.env.indexer).sort()).toEqual(['default/a', 'default/b']);
    expect(deltas(h, 'default/a')).toEqual(['Replaced:3']);
    expect(deltas(h, 'default/b')).toEqual(['Deleted:~4']);
    expect(h.messages).toContain('deltafifo.tombstone');
  });

  it('R5: limit 500 for "" and "0", 0 (no paging) for a NotOlderThan RV', () => {
    const h = started();
    // relist at lastSyncRV "5": limit 0
    ev(h, 1, { type: 'ERROR', object: null, status: err(500, 'InternalError') });
    fire(h, 'relist');
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '5', limit: 0 });
    // marked unavailable: ""
    h.r.isLastSyncResourceVersionUnavailable = true;
    answerList(h, err(500, 'InternalError'));
    fire(h, 'relist');
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '', limit: 500 });
  });

  it('R5: an RV "0" list that came back in pages keeps the page size 500 for later NotOlderThan relists', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    listOk(h, [foo('a', '3')], '5', 'tok1');
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '', limit: 500, continue: 'tok1' });
    listOk(h, [foo('b', '4')], '5');
    expect(h.r.paginatedResult).toBe(true);
    expect(fifoQueueKeys(h.env.fifo)).toEqual(['default/a', 'default/b']);
    openWatch(h, 1);
    ev(h, 1, { type: 'ERROR', object: null, status: err(500, 'InternalError') });
    fire(h, 'relist');
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '5', limit: 500 });
  });

  it('R5: a paginated "" list does not set paginatedResult', () => {
    const h = harness();
    h.r.isLastSyncResourceVersionUnavailable = true;
    reflectorRun(h.r, h.env);
    expect(last(h.lists).req.resourceVersion).toBe('');
    listOk(h, [foo('a', '3')], '5', 'tok1');
    listOk(h, [foo('b', '4')], '5');
    expect(h.r.paginatedResult).toBe(false);
    expect(h.r.isLastSyncResourceVersionUnavailable).toBe(false);
  });

  for (const [name, failure] of [
    ['410 Expired', EXPIRED],
    ['410 Gone', err(410, 'Gone')],
    ['504 Too large resource version', TOO_LARGE],
  ] as const) {
    it(`R6: ${name} on LIST → marked unavailable, immediate relist with "" (no backoff); success clears it`, () => {
      const h = started();
      ev(h, 1, { type: 'ERROR', object: null, status: err(500, 'InternalError') });
      fire(h, 'relist');
      const timersBefore = h.timers.length;
      answerList(h, failure);
      expect(h.timers.length).toBe(timersBefore);
      expect(h.r.isLastSyncResourceVersionUnavailable).toBe(true);
      expect(last(h.lists).req.resourceVersion).toBe('');
      expect(h.r.phase).toBe('listing');
      listOk(h, [foo('a', '3')], '12');
      expect(h.r.isLastSyncResourceVersionUnavailable).toBe(false);
      expect(h.r.lastSyncResourceVersion).toBe('12');
      expect(last(h.watches).req.resourceVersion).toBe('12');
    });
  }

  it('R6: the immediate retry uses the same pager: limit 0 after a NotOlderThan list, 500 after "0"', () => {
    const h = started();
    ev(h, 1, { type: 'ERROR', object: null, status: err(500, 'InternalError') });
    fire(h, 'relist');
    answerList(h, EXPIRED);
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '', limit: 0 });

    const h2 = harness();
    reflectorRun(h2.r, h2.env);
    answerList(h2, TOO_LARGE);
    expect(last(h2.lists).req).toEqual({ verb: 'list', resourceVersion: '', limit: 500 });
  });

  it('R6: a second failure propagates → backoff; the flag stays set so the relist uses ""', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    answerList(h, EXPIRED);
    answerList(h, EXPIRED);
    expect(h.calls).toEqual(['list', 'list', 'timer:relist']);
    expect(h.r.phase).toBe('backoff-relist');
    const t = last(h.timers);
    expect(t.delayMs).toBeGreaterThanOrEqual(800);
    expect(t.delayMs).toBeLessThan(1600);
    expect(h.r.backoffUntil).toBe(t.at);
    fire(h, 'relist');
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '', limit: 500 });
    // a fresh ListAndWatch gets its own immediate retry again
    answerList(h, EXPIRED);
    expect(h.calls.slice(-1)).toEqual(['list']);
  });

  it('R6: other errors (500, a 504 timeout without "Too large") go straight to backoff', () => {
    for (const failure of [
      err(500, 'InternalError'),
      err(504, 'Timeout', 'request timed out'),
      err(0, 'Refused'),
    ]) {
      const h = harness();
      reflectorRun(h.r, h.env);
      answerList(h, failure);
      expect(h.calls).toEqual(['list', 'timer:relist']);
      expect(h.r.isLastSyncResourceVersionUnavailable).toBe(false);
      fire(h, 'relist');
      expect(last(h.lists).req.resourceVersion).toBe('0');
    }
  });

  it('S15: 410 on a continuation page → one full unpaginated list with the original RV; earlier pages dropped', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    listOk(h, [foo('a', '3')], '5', 'tok1');
    answerList(h, EXPIRED);
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '0', limit: 0 });
    expect(h.r.isLastSyncResourceVersionUnavailable).toBe(false);
    expect(h.timers).toEqual([]);
    listOk(h, [foo('b', '8')], '9');
    expect(fifoQueueKeys(h.env.fifo)).toEqual(['default/b']);
    expect(h.r.lastSyncResourceVersion).toBe('9');
    // the pager reported a paginated result for this RV "0" list (R5)
    expect(h.r.paginatedResult).toBe(true);
  });

  it('S15: a 410 on the first page is R6, not the pager fallback', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    answerList(h, EXPIRED);
    expect(h.r.isLastSyncResourceVersionUnavailable).toBe(true);
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '', limit: 500 });
  });

  it('S15 then R6: the full list failing with 410 → relist with ""; a second full-list fallback uses ""', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    listOk(h, [foo('a', '3')], '5', 'tok1');
    answerList(h, EXPIRED); // page 2 → full list at "0"
    answerList(h, EXPIRED); // full list → R6 retry with ""
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '', limit: 500 });
    listOk(h, [foo('a', '3')], '6', 'tok2');
    answerList(h, EXPIRED); // page 2 of the retry → the retry's own full list, at ""
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '', limit: 0 });
    answerList(h, EXPIRED); // the retry is spent: backoff
    expect(last(h.calls)).toBe('timer:relist');
    expect(h.lists.length).toBe(6);
  });
});

describe('Reflector watch phase (R9–R14)', () => {
  it('R9: watch from lastSyncResourceVersion with bookmarks and a whole-second timeout in [300, 600) s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const h = harness({ seed });
        reflectorRun(h.r, h.env);
        listOk(h, [], '17');
        const w = last(h.watches);
        expect(w.req.resourceVersion).toBe('17');
        expect(w.req.allowWatchBookmarks).toBe(true);
        expect(w.req.timeoutMs % 1000).toBe(0);
        expect(w.req.timeoutMs).toBeGreaterThanOrEqual(300_000);
        expect(w.req.timeoutMs).toBeLessThan(600_000);
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it('R10: ADDED/MODIFIED/DELETED go to the FIFO in order and move lastSyncResourceVersion', () => {
    const h = started();
    expect(ev(h, 1, added(foo('b', '6')))).toBe(true);
    expect(h.r.lastSyncResourceVersion).toBe('6');
    ev(h, 1, { type: 'MODIFIED', object: foo('a', '7') });
    expect(h.r.lastSyncResourceVersion).toBe('7');
    ev(h, 1, { type: 'DELETED', object: foo('b', '8') });
    expect(h.r.lastSyncResourceVersion).toBe('8');
    expect(deltas(h, 'default/b')).toEqual(['Added:6', 'Deleted:8']);
    expect(deltas(h, 'default/a')).toEqual(['Updated:7']);
    expect(fifoQueueKeys(h.env.fifo)).toEqual(['default/b', 'default/a']);
    expect(h.r.watch!.eventCount).toBe(3);
  });

  it('R10: BOOKMARK moves lastSyncResourceVersion only', () => {
    const h = started();
    const fifoBefore = structuredClone(h.env.fifo);
    const changed = h.fifoChanged;
    expect(ev(h, 1, { type: 'BOOKMARK', object: null, resourceVersion: '40' })).toBe(true);
    expect(h.r.lastSyncResourceVersion).toBe('40');
    expect(h.env.fifo).toEqual(fifoBefore);
    expect(h.fifoChanged).toBe(changed);
    // a bookmark whose RV rides on a stub object
    ev(h, 1, { type: 'BOOKMARK', object: foo('', '41') });
    expect(h.r.lastSyncResourceVersion).toBe('41');
    expect(fifoLen(h.env.fifo)).toBe(0);
  });

  it('R10: lastSyncResourceVersion tracks the last accepted event for random streams; bookmarks never touch the FIFO', () => {
    const evArb = fc.record({
      type: fc.constantFrom('ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK'),
      name: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(fc.array(evArb, { minLength: 1, maxLength: 30 }), (events) => {
        const h = started();
        let rv = 5;
        let objectEvents = 0;
        for (const e of events) {
          rv++;
          const before = structuredClone(h.env.fifo);
          if (e.type === 'BOOKMARK') {
            ev(h, 1, { type: 'BOOKMARK', object: null, resourceVersion: String(rv) });
            expect(h.env.fifo).toEqual(before);
          } else {
            objectEvents++;
            ev(h, 1, { type: e.type, object: foo(e.name, String(rv)) });
          }
          expect(h.r.lastSyncResourceVersion).toBe(String(rv));
        }
        expect(h.fifoChanged).toBe(1 + objectEvents);
        expect(h.r.watch!.eventCount).toBe(events.length);
        expect(h.calls).toEqual(['list', 'watch']);
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('R11: clean close after ≥1 event (even within 1 s) → immediate re-watch from lastSyncRV, no relist, no backoff', () => {
    const h = started();
    h.clock.now = 100;
    ev(h, 1, added(foo('b', '9')));
    expect(reflectorOnWatchClosed(h.r, h.env, 1)).toBe(true);
    expect(h.calls).toEqual(['list', 'watch', 'watch']);
    expect(last(h.watches).req.resourceVersion).toBe('9');
    expect(h.r.backoff.durationMs).toBe(800);
    expect(h.r.phase).toBe('watch-opening');
  });

  it('R11: a bookmark counts as an event for the very-short-watch check', () => {
    const h = started();
    ev(h, 1, { type: 'BOOKMARK', object: null, resourceVersion: '8' });
    reflectorOnWatchClosed(h.r, h.env, 1);
    expect(h.calls).toEqual(['list', 'watch', 'watch']);
    expect(last(h.watches).req.resourceVersion).toBe('8');
  });

  it('R11/R12: a clean close with 0 events after exactly 1 s re-watches; after 999 ms it is a very short watch', () => {
    const h = started();
    h.clock.now = 1000;
    reflectorOnWatchClosed(h.r, h.env, 1);
    expect(last(h.calls)).toBe('watch');

    const h2 = started();
    h2.clock.now = 999;
    reflectorOnWatchClosed(h2.r, h2.env, 1);
    expect(h2.calls).toEqual(['list', 'watch', 'timer:relist']);
    expect(h2.messages).toContain('reflector.very-short-watch');
  });

  it('R12: the 1 s is measured from the watch request, not from the stream opening', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    listOk(h, [], '5');
    h.clock.now = 900; // the stream opens late
    openWatch(h, 1);
    h.clock.now = 1200; // 300 ms after opening, 1.2 s after the request
    reflectorOnWatchClosed(h.r, h.env, 1);
    expect(last(h.calls)).toBe('watch');
  });

  it('R12: very short watch → backoff, then a relist with lastSyncResourceVersion (not "")', () => {
    const h = started();
    h.clock.now = 10;
    reflectorOnWatchClosed(h.r, h.env, 1);
    expect(h.r.phase).toBe('backoff-relist');
    const t = last(h.timers);
    expect(t.timer).toBe('relist');
    expect(t.delayMs).toBeGreaterThanOrEqual(800);
    expect(t.delayMs).toBeLessThan(1600);
    expect(fire(h, 'relist')).toBe(true);
    expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '5', limit: 0 });
  });

  for (const code of [410, 500]) {
    it(`R13: ERROR ${code} → backoff, then relist with lastSyncResourceVersion; the RV is not marked unavailable`, () => {
      const h = started();
      ev(h, 1, added(foo('b', '9')));
      const status = code === 410 ? EXPIRED : err(500, 'InternalError');
      expect(ev(h, 1, { type: 'ERROR', object: null, status })).toBe(true);
      expect(h.calls).toEqual(['list', 'watch', 'timer:relist']);
      expect(h.r.isLastSyncResourceVersionUnavailable).toBe(false);
      expect(h.r.watch).toBeNull();
      fire(h, 'relist');
      expect(last(h.lists).req).toEqual({ verb: 'list', resourceVersion: '9', limit: 0 });
    });
  }

  it('R13: ERROR 429 → conn backoff, then re-watch from lastSyncRV, no relist; the relist backoff is untouched', () => {
    const h = started();
    ev(h, 1, added(foo('b', '9')));
    ev(h, 1, { type: 'ERROR', object: null, status: err(429, 'TooManyRequests') });
    expect(h.r.phase).toBe('backoff-rewatch');
    const t = last(h.timers);
    expect(t.timer).toBe('rewatch');
    expect(t.delayMs).toBeGreaterThanOrEqual(800);
    expect(t.delayMs).toBeLessThan(1600);
    expect(h.r.connBackoff.durationMs).toBe(1600);
    expect(h.r.backoff.durationMs).toBe(800);
    expect(fire(h, 'rewatch')).toBe(true);
    expect(h.calls).toEqual(['list', 'watch', 'timer:rewatch', 'watch']);
    expect(last(h.watches).req.resourceVersion).toBe('9');
    expect(h.r.backoffUntil).toBeNull();
  });

  for (const [name, failure] of [
    ['refused (code 0)', err(0, 'ConnectionRefused', 'connection refused')],
    ['429', err(429, 'TooManyRequests')],
  ] as const) {
    it(`R14: opening a watch fails with ${name} → conn backoff then re-watch, keeping the cache`, () => {
      const h2 = started();
      openWatch(h2, err(500, 'x')); // stale: the watch is already open
      expect(h2.r.phase).toBe('watching');
      h2.clock.now = 1500;
      reflectorOnWatchClosed(h2.r, h2.env, 1); // R11: re-watch
      openWatch(h2, failure);
      expect(h2.r.phase).toBe('backoff-rewatch');
      expect(last(h2.calls)).toBe('timer:rewatch');
      openWatch(h2, failure); // a second answer to the same request is stale
      expect(h2.timers.filter((t) => t.timer === 'rewatch').length).toBe(1);
      fire(h2, 'rewatch');
      expect(last(h2.calls)).toBe('watch');
      expect(last(h2.watches).req.resourceVersion).toBe('5');
      openWatch(h2, failure);
      const t2 = last(h2.timers);
      expect(t2.delayMs).toBeGreaterThanOrEqual(1600);
      expect(t2.delayMs).toBeLessThan(3200);
      expect(indexerListKeys(h2.env.indexer)).toEqual(['default/a']);
      expect(h2.lists.length).toBe(1);
    });
  }

  it('R14: opening a watch fails with 500 → backoff then relist', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    listOk(h, [], '5');
    openWatch(h, err(500, 'InternalError'));
    expect(h.calls).toEqual(['list', 'watch', 'timer:relist']);
    fire(h, 'relist');
    expect(last(h.lists).req.resourceVersion).toBe('5');
  });

  it('R1: the relist backoff grows across consecutive ListAndWatch returns (sliding) and is separate from R14', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      answerList(h, err(500, 'InternalError'));
      delays.push(last(h.timers).delayMs);
      fire(h, 'relist');
    }
    expect(delays.map((d) => Math.floor(Math.log2(d / 800)))).toEqual([0, 1, 2, 3]);
    expect(h.r.connBackoff.durationMs).toBe(800);
  });
});

describe('Reflector resync (R16)', () => {
  it('R16: resync period 0 → no resync timer, ever', () => {
    const h = started({ resyncMs: 0 });
    expect(h.timers).toEqual([]);
    expect(h.r.nextResyncAt).toBeNull();
  });

  it('R16: fires every period; Resync (Sync deltas) only when shouldResync() is true; re-armed each time', () => {
    const h = started({ resyncMs: 30_000 }, [foo('a', '3'), foo('b', '4')]);
    expect(h.timers).toEqual([{ at: 30_000, delayMs: 30_000, timer: 'resync', epoch: h.r.resyncEpoch }]);
    expect(h.r.nextResyncAt).toBe(30_000);
    expect(fire(h, 'resync')).toBe(true);
    expect(h.shouldResyncCalls).toBe(1);
    expect(deltas(h, 'default/a')).toEqual(['Sync:3']);
    expect(deltas(h, 'default/b')).toEqual(['Sync:4']);
    expect(h.r.nextResyncAt).toBe(60_000);
    drain(h);
    h.resyncAnswer = false;
    expect(fire(h, 'resync')).toBe(true);
    expect(h.shouldResyncCalls).toBe(2);
    expect(fifoLen(h.env.fifo)).toBe(0);
    expect(h.messages).toContain('reflector.resync-skipped');
    expect(h.timers.map((t) => t.at)).toEqual([30_000, 60_000, 90_000]);
    // resync never contacts the server
    expect(h.calls.filter((c) => c === 'list' || c === 'watch')).toEqual(['list', 'watch']);
  });

  it('R16: the timer stops when ListAndWatch returns; stale timers are ignored; a relist arms a new one', () => {
    const h = started({ resyncMs: 30_000 });
    const oldResync = last(h.timers);
    ev(h, 1, { type: 'ERROR', object: null, status: err(500, 'InternalError') });
    expect(h.r.nextResyncAt).toBeNull();
    h.clock.now = oldResync.at;
    expect(reflectorOnTimer(h.r, h.env, 'resync', oldResync.epoch)).toBe(false);
    expect(h.shouldResyncCalls).toBe(0);
    expect(h.timers.filter((t) => t.timer === 'resync').length).toBe(1);
    fire(h, 'relist');
    listOk(h, [foo('a', '3')], '9');
    const fresh = last(h.timers);
    expect(fresh.timer).toBe('resync');
    expect(fresh.epoch).not.toBe(oldResync.epoch);
    expect(reflectorOnTimer(h.r, h.env, 'resync', oldResync.epoch)).toBe(false);
    expect(fire(h, 'resync')).toBe(true);
    expect(h.shouldResyncCalls).toBe(1);
  });

  it('R16: the resync timer keeps running through a 429 re-watch backoff (ListAndWatch has not returned)', () => {
    const h = started({ resyncMs: 1000 });
    ev(h, 1, { type: 'ERROR', object: null, status: err(429, 'TooManyRequests') });
    expect(h.r.phase).toBe('backoff-rewatch');
    expect(fire(h, 'resync')).toBe(true);
    expect(h.shouldResyncCalls).toBe(1);
    expect(h.r.phase).toBe('backoff-rewatch');
  });

  it('R16: clean-close re-watches keep the same resync timer (same ListAndWatch iteration)', () => {
    const h = started({ resyncMs: 30_000 });
    const epoch = h.r.resyncEpoch;
    h.clock.now = 5000;
    reflectorOnWatchClosed(h.r, h.env, 1);
    openWatch(h, 2);
    expect(h.r.resyncEpoch).toBe(epoch);
    expect(fire(h, 'resync')).toBe(true);
  });
});

describe('Reflector staleness', () => {
  it('answers and timers of an earlier epoch are ignored', () => {
    const h = harness();
    reflectorRun(h.r, h.env);
    const firstEpoch = h.lists[0]!.epoch;
    answerList(h, err(500, 'InternalError'));
    // a late duplicate answer to the failed list
    reflectorOnListResponse(
      h.r,
      h.env,
      { code: 200, items: [foo('a', '1')], resourceVersion: '1' },
      firstEpoch,
    );
    expect(h.r.phase).toBe('backoff-relist');
    expect(fifoLen(h.env.fifo)).toBe(0);
    const t = last(h.timers);
    expect(reflectorOnTimer(h.r, h.env, 'relist', t.epoch - 1)).toBe(false);
    expect(reflectorOnTimer(h.r, h.env, 'rewatch', t.epoch)).toBe(false);
    expect(fire(h, 'relist')).toBe(true);
    // the old relist timer again: stale now
    expect(reflectorOnTimer(h.r, h.env, 'relist', t.epoch)).toBe(false);
    reflectorOnListResponse(
      h.r,
      h.env,
      { code: 200, items: [foo('a', '1')], resourceVersion: '1' },
      firstEpoch,
    );
    expect(h.r.phase).toBe('listing');
    listOk(h, [], '5');
    reflectorOnWatchOpened(h.r, h.env, { streamId: 3 }, firstEpoch);
    expect(h.r.phase).toBe('watch-opening');
    expect(h.lists.length).toBe(2);
  });

  it('events and closes of an earlier stream are ignored', () => {
    const h = started();
    h.clock.now = 2000;
    reflectorOnWatchClosed(h.r, h.env, 1);
    // not yet open: events of the old stream and of no stream are dropped
    expect(ev(h, 1, added(foo('z', '99')))).toBe(false);
    openWatch(h, 2);
    expect(ev(h, 1, added(foo('z', '99')))).toBe(false);
    expect(reflectorOnWatchClosed(h.r, h.env, 1)).toBe(false);
    expect(h.r.lastSyncResourceVersion).toBe('5');
    expect(fifoLen(h.env.fifo)).toBe(0);
    expect(ev(h, 2, added(foo('b', '6')))).toBe(true);
  });

  it('events after an ERROR ended the stream are ignored', () => {
    const h = started();
    ev(h, 1, { type: 'ERROR', object: null, status: EXPIRED });
    expect(ev(h, 1, added(foo('z', '99')))).toBe(false);
    expect(reflectorOnWatchClosed(h.r, h.env, 1)).toBe(false);
    expect(h.r.lastSyncResourceVersion).toBe('5');
    expect(h.calls).toEqual(['list', 'watch', 'timer:relist']);
  });
});

describe('Reflector list outcomes vs a reference model (R1, R4–R7)', () => {
  type Outcome = 'ok' | 'expired' | 'tooLarge' | 'error';
  it('request sequence, RVs, limits and backoff delays match the model for random outcome sequences', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.constantFrom<Outcome>('ok', 'expired', 'tooLarge', 'error'), {
          minLength: 1,
          maxLength: 25,
        }),
        (seed, outcomes) => {
          const h = harness({ seed });
          // model
          let lastSync = '';
          let unavailable = false;
          let backoffs = 0;
          let rvCounter = 10;
          const startLaw = () => {
            const rv = unavailable ? '' : lastSync === '' ? '0' : lastSync;
            return { rv, limit: rv !== '' && rv !== '0' ? 0 : 500, retried: false };
          };
          let law = startLaw();
          reflectorRun(h.r, h.env);
          for (const o of outcomes) {
            expect(h.r.lastSyncResourceVersion).toBe(lastSync);
            const req = last(h.lists).req;
            expect(req.resourceVersion).toBe(law.retried ? '' : law.rv);
            expect(req.limit).toBe(law.limit);
            const timersBefore = h.timers.length;
            let returned = false;
            if (o === 'ok') {
              rvCounter++;
              listOk(h, [foo('a', String(rvCounter))], String(rvCounter));
              unavailable = false;
              lastSync = String(rvCounter);
              expect(last(h.watches).req.resourceVersion).toBe(lastSync);
              // end this ListAndWatch: the watch cannot be opened (500)
              openWatch(h, err(500, 'InternalError'));
              returned = true;
            } else if (o === 'error') {
              answerList(h, err(500, 'InternalError'));
              returned = true;
            } else {
              answerList(h, o === 'expired' ? EXPIRED : TOO_LARGE);
              if (law.retried) returned = true;
              else {
                unavailable = true;
                law.retried = true;
                expect(h.timers.length).toBe(timersBefore);
              }
            }
            if (returned) {
              expect(h.timers.length).toBe(timersBefore + 1);
              const t = last(h.timers);
              expect(t.timer).toBe('relist');
              const base = Math.min(800 * 2 ** backoffs, 30_000);
              expect(t.delayMs).toBeGreaterThanOrEqual(base);
              expect(t.delayMs).toBeLessThan(2 * base);
              backoffs++;
              fire(h, 'relist');
              law = startLaw();
            }
          }
        },
      ),
      { seed: 4242, numRuns: 200 },
    );
  });
});
