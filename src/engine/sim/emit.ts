/** Building trace records for the step being run (params typed by the message catalog, model/messages.ts). */

import type { MessageId, MessageParams } from '../model/messages';
import type { DeletedFinalStateUnknown, Kind, KObject } from '../model/objects';
import type { Arrow, Component, TraceRecord } from '../model/trace';
import type { World } from './world';

/**
 * Where a step's records are collected: `records[0 .. count)`. The array is reused from step to step
 * (sim/step.ts), so slots at and past `count` hold an earlier step's records and are overwritten.
 */
export interface StepOut {
  readonly records: TraceRecord[];
  count: number;
}

export function emitRecord<M extends MessageId>(
  w: World,
  out: StepOut,
  lane: Kind | null,
  component: Component,
  arrow: Arrow,
  message: M,
  params: MessageParams<M>,
  key: string | null = null,
  object: KObject | DeletedFinalStateUnknown<KObject> | null = null,
): void {
  let rv: string | null = null;
  if (object !== null) {
    // An object has metadata, a tombstone (DeletedFinalStateUnknown) does not: reading a field every
    // object has is cheaper than asking each one for the tombstone's tag.
    const meta = (object as Partial<KObject>).metadata;
    if (meta !== undefined) rv = meta.resourceVersion;
    else {
      const inner = (object as DeletedFinalStateUnknown<KObject>).obj;
      rv = inner === null ? null : inner.metadata.resourceVersion;
    }
  }
  out.records[out.count++] = {
    step: w.step + 1,
    time: w.now,
    lane,
    component,
    arrow,
    key,
    object,
    resourceVersion: rv,
    message,
    params,
  };
}
