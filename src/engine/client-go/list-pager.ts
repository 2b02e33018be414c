/**
 * The reflector's list phase: `Reflector.list` with its pager, which is the same code in client-go v0.26.15
 * and v0.36.3 (cg@26 / cg@36 tools/cache/reflector.go `list`, tools/pager/pager.go). The classic reflector
 * (reflector.ts) lists every time; the modern one (reflector-modern.ts) lists only when the watch-list
 * request fails (R21). Each hands the finished list to its own FIFO.
 *
 * Rules: R4 (relistResourceVersion), R5 (page size: the pager's 500 for "" and "0" or after a paginated
 * "0" result; no paging for NotOlderThan N), R6 (410 / too large on LIST: mark the RV unavailable and
 * relist at once with "", through the same pager and so with the same page size; a success clears the
 * mark), S15 (a 410 Expired on a continuation page re-issues one full unpaginated list at the RV of that
 * pager.List call).
 *
 * Driven by events like the reflectors: `startList` sends the first page, `listOnResponse` takes each
 * answer and says whether the list is still going, failed, or is done with its items and RV.
 */
import type { KObject } from '../model/objects';
import {
  type ApiError,
  isExpiredError,
  isTooLargeResourceVersionError,
  type ListRequest,
  type ListResponse,
  type ReflectorEmit,
} from './reflector-types';

/** The list in progress: pages accumulate here. */
export interface ListState {
  /** The resourceVersion of the first page's request (the reflector's original options). */
  readonly rv: string;
  /** The pager's PageSize (R5); R6's retry reuses the same pager, so it keeps this size. */
  readonly pageSize: number;
  /** The RV requested by the current pager.List call: `rv`, or "" for R6's retry (S15 relists at it). */
  pagerRv: string;
  /** The current pager.List call's paginatedResult: a page came back with a continue token (R5). */
  paginated: boolean;
  items: KObject[];
  /** True once R6's immediate relist with "" has been made. */
  retriedUnavailable: boolean;
  /** True while S15's full unpaginated relist runs. */
  fullRelist: boolean;
  continueToken: string | null;
}

/** The reflector fields the list phase reads and writes. */
export interface ListingReflector {
  lastSyncResourceVersion: string;
  isLastSyncResourceVersionUnavailable: boolean;
  paginatedResult: boolean;
  /** Requests carry it; an answer from an earlier epoch is stale (the caller checks). */
  epoch: number;
  /** Completed syncs (lists, and for the modern reflector watch-lists): a later one is a relist. */
  listCount: number;
  list: ListState | null;
}

export interface ListEnv {
  readonly pageSize: number;
  sendList(req: ListRequest, epoch: number): void;
  readonly emit: ReflectorEmit;
}

export type ListOutcome =
  | { readonly kind: 'pending' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'done'; readonly items: readonly KObject[]; readonly resourceVersion: string };

/** R4: relistResourceVersion. */
export function relistResourceVersion(r: ListingReflector): string {
  if (r.isLastSyncResourceVersionUnavailable) return '';
  if (r.lastSyncResourceVersion === '') return '0';
  return r.lastSyncResourceVersion;
}

/** Starts `Reflector.list`: the first page at relistResourceVersion (R4) with R5's page size. */
export function startList(r: ListingReflector, env: ListEnv): void {
  const rv = relistResourceVersion(r);
  // R5: keep the pager's 500 for "" and "0" (or after a paginated "0" result); no paging for NotOlderThan N.
  const pageSize = rv !== '' && rv !== '0' && !r.paginatedResult ? 0 : env.pageSize;
  r.list = {
    rv,
    pageSize,
    pagerRv: rv,
    paginated: false,
    items: [],
    retriedUnavailable: false,
    fullRelist: false,
    continueToken: null,
  };
  sendListPage(r, env, rv, pageSize, null);
}

function sendListPage(
  r: ListingReflector,
  env: ListEnv,
  rv: string,
  limit: number,
  token: string | null,
): void {
  const req: ListRequest =
    token === null
      ? { verb: 'list', resourceVersion: rv, limit }
      : { verb: 'list', resourceVersion: '', limit, continue: token };
  env.emit('reflector', 1, token === null ? 'reflector.list' : 'reflector.list-page', {
    rv: req.resourceVersion,
    limit,
    relist: r.listCount > 0,
  });
  env.sendList(req, r.epoch);
}

/**
 * One answer of the list in progress (`r.list` must be set; the caller has checked the epoch). On `done`
 * the list is cleared, R6's mark is lifted, R5's paginatedResult remembered and `listCount` counted; the
 * caller then hands the items to its FIFO and sets lastSyncResourceVersion (R7).
 */
export function listOnResponse(r: ListingReflector, env: ListEnv, resp: ListResponse): ListOutcome {
  const l = r.list!;
  if (!('items' in resp)) {
    const err = resp;
    // The pager falls back only for reason Expired (errors.IsResourceExpired), not for any 410.
    if (l.continueToken !== null && err.reason === 'Expired' && !l.fullRelist) {
      // S15: a 410 on a continuation page → one full, unpaginated list with the options this pager.List
      // call started with (the paginated result stays reported, R5).
      l.fullRelist = true;
      l.items = [];
      l.continueToken = null;
      env.emit('reflector', 1, 'reflector.pager-full-relist', { rv: l.pagerRv, code: err.code });
      sendListPage(r, env, l.pagerRv, 0, null);
      return { kind: 'pending' };
    }
    if ((isExpiredError(err) || isTooLargeResourceVersionError(err)) && !l.retriedUnavailable) {
      // R6: mark the RV unavailable and relist immediately with "" (consistent read). The retry is a new
      // pager.List call on the same pager: same PageSize (0 after a NotOlderThan list), its own
      // paginatedResult.
      r.isLastSyncResourceVersionUnavailable = true;
      l.retriedUnavailable = true;
      l.pagerRv = relistResourceVersion(r);
      l.paginated = false;
      l.items = [];
      l.continueToken = null;
      l.fullRelist = false;
      env.emit('reflector', 'internal', 'reflector.list-rv-unavailable', {
        rv: l.rv,
        code: err.code,
        reason: err.reason,
      });
      sendListPage(r, env, l.pagerRv, l.pageSize, null);
      return { kind: 'pending' };
    }
    env.emit('reflector', 'internal', 'reflector.list-failed', { code: err.code, reason: err.reason });
    return { kind: 'failed', error: err };
  }
  const ok = resp;
  for (const it of ok.items) l.items.push(it);
  if (ok.continue !== undefined && ok.continue !== '') {
    l.continueToken = ok.continue;
    l.paginated = true;
    sendListPage(r, env, '', l.pageSize, ok.continue);
    return { kind: 'pending' };
  }
  // The pager is done. paginatedResult (R5) is remembered only when the reflector's original options had RV
  // "0" and the (last) pager.List call came back in pages, S15's full-list fallback included.
  if (l.rv === '0' && l.paginated) r.paginatedResult = true;
  r.isLastSyncResourceVersionUnavailable = false;
  r.list = null;
  r.listCount++;
  return { kind: 'done', items: l.items, resourceVersion: ok.resourceVersion };
}
