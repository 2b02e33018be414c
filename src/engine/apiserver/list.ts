/**
 * LIST, routed as a 1.26 apiserver routes it (as@26:pkg/storage/cacher/cacher.go `shouldDelegateList`,
 * `GetList`; etcd3/store.go `GetList`; pkg/storage/interfaces.go `ValidateListOptions`), or as a 1.36 one
 * when ServerConfig.version says so (as@36:cacher/delegator.go `GetList`, delegator/interface.go
 * `ShouldDelegateList`). Rules S3, S5–S8, S10–S14, S33.
 *
 * | request                    | [1.26] served by                                                      |
 * | RV "" (S5)                 | etcd, consistent read at its revision, paged by limit                 |
 * | RV "0" (S6)                | the kind's cache as is, limit ignored; cache not ready → etcd, paged |
 * | RV N, limit 0 (S7)         | the cache, "not older than N"; N above the cache RV → 504 TooLarge   |
 * | RV N, limit > 0 (S8)       | etcd at exactly N; N < compactedRv → 410 Expired                     |
 * | continue (S13)             | etcd at the token's revision; RV other than ""/"0" → 400            |
 * | continue, compacted (S14)  | 410 Expired + a new token resuming at the latest revision            |
 *
 * [1.36] differs in (list136):
 * - S5: RV "" is a consistent read from the cache: the simulator reads etcd's revision when the request
 *   comes and waits ≤ 3 s for the cache to reach it, with progress requests every 100 ms (fresh.ts,
 *   S32); then the cache serves it at its RV (the first page with a limit), else etcd does (a fallback,
 *   never a 504, S37).
 * - S33: a cache that is not ready answers 429 with Retry-After clamp(e^(0.06 × s unready), 1, 30); a LIST
 *   with a limit and no selector goes to etcd instead.
 * - S7: an RV N read waits for N with the same progress requests.
 * - S34: a legacy-exact LIST (RV N + limit) or a continuation page at the token's RV N is served from the
 *   cache's newest snapshot ≤ N while one is kept (cache-snapshot.ts), at list RV N, so in 1.36 a continue
 *   token outlives etcd's compaction while the snapshot does; else etcd reads it as in 1.26 (410 when
 *   compacted). A cache below N is waited for (≤ 3 s), then 504. A continuation with the inconsistent
 *   token of S14 (RV −1) still goes to etcd.
 *
 * The list RV (S3): etcd's revision for etcd reads (above every item's RV when other kinds were written
 * since), the kind's cache RV for cache reads (S32: it can lag etcd's revision for a quiet kind), N for
 * an exact read, the token's revision for later pages.
 *
 * Waiting is the simulator's business: serverListWaitUntil says when a request that the cache cannot
 * serve yet should be looked at again (S33 [1.26]: a cache that is not ready blocks RV N reads; S7: a
 * cache below N is waited for up to 3 s, then 504; [1.36] S5 above).
 *
 * S38: a request is served by one replica (`replica`, default A): the cache reads use that replica's
 * Cacher, whose objects may be older than etcd's when the replica lags (S6, S39; replicas.ts), and the
 * 504 compares N with that replica's cache RV (S37). etcd reads are the same from every replica. A label
 * selector (S12) filters items; a page is filled to `limit` matching items, as etcd3's GetList loop
 * does. resourceVersionMatch (S9) and field selectors are not modelled.
 */
import { type LabelSelector, selectorMatches } from '../model/label-selector';
import type { Kind, KObject } from '../model/objects';
import { cacheSnapshotAt } from './cache-snapshot';
import { cacherNextProgressAt, cacherReady } from './cacher';
import { decodeContinue, encodeContinue } from './continue-token';
import {
  type ApiError,
  badRequest,
  cacheNotReady,
  EXPIRED_LIST_MSG,
  expired,
  INCONSISTENT_CONTINUE_MSG,
  tooLargeResourceVersion,
} from './errors';
import { catchUpCaches } from './etcd';
import { CACHE_WAIT_MS, freshWaitUntil } from './fresh';
import { replicaSnapshot } from './replica-cache';
import { replicaNextEventOf } from './replicas';
import { recordRequest } from './request-log';
import { type Snapshot, snapshotAt } from './snapshot';
import type { ApiServerState } from './state';
import { upperBound } from './store';

export interface ListOptions {
  readonly resourceVersion: string;
  /** 0 = no limit. */
  readonly limit: number;
  readonly continue?: string;
  /** S12: only objects whose labels match. */
  readonly labelSelector?: LabelSelector | null;
}

export { CACHE_WAIT_MS } from './fresh';

export interface ListOk {
  readonly code: 200;
  readonly items: readonly KObject[];
  /** S3: the revision the list was served at. */
  readonly resourceVersion: string;
  /** Present iff more items remain (S12). */
  readonly continue?: string;
  /** ListMeta.remainingItemCount (only with a continue token, omitted with a selector). */
  readonly remainingItemCount?: number;
  /** Who served it: etcd, the kind's watch cache (S5, S6, S7), or [1.36] one of its snapshots (S34). */
  readonly servedBy: 'etcd' | 'cache' | 'snapshot';
  /**
   * [1.36] A consistent read (RV "", S5) whose cache did not reach etcd's revision in 3 s and so was
   * read from etcd instead.
   */
  readonly fallback?: true;
}

export type ListResult = ListOk | ApiError;

/** Parses a resourceVersion parameter: a non-negative integer, else null. */
export function parseResourceVersion(rv: string): number | null {
  return /^\d+$/.test(rv) ? Number(rv) : null;
}

export function serverList(
  s: ApiServerState,
  kind: Kind,
  opts: ListOptions,
  now: number,
  replica = 0,
  target?: number,
): ListResult {
  const res = list(s, kind, opts, now, replica, target);
  recordRequest(s.requests, {
    time: now,
    verb: 'list',
    kind,
    ...(s.replicas.length > 1 ? { replica } : {}),
    rv: opts.resourceVersion,
    limit: opts.limit,
    ...(opts.continue ? { continue: opts.continue } : {}),
    code: res.code,
    ...(res.code !== 200 ? { reason: res.reason } : {}),
    ...(res.code === 200 && s.config.version === '1.36' ? { servedBy: res.servedBy } : {}),
  });
  return res;
}

function list(
  s: ApiServerState,
  kind: Kind,
  opts: ListOptions,
  now: number,
  replica: number,
  target: number | undefined,
): ListResult {
  catchUpCaches(s, now);
  if (s.config.version === '1.36' && !opts.continue) {
    const res = list136(s, kind, opts, now, replica, target);
    if (res !== null) return res;
  }
  const limit = opts.limit > 0 ? Math.trunc(opts.limit) : 0;
  const sel = opts.labelSelector ?? null;
  const r = s.replicas[replica]!;
  const c = r.cachers[kind];
  if (opts.continue) {
    const tok = decodeContinue(opts.continue);
    if ('error' in tok) return badRequest(`invalid continue token: ${tok.error}`);
    if (opts.resourceVersion !== '' && opts.resourceVersion !== '0') {
      return badRequest('specifying resource version is not allowed when using continue');
    }
    if (s.config.version === '1.36' && tok.rv > 0) {
      // S34 [1.36]: a continuation page from the cache's snapshot at the token's RV while one is kept.
      const fromCache = snapshotRead(s, kind, tok.rv, tok.after, limit, sel, now, replica);
      if (fromCache !== null) return fromCache;
    }
    if (tok.rv > 0 && tok.rv < s.compactedRv) {
      // S14: etcd3/errors.go handleCompactedErrorForPaging: a new token at rv −1 (the latest).
      return expired(INCONSISTENT_CONTINUE_MSG, encodeContinue(-1, tok.after));
    }
    if (tok.rv > s.revision) return tooLargeResourceVersion(tok.rv, s.revision);
    return page(s, kind, tok.rv > 0 ? tok.rv : s.revision, tok.after, limit, sel, 'etcd');
  }
  // S5 [1.26]: a consistent read goes to etcd (quorum read) at its current revision.
  if (opts.resourceVersion === '') return page(s, kind, s.revision, null, limit, sel, 'etcd');
  const n = parseResourceVersion(opts.resourceVersion);
  if (n === null) return badRequest(`invalid resource version: "${opts.resourceVersion}"`);
  if (n === 0) {
    // S6: the cache as is, limit ignored; [1.26] a cache that is not ready sends it to etcd, paged (S33).
    if (!cacherReady(c, now)) return page(s, kind, s.revision, null, limit, sel, 'etcd');
    return page(s, kind, s.revision, null, 0, sel, 'cache', c.rv, replicaSnapshot(s, r, kind));
  }
  if (limit === 0) {
    // S7: not older than N, from the cache (the simulator waits ≤ 3 s before this answers 504).
    if (n > c.rv) return tooLargeResourceVersion(n, c.rv);
    return page(s, kind, s.revision, null, 0, sel, 'cache', c.rv, replicaSnapshot(s, r, kind));
  }
  if (n > s.revision) return tooLargeResourceVersion(n, s.revision); // S10 (etcd: a future revision)
  if (n < s.compactedRv) return expired(EXPIRED_LIST_MSG); // S8 after compaction (S35)
  return page(s, kind, n, null, limit, sel, 'etcd'); // S8: exact N from etcd
}

/**
 * The [1.36] rows of spec §1.2 that differ from [1.26] (as@36:cacher/delegator.go GetList,
 * delegator/interface.go ShouldDelegateList), or null where 1.36 routes as 1.26 does (exact RV + limit,
 * continue: etcd; S34's snapshots are not modelled yet).
 * - S33: a cache that is not ready answers 429 with Retry-After from its downtime, except a LIST with a
 *   limit and no selector, which goes to etcd (shouldDelegateListOnNotReadyCache).
 * - S5: RV "" is a consistent read from the cache at `target` (etcd's revision when it came; the
 *   simulator has waited ≤ 3 s for the cache with freshWaitUntil): the cache's objects at its RV, paged
 *   by limit; if the cache is still below `target` it falls back to etcd, never 504 (S37).
 */
function list136(
  s: ApiServerState,
  kind: Kind,
  opts: ListOptions,
  now: number,
  replica: number,
  target: number | undefined,
): ListResult | null {
  const limit = opts.limit > 0 ? Math.trunc(opts.limit) : 0;
  const sel = opts.labelSelector ?? null;
  const r = s.replicas[replica]!;
  const c = r.cachers[kind];
  const rv = opts.resourceVersion;
  if (limit > 0 && rv !== '' && rv !== '0') {
    // S8 legacy exact: S34's newest snapshot ≤ N, else etcd.
    const n = parseResourceVersion(rv);
    return n === null ? null : snapshotRead(s, kind, n, null, limit, sel, now, replica);
  }
  if (!cacherReady(c, now)) {
    if (limit > 0 && sel === null) return page(s, kind, s.revision, null, limit, sel, 'etcd');
    return cacheNotReady(now - c.initAt);
  }
  if (rv !== '') return null;
  if (c.rv < (target ?? s.revision))
    return { ...page(s, kind, s.revision, null, limit, sel, 'etcd'), fallback: true };
  return page(s, kind, c.rv, null, limit, sel, 'cache', c.rv, replicaSnapshot(s, r, kind));
}

/**
 * S34 [1.36] (as@36:cacher.go:1399–1439 shouldDelegateExactRV; watch_cache.go waitAndListExactRV): a read
 * at exactly `n` (a legacy-exact LIST or a continuation page). A cache below `n` was waited for (≤ 3 s)
 * and answers 504 if still below; else the newest snapshot ≤ n serves it, at list RV n, paged from
 * `after`; none kept (or a cache that is not ready, whose snapshots were reset) → null: etcd reads it.
 */
function snapshotRead(
  s: ApiServerState,
  kind: Kind,
  n: number,
  after: string | null,
  limit: number,
  sel: LabelSelector | null,
  now: number,
  replica: number,
): ListResult | null {
  const c = s.replicas[replica]!.cachers[kind];
  if (!cacherReady(c, now)) return null;
  if (n > c.rv) return tooLargeResourceVersion(n, c.rv);
  const snap = cacheSnapshotAt(s, replica, kind, n, now);
  return snap === null ? null : page(s, kind, n, after, limit, sel, 'snapshot', n, snap);
}

/**
 * When the simulator should look at a LIST again instead of answering it now, or null to answer now
 * (S33 [1.26]: an RV N read of a cache that is not ready blocks until it is; S7: a cache below N is
 * waited for, up to CACHE_WAIT_MS after the request arrived at `arrivedAt`, then 504).
 */
export function serverListWaitUntil(
  s: ApiServerState,
  kind: Kind,
  opts: ListOptions,
  now: number,
  arrivedAt: number,
  replica = 0,
  target?: number,
): number | null {
  if (s.config.version === '1.36') return listWaitUntil136(s, kind, opts, now, arrivedAt, replica, target);
  if (opts.continue || opts.limit > 0 || opts.resourceVersion === '' || opts.resourceVersion === '0')
    return null;
  const n = parseResourceVersion(opts.resourceVersion);
  if (n === null) return null;
  catchUpCaches(s, now);
  const r = s.replicas[replica]!;
  const c = r.cachers[kind];
  if (!cacherReady(c, now)) return c.readyAt;
  if (n <= c.rv) return null;
  const deadline = arrivedAt + CACHE_WAIT_MS;
  if (now >= deadline || n > s.revision) return now >= deadline ? null : deadline;
  // The cache RV moves with a progress notification or, on a lagging replica, with the kind's next event.
  let next = cacherNextProgressAt(c, now, s.config.progressNotifyMs);
  const arrives = replicaNextEventOf(r, kind);
  if (arrives !== null && (next === null || arrives < next)) next = Math.max(arrives, now);
  return next === null || next > deadline ? deadline : next;
}

/**
 * [1.36]: a cache that is not ready answers at once (S33: 429 or etcd); a consistent read waits for the
 * cache to reach `target` (S5) and an RV N read without limit for N (S7), both with progress requests
 * (S32), ≤ 3 s.
 */
function listWaitUntil136(
  s: ApiServerState,
  kind: Kind,
  opts: ListOptions,
  now: number,
  arrivedAt: number,
  replica: number,
  target: number | undefined,
): number | null {
  catchUpCaches(s, now);
  if (!cacherReady(s.replicas[replica]!.cachers[kind], now)) return null;
  if (opts.continue) {
    // S34: a continuation at a token RV the cache has not reached waits for it, as an exact read does.
    const tok = decodeContinue(opts.continue);
    if ('error' in tok || tok.rv <= 0) return null;
    return freshWaitUntil(s, kind, tok.rv, now, arrivedAt, replica);
  }
  const rv = opts.resourceVersion;
  if (rv === '') return freshWaitUntil(s, kind, target ?? s.revision, now, arrivedAt, replica);
  if (rv === '0') return null;
  const n = parseResourceVersion(rv);
  return n === null ? null : freshWaitUntil(s, kind, n, now, arrivedAt, replica);
}

/**
 * One page of the state at revision `at` (compactedRv ≤ at ≤ revision), after key `after`, filled with
 * up to `limit` objects matching `sel`. `listRv` overrides the list RV (a cache read answers its cache
 * RV, S3); `state`, when given, is the objects to page instead (a lagging replica's cache, S6).
 */
function page(
  s: ApiServerState,
  kind: Kind,
  at: number,
  after: string | null,
  limit: number,
  sel: LabelSelector | null,
  servedBy: ListOk['servedBy'],
  listRv: number = at,
  state: Snapshot | null = null,
): ListOk {
  const snap = state ?? snapshotAt(s, kind, at)!;
  const start = after === null ? 0 : upperBound(snap.keys, after);
  const rv = String(listRv);
  const items: KObject[] = [];
  let i = start;
  for (; i < snap.keys.length; i++) {
    const o = snap.objects[i]!;
    if (sel !== null && !selectorMatches(sel, o.metadata.labels)) continue;
    if (limit > 0 && items.length === limit) break;
    items.push(o);
  }
  if (limit > 0 && i < snap.keys.length) {
    return {
      code: 200,
      items,
      resourceVersion: rv,
      continue: encodeContinue(at, snap.keys[i - 1]!),
      ...(sel === null ? { remainingItemCount: snap.keys.length - i } : {}),
      servedBy,
    };
  }
  return { code: 200, items, resourceVersion: rv, servedBy };
}
