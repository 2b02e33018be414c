/**
 * sharedIndexInformer's processor and its listeners (client-go v0.26 tools/cache/shared_informer.go).
 *
 * Rules: SI3 (a same-resourceVersion update is a "sync" notification and reaches only listeners flagged
 * as resyncing; the flags start true and are overwritten at every resync check), SI4 (per-listener resync
 * periods, `shouldResync`, periods below 1 s raised to 1 s), SI5 (each listener has an unbounded buffer;
 * distribute never blocks; per listener, delivery is sequential and in order), SI6 / SI9 (isInInitialList
 * and the per-registration HasSynced: a registration has synced once the informer has and the listener has
 * run every initial-list add it was sent).
 *
 * A listener's pop/run goroutine pair is one actor in the simulation; this module holds its data and the
 * pure operations on it. The buffer is a plain array with a head index (O(1) pop, compacted when half
 * consumed) so that the world stays structured-clone friendly.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): SI3_SYNC_FILTER.
 */
import { deletionHandlingKey, type KObject } from '../model/objects';
import { RULES } from '../rules';
import type { Notification } from './process-deltas';

export const MINIMUM_RESYNC_PERIOD_MS = 1000;

export interface ListenerState {
  readonly id: number;
  /** The handler's name, for inspectors and narration. */
  readonly handler: string;
  buffer: Notification<KObject>[];
  /**
   * The key of each buffered notification's object (DeletionHandlingMetaNamespaceKeyFunc, I1), index for
   * index with `buffer`: the informer hands over the key it popped, so a delivery need not build it again.
   */
  keys: string[];
  head: number;
  /** True while a delivery of this listener is scheduled or running. */
  busy: boolean;
  readonly requestedResyncPeriodMs: number;
  resyncPeriodMs: number;
  nextResync: number;
  /** SI3: may this listener receive sync (same-RV) updates right now? */
  isResyncing: boolean;
  /** SI9: initial-list adds sent to this listener and not yet run. */
  initialPending: number;
  delivered: number;
}

export interface ProcessorState {
  listeners: ListenerState[];
  resyncCheckPeriodMs: number;
}

export function newProcessor(defaultResyncMs: number): ProcessorState {
  return { listeners: [], resyncCheckPeriodMs: defaultResyncMs };
}

/**
 * AddEventHandlerWithResyncPeriod before start (SI4): periods below 1 s are raised to 1 s, and a smaller
 * period lowers the informer's resync check period. (Handlers added after start are not modelled yet.)
 */
export function addListener(
  p: ProcessorState,
  handler: string,
  requestedResyncMs: number,
  now: number,
): ListenerState {
  let period = requestedResyncMs;
  if (period > 0 && period < MINIMUM_RESYNC_PERIOD_MS) period = MINIMUM_RESYNC_PERIOD_MS;
  if (p.resyncCheckPeriodMs === 0) period = 0;
  else if (period > 0 && period < p.resyncCheckPeriodMs) p.resyncCheckPeriodMs = period;
  const l: ListenerState = {
    id: p.listeners.length,
    handler,
    buffer: [],
    keys: [],
    head: 0,
    busy: false,
    requestedResyncPeriodMs: requestedResyncMs,
    resyncPeriodMs: period,
    nextResync: now + period,
    isResyncing: true,
    initialPending: 0,
    delivered: 0,
  };
  p.listeners.push(l);
  return l;
}

/** sharedProcessor.shouldResync (SI4): marks due listeners and re-arms them; true if any was due. */
export function processorShouldResync(p: ProcessorState, now: number): boolean {
  let any = false;
  for (const l of p.listeners) {
    const due = l.resyncPeriodMs !== 0 && now >= l.nextResync;
    l.isResyncing = due;
    if (due) {
      any = true;
      l.nextResync = now + l.resyncPeriodMs;
    }
  }
  return any;
}

/** The key of a notification's object (DeletionHandlingMetaNamespaceKeyFunc, I1). */
export function notificationKey(n: Notification<KObject>): string {
  return deletionHandlingKey(n.kind === 'update' ? n.new : n.obj);
}

/**
 * sharedProcessor.distribute (SI3): returns the listeners that received the notification. `key` is its
 * object's key (notificationKey), passed by a caller that already holds it.
 */
export function processorDistribute(
  p: ProcessorState,
  n: Notification<KObject>,
  key: string = notificationKey(n),
): ListenerState[] {
  const sync = n.kind === 'update' && n.old.metadata.resourceVersion === n.new.metadata.resourceVersion;
  let got: ListenerState[] | null = null;
  for (const l of p.listeners) {
    // RULES.SI3_SYNC_FILTER is a test-only switch (src/engine/rules.ts).
    if (sync && !l.isResyncing && RULES.SI3_SYNC_FILTER) continue;
    if (l.buffer.length === 0) {
      // A drained buffer (the common case): one-slot arrays rather than push's room for 16.
      l.buffer = [n];
      l.keys = [key];
    } else {
      l.buffer.push(n);
      l.keys.push(key);
    }
    if (n.kind === 'add' && n.isInInitialList) l.initialPending++;
    // Most informers have one listener: a one-slot array (push onto [] would make room for 16).
    if (got === null) got = [l];
    else got.push(l);
  }
  return got ?? [];
}

export function listenerPending(l: ListenerState): number {
  return l.buffer.length - l.head;
}

/** The key of the notification listenerTake would take next (notificationKey), or undefined. */
export function listenerNextKey(l: ListenerState): string | undefined {
  return l.head < l.keys.length ? l.keys[l.head] : undefined;
}

/** Takes the next notification of a listener's buffer (SI5: in order). */
export function listenerTake(l: ListenerState): Notification<KObject> | undefined {
  if (l.head >= l.buffer.length) return undefined;
  const n = l.buffer[l.head]!;
  l.head++;
  if (l.head === l.buffer.length) {
    l.buffer = [];
    l.keys = [];
    l.head = 0;
  } else if (l.head > 64 && l.head * 2 > l.buffer.length) {
    l.buffer = l.buffer.slice(l.head);
    l.keys = l.keys.slice(l.head);
    l.head = 0;
  }
  return n;
}

/** Called after the handler ran a notification. */
export function listenerDelivered(l: ListenerState, n: Notification<KObject>): void {
  l.delivered++;
  if (n.kind === 'add' && n.isInInitialList && l.initialPending > 0) l.initialPending--;
}

/** The pending notifications, oldest first (for inspectors). */
export function listenerBuffer(l: ListenerState): readonly Notification<KObject>[] {
  return l.buffer.slice(l.head);
}

/**
 * AddEventHandlerWithResyncPeriod on a running informer (SI4, SI8): the period is raised to the resync
 * check period (0 if the informer never resyncs), and under blockDeltas the new listener is sent one
 * OnAdd(obj, isInInitialList=true) per object the indexer holds (List order; sorted here).
 */
export function addListenerAfterStart(
  p: ProcessorState,
  handler: string,
  requestedResyncMs: number,
  now: number,
  cached: readonly KObject[],
): ListenerState {
  let period = requestedResyncMs;
  if (period > 0 && period < MINIMUM_RESYNC_PERIOD_MS) period = MINIMUM_RESYNC_PERIOD_MS;
  if (p.resyncCheckPeriodMs === 0) period = 0;
  else if (period > 0 && period < p.resyncCheckPeriodMs) period = p.resyncCheckPeriodMs;
  const l: ListenerState = {
    id: p.listeners.length,
    handler,
    buffer: cached.map((obj) => ({ kind: 'add' as const, obj, isInInitialList: true })),
    keys: cached.map((obj) => deletionHandlingKey(obj)),
    head: 0,
    busy: false,
    requestedResyncPeriodMs: requestedResyncMs,
    resyncPeriodMs: period,
    nextResync: now + period,
    isResyncing: true,
    initialPending: cached.length,
    delivered: 0,
  };
  p.listeners.push(l);
  return l;
}

/** SI9.2: a registration has synced once the informer has and this listener ran its initial adds. */
export function listenerHasSynced(l: ListenerState, informerSynced: boolean): boolean {
  return informerSynced && l.initialPending === 0;
}
