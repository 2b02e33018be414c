/**
 * The one JSON shape of a trace record, used by the CLI's `--format jsonl` (src/cli/sim.ts) and the
 * event log's export (src/view/event-log): the fields of a frame's RecordView, in this order, one JSON
 * object per line ("\n"-terminated). The object a record carries is its inspector row (kind, key, rv,
 * uid, generation, replicas, availableReplicas, ref, finalizers, deleting), `objectKind` and `tombstone`
 * say what it was. `message` is a catalog id and `params` its data (src/engine/model/messages.ts); the
 * sentence is the reader's to render (src/i18n/narration.ts). JSON.stringify escapes newlines inside
 * strings, so every record stays on its own line whatever a scenario put in its names.
 */
import type { RecordView } from './frame';

/** A record as plain JSON data (the same fields as RecordView, in a fixed order). */
export function recordToJson(r: RecordView): RecordView {
  return {
    step: r.step,
    time: r.time,
    lane: r.lane,
    component: r.component,
    arrow: r.arrow,
    key: r.key,
    rv: r.rv,
    message: r.message,
    params: r.params,
    objectKind: r.objectKind,
    tombstone: r.tombstone,
    object: r.object,
  };
}

/** One record as one JSON line (without the newline). */
export function recordToJsonLine(r: RecordView): string {
  return JSON.stringify(recordToJson(r));
}

/** Records as JSON Lines: one line each, every line "\n"-terminated; no records, an empty text. */
export function recordsToJsonl(records: readonly RecordView[]): string {
  if (records.length === 0) return '';
  const out: string[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) out[i] = recordToJsonLine(records[i]!);
  return `${out.join('\n')}\n`;
}
