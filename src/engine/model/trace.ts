/**
 * Trace records: what a step did, as data. The view animates them, the narration renders them, the CLI
 * prints them, lessons assert over them. The engine never calls presentation code.
 *
 * `arrow` is one of the classic figure's numbered arrows (1–9, shared/reference) or a named extra:
 * `write` (Handle Object → Clients → API server), `watch-event` (API server → Reflector), `resync`
 * (Indexer → DeltaFIFO through known objects), `requeue` (Process Item → Workqueue: Done, Forget,
 * AddRateLimited), `internal` (inside one box: timers, listener buffer → handler, GC, server work).
 */
import type { DeletedFinalStateUnknown, Kind, KObject } from './objects';

/** The figure's numbered arrows and the named extras (see the header). */
export const ARROWS = [
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  'write',
  'watch-event',
  'resync',
  'requeue',
  'internal',
] as const;
export type Arrow = (typeof ARROWS)[number];
/** The named extras alone (not numbered in the classic figure). */
export const NAMED_ARROWS = ['write', 'watch-event', 'resync', 'requeue', 'internal'] as const;

/** The boxes of the figure a record can come from. */
export const COMPONENTS = [
  'apiserver',
  'reflector',
  'deltafifo',
  'informer',
  'indexer',
  'handler',
  'workqueue',
  'worker',
  'client',
  'controller',
  'user',
] as const;
export type Component = (typeof COMPONENTS)[number];

export type ParamValue = string | number | boolean | null;

export interface TraceRecord {
  /** 1-based number of the step that emitted this record. */
  readonly step: number;
  /** Virtual time, ms. */
  readonly time: number;
  /** Which informer lane (Foo or Deployment) the record belongs to, when one applies. */
  readonly lane: Kind | null;
  readonly component: Component;
  readonly arrow: Arrow;
  readonly key: string | null;
  /** The object (or tombstone) the record carries; shared immutable reference. */
  readonly object: KObject | DeletedFinalStateUnknown<KObject> | null;
  readonly resourceVersion: string | null;
  /** Message id of the catalog (model/messages.ts); `params` are its declared parameters, as data. */
  readonly message: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}
