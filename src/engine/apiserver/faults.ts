/**
 * Fault injection and compaction: the knobs a lesson turns to show client-go's error paths.
 *
 * - serverCompact (S14, S8, S18): etcd compaction / watch-cache eviction up to a revision: the history
 *   up to it is dropped; watches and exact lists from below it become "too old", continue tokens of
 *   that era expire. Open watches are not affected (they are already past it).
 * - Refused connections (R14) and error responses (429 with Retry-After: 1, retried by the REST client
 *   K4 before R13/R14 see it; 500 without) for a time window; the Retry-After can be set (K5).
 *   The simulator asks serverRequestFault before serving each request.
 */
import type { Kind } from '../model/objects';
import { type ApiError, connectionRefused, internalError, tooManyRequests } from './errors';
import { historyDropThrough } from './history';
import { type RequestVerb, recordRequest } from './request-log';
import type { ApiServerState } from './state';

/**
 * Compacts at `rv` (default: the current revision), clamped to what exists; never moves backwards.
 * Returns the compaction point after the call.
 */
export function serverCompact(s: ApiServerState, rv?: number): number {
  const target = Math.min(rv ?? s.revision, s.revision);
  if (target > s.compactedRv) {
    historyDropThrough(s.history, target);
    s.compactedRv = target;
  }
  return s.compactedRv;
}

/** Refuse every connection while now < untilMs. */
export function setRefuseConnections(s: ApiServerState, untilMs: number): void {
  s.faults.refuseConnectionsUntil = untilMs;
}

/**
 * Answer every request with 429 or 500 while now < untilMs; `retryAfterSeconds` sets the answers'
 * details.retryAfterSeconds (the Retry-After header when > 0, K5). Absent: 1 for 429, none for 500.
 */
export function setErrorResponses(
  s: ApiServerState,
  fault: { code: 429 | 500; untilMs: number; retryAfterSeconds?: number },
): void {
  s.faults.errorResponses =
    fault.retryAfterSeconds === undefined
      ? { code: fault.code, untilMs: fault.untilMs }
      : { code: fault.code, untilMs: fault.untilMs, retryAfterSeconds: fault.retryAfterSeconds };
}

export function clearFaults(s: ApiServerState): void {
  s.faults.refuseConnectionsUntil = Number.NEGATIVE_INFINITY;
  s.faults.errorResponses = null;
}

/**
 * The error a request made at `now` gets instead of being served, or null. A refused connection wins
 * over error responses. With `request`, a faulted request is recorded in the request log.
 */
export function serverRequestFault(
  s: ApiServerState,
  now: number,
  request?: { readonly verb: RequestVerb; readonly kind: Kind; readonly key?: string },
): ApiError | null {
  const f = s.faults;
  let err: ApiError | null = null;
  if (now < f.refuseConnectionsUntil) err = connectionRefused();
  else if (f.errorResponses !== null && now < f.errorResponses.untilMs) {
    const e = f.errorResponses;
    err = e.code === 429 ? tooManyRequests() : internalError('injected server fault');
    if (e.retryAfterSeconds !== undefined) {
      const { retryAfterSeconds: _, ...rest } = err;
      err = e.retryAfterSeconds > 0 ? { ...rest, retryAfterSeconds: e.retryAfterSeconds } : rest;
    }
  }
  if (err !== null && request !== undefined) {
    recordRequest(s.requests, { time: now, ...request, code: err.code, reason: err.reason });
  }
  return err;
}
