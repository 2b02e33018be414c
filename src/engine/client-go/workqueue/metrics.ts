/**
 * Workqueue metrics: models cg:util/workqueue/metrics.go (`defaultQueueMetrics`, `defaultRetryMetrics`)
 * with the Prometheus names of component-base:metrics/prometheus/workqueue/metrics.go (spec §6.5).
 *
 * | field | Prometheus metric | updated |
 * | --- | --- | --- |
 * | depth | workqueue_depth | +1 on every W1 add that newly dirties an item (also while processing), −1 on every Get |
 * | addsTotal | workqueue_adds_total | the same +1 events as depth |
 * | queueDuration | workqueue_queue_duration_seconds | at Get: time since the first add after the previous Get |
 * | workDuration | workqueue_work_duration_seconds | at Done: time since the Get |
 * | unfinishedWorkMs | workqueue_unfinished_work_seconds | sum of ages of all processing items |
 * | longestRunningProcessorMs | workqueue_longest_running_processor_seconds | age of the oldest one |
 * | retriesTotal | workqueue_retries_total | +1 per AddAfter / AddRateLimited not ignored for shutdown (W6) |
 *
 * Depth is not `Len()` (W4): an add during processing counts in depth but is not in the queue slice until
 * Done re-queues it, and a Done of a queued-not-processing item duplicates it in the slice without
 * counting, so two Gets can take depth below zero. Both are mirrored on purpose.
 *
 * Simplifications: real client-go emits these only for a named queue with a provider installed
 * (`SetProvider`); the simulation always keeps them and reports `emitted: name !== ''` so a view can show
 * what a Prometheus scrape would. Times are virtual ms instead of seconds. The two gauges are refreshed by
 * a 500 ms ticker in real client-go (`updateUnfinishedWorkLoop`, stopped at shutdown); `wqMetrics` computes
 * them at the `now` it is given, and a caller that wants the ticker's staircase samples at multiples of
 * `UNFINISHED_WORK_UPDATE_PERIOD_MS`.
 */
import { SharedMap } from '../../kernel/shared-map';

/** `defaultUnfinishedWorkUpdatePeriod` in queue.go. */
export const UNFINISHED_WORK_UPDATE_PERIOD_MS = 500;

/**
 * Histogram upper bounds in ms: Prometheus `ExponentialBuckets(10e-9, 10, 10)` seconds (10 ns … 10 s), the
 * buckets component-base gives both duration histograms. Observations above the last bound land in +Inf.
 */
export const WORKQUEUE_HISTOGRAM_BUCKETS_MS: readonly number[] = [
  0.00001, 0.0001, 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000,
];

/** A histogram as plain data: count, sum, and per-bucket (non-cumulative) counts, the last one +Inf. */
export interface HistogramState {
  count: number;
  sumMs: number;
  bucketCounts: number[];
}

export interface WorkqueueMetricsState {
  depth: number;
  addsTotal: number;
  retriesTotal: number;
  /** Item → virtual ms of its first add since its last Get (`addTimes`), shared with keyframes by shard. */
  addTimes: SharedMap<number>;
  /** Item → virtual ms of its Get (`processingStartTimes`). */
  processingStartTimes: Map<string, number>;
  queueDuration: HistogramState;
  workDuration: HistogramState;
}

/** A histogram as a view shows it: cumulative buckets like a Prometheus scrape. */
export interface HistogramView {
  count: number;
  sumMs: number;
  buckets: { leMs: number; count: number }[];
}

/** What a Prometheus scrape of one queue would show (label `name`), in ms. */
export interface WorkqueueMetrics {
  name: string;
  /** Whether real client-go would emit these at all (named queue; assumes a provider is installed). */
  emitted: boolean;
  depth: number;
  addsTotal: number;
  retriesTotal: number;
  queueDuration: HistogramView;
  workDuration: HistogramView;
  unfinishedWorkMs: number;
  longestRunningProcessorMs: number;
}

function newHistogram(): HistogramState {
  return {
    count: 0,
    sumMs: 0,
    bucketCounts: new Array<number>(WORKQUEUE_HISTOGRAM_BUCKETS_MS.length + 1).fill(0),
  };
}

export function newWorkqueueMetricsState(): WorkqueueMetricsState {
  return {
    depth: 0,
    addsTotal: 0,
    retriesTotal: 0,
    addTimes: new SharedMap(),
    processingStartTimes: new Map(),
    queueDuration: newHistogram(),
    workDuration: newHistogram(),
  };
}

function observe(h: HistogramState, ms: number): void {
  h.count++;
  h.sumMs += ms;
  const b = WORKQUEUE_HISTOGRAM_BUCKETS_MS;
  let i = 0;
  while (i < b.length && ms > b[i]!) i++;
  h.bucketCounts[i]!++;
}

/** `metrics.add(item)`: called by Add once the item newly becomes dirty (W1). */
export function metricsAdd(m: WorkqueueMetricsState, item: string, now: number): void {
  m.addsTotal++;
  m.depth++;
  if (!m.addTimes.has(item)) m.addTimes.set(item, now);
}

/** `metrics.get(item)`: called by Get for every item it hands out (W2). */
export function metricsGet(m: WorkqueueMetricsState, item: string, now: number): void {
  m.depth--;
  m.processingStartTimes.set(item, now);
  const added = m.addTimes.get(item);
  if (added !== undefined) {
    observe(m.queueDuration, now - added);
    m.addTimes.delete(item);
  }
}

/** `metrics.done(item)`: called by every Done (W3), even for an item that is not processing. */
export function metricsDone(m: WorkqueueMetricsState, item: string, now: number): void {
  const started = m.processingStartTimes.get(item);
  if (started !== undefined) {
    observe(m.workDuration, now - started);
    m.processingStartTimes.delete(item);
  }
}

/** `retryMetrics.retry()`: called by AddAfter (W6). */
export function metricsRetry(m: WorkqueueMetricsState): void {
  m.retriesTotal++;
}

function histogramView(h: HistogramState): HistogramView {
  const buckets: { leMs: number; count: number }[] = [];
  let cum = 0;
  for (let i = 0; i < WORKQUEUE_HISTOGRAM_BUCKETS_MS.length; i++) {
    cum += h.bucketCounts[i]!;
    buckets.push({ leMs: WORKQUEUE_HISTOGRAM_BUCKETS_MS[i]!, count: cum });
  }
  return { count: h.count, sumMs: h.sumMs, buckets };
}

/** The unfinished-work gauges at `now` (`updateUnfinishedWork`): sum of ages and the largest age. */
export function unfinishedWork(m: WorkqueueMetricsState, now: number): { totalMs: number; oldestMs: number } {
  let totalMs = 0;
  let oldestMs = 0;
  for (const started of m.processingStartTimes.values()) {
    const age = now - started;
    totalMs += age;
    if (age > oldestMs) oldestMs = age;
  }
  return { totalMs, oldestMs };
}

/** A scrape of the queue's metrics at `now` (the gauges computed at `now`, see the header). */
export function wqMetrics(
  q: { readonly name: string; readonly metrics: WorkqueueMetricsState },
  now: number,
): WorkqueueMetrics {
  const m = q.metrics;
  const uw = unfinishedWork(m, now);
  return {
    name: q.name,
    emitted: q.name !== '',
    depth: m.depth,
    addsTotal: m.addsTotal,
    retriesTotal: m.retriesTotal,
    queueDuration: histogramView(m.queueDuration),
    workDuration: histogramView(m.workDuration),
    unfinishedWorkMs: uw.totalMs,
    longestRunningProcessorMs: uw.oldestMs,
  };
}
