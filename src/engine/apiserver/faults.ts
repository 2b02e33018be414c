/**
 * Faults with real causes, and injected ones: the knobs a lesson turns to show client-go's error paths.
 *
 * - serverCompact (S35, S8, S14): a forced etcd compaction (`etcdctl compact`) at the current revision.
 *   Its true effect: exact-RV lists and continue tokens below it get 410; cached watches and lists are
 *   untouched (no watch gets 410 from it).
 * - serverRestart / serverStart (S33, S36): the apiserver process stops (every watch ends cleanly,
 *   connections are refused while it is down) and starts again: every Cacher re-initialises (ring
 *   emptied, list RV = etcd's revision, not ready for `cacheInitMs`), so a watch from an RV below the new
 *   list RV gets 410 (S18 with oldest = listRV + 1).
 * - serverRestartReplica / serverStartReplica (S38, S33): one replica of several restarts: only the
 *   watches it serves end and only requests routed to it are refused while it is down; then only its
 *   Cachers re-initialise. The other replicas and etcd go on.
 * - Test-only rule switch (src/engine/rules.ts): S33_CACHE_REINIT.
 * - Refused connections (R14) and error responses (429, retried by the REST client K4 before R13/R14
 *   see it; 500 without Retry-After) for a time window. K5: the 429 stands for API Priority and Fairness
 *   rejecting the controller's requests: Retry-After: 1 from a 1.26 server, from a 1.36 one the priority
 *   level's adaptive value (apf.ts; every rejected request counts). A Retry-After the fault sets
 *   explicitly wins over both: it is the scenario saying what the answer carries (its rejections are
 *   still counted by a 1.36 tracker).
 *   The simulator asks serverRequestFault before serving each request.
 */
import type { Kind } from '../model/objects';
import { apfReject, CONTROLLER_PRIORITY_LEVEL } from './apf';
import { type ApiError, connectionRefused, internalError, tooManyRequests } from './errors';
import { catchUpCaches, etcdCompact } from './etcd';
import { replicaReinit } from './replica-cache';
import { type RequestVerb, recordRequest } from './request-log';
import type { ApiServerState } from './state';

/**
 * Compacts at `rv` (default: the current revision), clamped to what exists; never moves backwards.
 * Returns the compaction point after the call.
 */
export function serverCompact(s: ApiServerState, rv?: number, now?: number): number {
  // [1.36] The Cachers catch up first, so their snapshot compactor polls before `now` saw the previous
  // point (S34). A 1.26 server has no such poll (and its catch-up counters stay as they were).
  if (now !== undefined && s.config.version === '1.36') catchUpCaches(s, now);
  return etcdCompact(s, rv);
}

/**
 * The apiserver process stops at `now` for `downMs`: every open watch ends (the connection breaks; the
 * client sees its stream close, no ERROR event) and connections are refused until it is back.
 * Returns the watches that ended, in opening order.
 */
export function serverRestart(
  s: ApiServerState,
  now: number,
  downMs: number,
): Array<{ watchId: number; kind: Kind }> {
  const ended = [...s.watches.values()].map((w) => ({ watchId: w.id, kind: w.kind }));
  s.watches.clear();
  s.faults.downUntil = Math.max(s.faults.downUntil, now + downMs);
  s.faults.refuseConnectionsUntil = Math.max(s.faults.refuseConnectionsUntil, now + downMs);
  return ended;
}

/**
 * S33: the apiserver is up again at `now`: every Cacher of every replica re-initialises from a fresh etcd
 * list at the current revision and is ready `cacheInitMs` later. Returns the new list RV.
 */
export function serverStart(s: ApiServerState, now: number, cacheInitMs: number): number {
  catchUpCaches(s, now);
  // RULES.S33_CACHE_REINIT off (tests only): the caches survive the restart as they were.
  for (const r of s.replicas) {
    replicaReinit(s, r, now, cacheInitMs);
    r.restarts++;
  }
  return s.revision;
}

/**
 * S38: replica `index` stops at `now` for `downMs`: the watches it serves end cleanly (their connection
 * breaks) and requests routed to it are refused until it is back. Returns the watches that ended.
 */
export function serverRestartReplica(
  s: ApiServerState,
  index: number,
  now: number,
  downMs: number,
): Array<{ watchId: number; kind: Kind }> {
  const r = s.replicas[index];
  if (r === undefined) return [];
  const ended: Array<{ watchId: number; kind: Kind }> = [];
  for (const w of s.watches.values()) if (w.replica === index) ended.push({ watchId: w.id, kind: w.kind });
  for (const x of ended) s.watches.delete(x.watchId);
  r.downUntil = Math.max(r.downUntil, now + downMs);
  return ended;
}

/**
 * S33 for replica `index`: it is up again at `now`; its Cachers re-initialise from etcd at the current
 * revision and are ready `cacheInitMs` later. Returns the new list RV.
 */
export function serverStartReplica(
  s: ApiServerState,
  index: number,
  now: number,
  cacheInitMs: number,
): number {
  const r = s.replicas[index];
  if (r === undefined) return s.revision;
  catchUpCaches(s, now);
  replicaReinit(s, r, now, cacheInitMs);
  r.restarts++;
  return s.revision;
}

/** Is replica `index` down at `now` by a restart of its own (serverDown says whether all are)? */
export function serverReplicaDown(s: ApiServerState, index: number, now: number): boolean {
  return now < (s.replicas[index]?.downUntil ?? Number.NEGATIVE_INFINITY);
}

/** Is the apiserver process down at `now` (between serverRestart and serverStart)? */
export function serverDown(s: ApiServerState, now: number): boolean {
  return now < s.faults.downUntil;
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
  s.faults.downUntil = Number.NEGATIVE_INFINITY;
  for (const r of s.replicas) r.downUntil = Number.NEGATIVE_INFINITY;
}

/**
 * The error a request made at `now` gets instead of being served, or null. A refused connection wins
 * over error responses; a request routed to a replica that is down is refused (S38). With `request`, a
 * faulted request is recorded in the request log.
 */
export function serverRequestFault(
  s: ApiServerState,
  now: number,
  request?: { readonly verb: RequestVerb; readonly kind: Kind; readonly key?: string },
  replica = 0,
): ApiError | null {
  const f = s.faults;
  let err: ApiError | null = null;
  if (now < f.refuseConnectionsUntil || serverReplicaDown(s, replica, now)) err = connectionRefused();
  else if (f.errorResponses !== null && now < f.errorResponses.untilMs) {
    const e = f.errorResponses;
    // K5: APF's 429 says Retry-After: 1 on a 1.26 server; a 1.36 one the priority level's adaptive value.
    err =
      e.code === 500
        ? internalError('injected server fault')
        : s.config.version === '1.36'
          ? tooManyRequests(apfReject(s.replicas[replica]!.apfDropped, CONTROLLER_PRIORITY_LEVEL, now))
          : tooManyRequests();
    if (e.retryAfterSeconds !== undefined) {
      const { retryAfterSeconds: _, ...rest } = err;
      err = e.retryAfterSeconds > 0 ? { ...rest, retryAfterSeconds: e.retryAfterSeconds } : rest;
    }
  }
  if (err !== null && request !== undefined) {
    const on = s.replicas.length > 1 ? { replica } : {};
    recordRequest(s.requests, { time: now, ...request, ...on, code: err.code, reason: err.reason });
  }
  return err;
}
