/**
 * What the narration panel says about a step, as data: per record, its sentence in the active language
 * (`renderNarration`, src/i18n/narration.ts: English or 简体中文), the client-go function at work (the
 * message catalog's `fn`, src/engine/model/messages.ts, or `recordFn`'s per-record choice such as
 * processDeltasInBatch for a batch's store records), the arrow travelled and where it happened. Long
 * steps (a Replace of thousands of items) are cut to `max` lines.
 */
import type { RecordView } from '../../engine/model/frame';
import { recordFn } from '../../engine/model/messages';
import type { Arrow, Component } from '../../engine/model/trace';
import { componentLabel, renderNarration } from '../../i18n/narration';

export interface NarrationLine {
  /** Stable within a step: the record's position. */
  readonly index: number;
  readonly component: Component;
  /** The component's name as shown (RealFIFO for a modern lane's FIFO records). */
  readonly where: string;
  readonly lane: RecordView['lane'];
  readonly arrow: Arrow;
  readonly text: string;
  /** The client-go (or apiserver / controller) function, or null for an id missing from the catalog. */
  readonly fn: string | null;
  readonly key: string | null;
  readonly tombstone: boolean;
  /** The record reports a failed request or an error (a status code ≥ 400, or a refused connection). */
  readonly error: boolean;
}

export interface Narration {
  readonly lines: readonly NarrationLine[];
  /** Records not shown (beyond `max`). */
  readonly hidden: number;
}

function isError(r: RecordView): boolean {
  const code = r.params.code;
  if (typeof code === 'number' && (code >= 400 || code === 0)) return true;
  return /(?:failed|error|refused)/.test(r.message);
}

export function narrate(records: readonly RecordView[], max = 40): Narration {
  const n = Math.min(records.length, Math.max(0, Math.trunc(max)));
  const lines: NarrationLine[] = [];
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    lines.push({
      index: i,
      component: r.component,
      where: componentLabel(r.component, r.message),
      lane: r.lane,
      arrow: r.arrow,
      text: renderNarration(r),
      fn: recordFn(r.message, r.params),
      key: r.key,
      tombstone: r.tombstone,
      error: isError(r),
    });
  }
  return { lines, hidden: records.length - n };
}

/** The distinct client-go functions at work in a step, in order of first appearance. */
export function functionsAtWork(records: readonly RecordView[]): string[] {
  const seen = new Set<string>();
  for (const r of records) {
    const fn = recordFn(r.message, r.params);
    if (fn !== null) seen.add(fn);
  }
  return [...seen];
}
