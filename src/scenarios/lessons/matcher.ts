/**
 * Record matchers: does a TraceRecord match a lesson's RecordMatcher, and a short description of a
 * matcher for goal details. (A lesson text is filled from its matched record by `renderLessonText` in
 * src/i18n/narration.ts, which words token parameters in the text's language.)
 */

import { isTombstone } from '../../engine/model/objects';
import type { ParamValue, TraceRecord } from '../../engine/model/trace';
import type { RecordMatcher } from './types';

/** Parameter equality; a number or boolean also equals its string form (YAML authors write rv: 3). */
function paramEquals(actual: ParamValue | undefined, expected: ParamValue): boolean {
  if (actual === undefined) return false;
  if (actual === expected) return true;
  if (actual === null || expected === null) return false;
  return typeof actual !== typeof expected && String(actual) === String(expected);
}

function isDeleting(r: TraceRecord): boolean {
  const o = r.object;
  if (o === null) return false;
  const inner = isTombstone(o) ? o.obj : o;
  return inner !== null && inner.metadata.deletionTimestamp !== null;
}

export function matchRecord(m: RecordMatcher, r: TraceRecord): boolean {
  if (m.message !== undefined && r.message !== m.message) return false;
  if (m.messagePrefix !== undefined && !r.message.startsWith(m.messagePrefix)) return false;
  if (m.component !== undefined && r.component !== m.component) return false;
  if (m.arrow !== undefined && r.arrow !== m.arrow) return false;
  if (m.lane !== undefined && r.lane !== m.lane) return false;
  if (m.key !== undefined && r.key !== m.key) return false;
  if (m.deleting !== undefined && isDeleting(r) !== m.deleting) return false;
  if (m.params !== undefined) {
    for (const k of Object.keys(m.params)) {
      const actual = Object.hasOwn(r.params, k) ? r.params[k] : undefined;
      if (!paramEquals(actual, m.params[k]!)) return false;
    }
  }
  return true;
}

/** Index of the first record at or after `from` that matches, or -1. */
export function findMatch(records: readonly TraceRecord[], m: RecordMatcher, from = 0): number {
  for (let i = from; i < records.length; i++) if (matchRecord(m, records[i]!)) return i;
  return -1;
}

/**
 * The first record matching `m`, searching after the first record matching `after` (when given).
 * Returns its index, or -1 when either never matches.
 */
export function findAnchored(
  records: readonly TraceRecord[],
  m: RecordMatcher,
  after: RecordMatcher | null,
): number {
  let from = 0;
  if (after !== null) {
    const a = findMatch(records, after);
    if (a < 0) return -1;
    from = a + 1;
  }
  return findMatch(records, m, from);
}

/** `message=worker.get key=default/a params.requeued=true`: for goal details and test messages. */
export function describeMatcher(m: RecordMatcher): string {
  const parts: string[] = [];
  if (m.message !== undefined) parts.push(`message=${m.message}`);
  if (m.messagePrefix !== undefined) parts.push(`message^=${m.messagePrefix}`);
  if (m.component !== undefined) parts.push(`component=${m.component}`);
  if (m.arrow !== undefined) parts.push(`arrow=${m.arrow}`);
  if (m.lane !== undefined) parts.push(`lane=${m.lane}`);
  if (m.key !== undefined) parts.push(`key=${m.key}`);
  if (m.deleting !== undefined) parts.push(`deleting=${m.deleting}`);
  if (m.params !== undefined)
    for (const [k, v] of Object.entries(m.params)) parts.push(`params.${k}=${String(v)}`);
  return `{${parts.join(' ')}}`;
}
