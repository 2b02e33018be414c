/** A trace record as JSON (the `jsonl` format of the CLI and the event-log export). */

import { isTombstone } from '../engine/model/objects';
import type { TraceRecord } from '../engine/model/trace';

export function recordToJson(r: TraceRecord): Record<string, unknown> {
  const o = r.object;
  let object: unknown = null;
  if (o !== null) object = isTombstone(o) ? { DeletedFinalStateUnknown: { key: o.key, obj: o.obj } } : o;
  return {
    step: r.step,
    time: r.time,
    lane: r.lane,
    component: r.component,
    arrow: r.arrow,
    key: r.key,
    resourceVersion: r.resourceVersion,
    message: r.message,
    params: r.params,
    object,
  };
}
