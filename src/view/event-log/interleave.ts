/**
 * The event log's interleaved mode (issue 13): both sides' traces as one list ordered by virtual time,
 * each record marked with its side. Ties at one time put the left side first, then order by step (a
 * side's own records keep their order). Each side's records come in step order with times that never
 * decrease, so one merge pass does it.
 */
import type { Side } from '../../compare/types';
import type { RecordView } from '../../engine/model/frame';

export interface SidedRecord {
  readonly side: Side;
  readonly record: RecordView;
}

/** Orders two sided records by (time, side, step); 0 for two records of one step on one side. */
export function compareSided(a: SidedRecord, b: SidedRecord): number {
  if (a.record.time !== b.record.time) return a.record.time - b.record.time;
  if (a.side !== b.side) return a.side === 'left' ? -1 : 1;
  return a.record.step - b.record.step;
}

/** Both traces merged by (time, side, step); a side's own order is kept. */
export function interleaveByTime(left: readonly RecordView[], right: readonly RecordView[]): SidedRecord[] {
  const out: SidedRecord[] = new Array(left.length + right.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) {
    const l = left[i]!;
    const r = right[j]!;
    if (l.time <= r.time) {
      out[k++] = { side: 'left', record: l };
      i++;
    } else {
      out[k++] = { side: 'right', record: r };
      j++;
    }
  }
  while (i < left.length) out[k++] = { side: 'left', record: left[i++]! };
  while (j < right.length) out[k++] = { side: 'right', record: right[j++]! };
  return out;
}
