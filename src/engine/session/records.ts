/** Kinds of trace record the timeline marks and "run until" look for. */
import type { TraceRecord } from '../model/trace';

/** A record that reports a failure: an HTTP code ≥ 400, code 0 (connection refused), a watch ERROR. */
export function isErrorRecord(rec: TraceRecord): boolean {
  const c = rec.params.code;
  return (typeof c === 'number' && (c >= 400 || c === 0)) || rec.message === 'reflector.watch-error';
}

/** The Replace that ends a relist (R13: not the first list). */
export function isRelistRecord(rec: TraceRecord): boolean {
  return rec.message === 'reflector.replace' && rec.params.relist === true;
}
