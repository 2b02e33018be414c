/**
 * Event-log export: records as JSON Lines (one JSON object per line, "\n"-terminated), the same
 * fields as the frame's RecordView. JSON.stringify escapes newlines inside strings, so every record
 * stays on its own line whatever a scenario put in its names.
 */
import type { RecordView } from '../../engine/model/frame';

export function recordToJsonLine(r: RecordView): string {
  return JSON.stringify({
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
  });
}

export function recordsToJsonl(records: readonly RecordView[]): string {
  if (records.length === 0) return '';
  const out: string[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) out[i] = recordToJsonLine(records[i]!);
  return `${out.join('\n')}\n`;
}
