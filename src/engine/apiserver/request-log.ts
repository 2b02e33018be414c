/**
 * A small ring of the most recent requests the server answered, for an inspector panel. Plain data.
 * Not part of any Kubernetes behaviour; the audit log is the closest real thing.
 */
import type { Kind } from '../model/objects';
import type { StatusReason } from './errors';

export type RequestVerb = 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

export interface RequestRecord {
  readonly time: number;
  readonly verb: RequestVerb;
  readonly kind: Kind;
  readonly key?: string;
  readonly subresource?: 'status';
  /** The request's resourceVersion parameter (list/watch) or the object's RV (update). */
  readonly rv?: string;
  readonly limit?: number;
  readonly continue?: string;
  /** HTTP status; 0 for a refused connection. For a watch refused in-stream (S18), the ERROR's code. */
  readonly code: number;
  readonly reason?: StatusReason;
  /** The watch opened by this request. */
  readonly watchId?: number;
  /** S38: the replica that served it (its index), recorded only with several replicas. */
  readonly replica?: number;
  /** [1.36] Who served a LIST that succeeded: etcd, the watch cache or a cache snapshot (S5, S34). */
  readonly servedBy?: 'etcd' | 'cache' | 'snapshot';
}

export interface RequestLog {
  readonly capacity: number;
  readonly buf: RequestRecord[];
  /** Where the next record goes once the buffer is full. */
  next: number;
  /** Requests recorded since the start (including those that fell out of the ring). */
  total: number;
}

export function newRequestLog(capacity: number): RequestLog {
  return { capacity: Math.max(0, Math.trunc(capacity)), buf: [], next: 0, total: 0 };
}

export function recordRequest(log: RequestLog, rec: RequestRecord): void {
  log.total++;
  if (log.capacity === 0) return;
  if (log.buf.length < log.capacity) {
    log.buf.push(rec);
    return;
  }
  log.buf[log.next] = rec;
  log.next = (log.next + 1) % log.capacity;
}

/**
 * S38: names the replica that served the most recent request (a write: writes.ts records it without one).
 * The record is replaced by a copy, never changed (keyframes share records).
 */
export function tagLastRequest(log: RequestLog, replica: number): void {
  if (log.buf.length === 0) return;
  const i = log.buf.length < log.capacity ? log.buf.length - 1 : (log.next + log.capacity - 1) % log.capacity;
  const rec = log.buf[i]!;
  if (rec.replica === undefined) log.buf[i] = { ...rec, replica };
}

/** The recorded requests, oldest first. */
export function recentRequests(log: RequestLog): RequestRecord[] {
  if (log.buf.length < log.capacity) return log.buf.slice();
  return log.buf.slice(log.next).concat(log.buf.slice(0, log.next));
}
