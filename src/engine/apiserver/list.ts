/**
 * LIST (apiserver pkg/storage/cacher/delegator, cacher.go GetList, etcd3/store.go GetList,
 * pkg/storage/interfaces.go ValidateListOptions). Rules S3, S5–S8, S10, S11, S13, S14.
 *
 * | request                         | served                                                     |
 * | RV "" (S5)                      | latest revision, paginated by limit                        |
 * | RV "0" (S6)                     | latest, limit ignored (the cache ignores it), no continue   |
 * | RV N, limit 0 (S7)              | "not older than N": latest; N > revision → 504 TooLarge    |
 * | RV N, limit > 0 (S8)            | "Exact N": the state at N; N < compactedRv → 410 Expired   |
 * | continue (S13)                  | the token's revision; RV other than ""/"0" → 400           |
 * | continue, revision compacted (S14) | 410 Expired + a new token resuming at the latest revision |
 *
 * The list RV (S3) is the revision the snapshot was taken at: the current global revision for latest
 * reads (usually above every item's RV), N for an exact read, the token's revision for later pages.
 *
 * Simplifications: the watch cache is always current, so S5's consistent read and S6's "any" read
 * both return the latest state, and S7 answers 504 at once instead of waiting up to 3 s for the cache to
 * catch up (nothing would arrive: the cache is never behind). An exact read above the current revision
 * also answers 504 TooLarge (etcd would fail with "required revision is a future revision").
 * resourceVersionMatch (S9) and label/field selectors (S12, S21) are not modelled.
 */
import type { Kind, KObject } from '../model/objects';
import { decodeContinue, encodeContinue } from './continue-token';
import {
  type ApiError,
  badRequest,
  EXPIRED_LIST_MSG,
  expired,
  INCONSISTENT_CONTINUE_MSG,
  tooLargeResourceVersion,
} from './errors';
import { recordRequest } from './request-log';
import { snapshotAt } from './snapshot';
import type { ApiServerState } from './state';
import { upperBound } from './store';

export interface ListOptions {
  readonly resourceVersion: string;
  /** 0 = no limit. */
  readonly limit: number;
  readonly continue?: string;
}

export interface ListOk {
  readonly code: 200;
  readonly items: readonly KObject[];
  /** S3: the revision the list was served at. */
  readonly resourceVersion: string;
  /** Present iff more items remain (S12). */
  readonly continue?: string;
  /** ListMeta.remainingItemCount (only with a continue token). */
  readonly remainingItemCount?: number;
}

export type ListResult = ListOk | ApiError;

/** Parses a resourceVersion parameter: a non-negative integer, else null. */
export function parseResourceVersion(rv: string): number | null {
  return /^\d+$/.test(rv) ? Number(rv) : null;
}

export function serverList(s: ApiServerState, kind: Kind, opts: ListOptions, now: number): ListResult {
  const res = list(s, kind, opts);
  recordRequest(s.requests, {
    time: now,
    verb: 'list',
    kind,
    rv: opts.resourceVersion,
    limit: opts.limit,
    ...(opts.continue ? { continue: opts.continue } : {}),
    code: res.code,
    ...(res.code !== 200 ? { reason: res.reason } : {}),
  });
  return res;
}

function list(s: ApiServerState, kind: Kind, opts: ListOptions): ListResult {
  const limit = opts.limit > 0 ? Math.trunc(opts.limit) : 0;
  if (opts.continue) {
    const tok = decodeContinue(opts.continue);
    if ('error' in tok) return badRequest(`invalid continue token: ${tok.error}`);
    if (opts.resourceVersion !== '' && opts.resourceVersion !== '0') {
      return badRequest('specifying resource version is not allowed when using continue');
    }
    if (tok.rv > 0 && tok.rv < s.compactedRv) {
      // S14: etcd3/errors.go handleCompactedErrorForPaging: a new token at rv −1 (the latest).
      return expired(INCONSISTENT_CONTINUE_MSG, encodeContinue(-1, tok.after));
    }
    if (tok.rv > s.revision) return tooLargeResourceVersion(tok.rv, s.revision);
    return page(s, kind, tok.rv > 0 ? tok.rv : s.revision, tok.after, limit);
  }
  if (opts.resourceVersion === '') return page(s, kind, s.revision, null, limit);
  const n = parseResourceVersion(opts.resourceVersion);
  if (n === null) return badRequest(`invalid resource version: "${opts.resourceVersion}"`);
  if (n === 0) return page(s, kind, s.revision, null, 0); // S6: the cache ignores limit for RV "0".
  if (n > s.revision) return tooLargeResourceVersion(n, s.revision); // S7 / S10
  if (limit === 0) return page(s, kind, s.revision, null, 0); // S7: not older than N → latest.
  if (n < s.compactedRv) return expired(EXPIRED_LIST_MSG); // S8
  return page(s, kind, n, null, limit); // S8: exact N
}

/** One page of the state at revision `at` (compactedRv ≤ at ≤ revision), after key `after`. */
function page(s: ApiServerState, kind: Kind, at: number, after: string | null, limit: number): ListOk {
  const snap = snapshotAt(s, kind, at)!;
  const start = after === null ? 0 : upperBound(snap.keys, after);
  const remaining = snap.keys.length - start;
  const rv = String(at);
  if (limit > 0 && remaining > limit) {
    const end = start + limit;
    return {
      code: 200,
      items: snap.objects.slice(start, end),
      resourceVersion: rv,
      continue: encodeContinue(at, snap.keys[end - 1]!),
      remainingItemCount: remaining - limit,
    };
  }
  return {
    code: 200,
    items: start === 0 ? snap.objects.slice() : snap.objects.slice(start),
    resourceVersion: rv,
  };
}
