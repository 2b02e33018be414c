/**
 * client-go's workqueue (cg:util/workqueue): the basic queue (queue.ts, W1–W5), the delaying queue
 * (delaying.ts, W6–W8), the rate-limiting queue (rate-limiting.ts, W9), its rate limiters
 * (rate-limiters.ts, W10–W14) and its metrics (metrics.ts, spec §6.5), over one plain-data
 * `WorkqueueState`.
 */
export {
  type AddAfterResult,
  WAITING_LOOP_MAX_WAIT_MS,
  wqAddAfter,
  wqAdvance,
  wqNextReadyAt,
  wqSnapshot,
  wqWaiting,
} from './delaying';
export {
  type HistogramState,
  type HistogramView,
  UNFINISHED_WORK_UPDATE_PERIOD_MS,
  unfinishedWork,
  WORKQUEUE_HISTOGRAM_BUCKETS_MS,
  type WorkqueueMetrics,
  type WorkqueueMetricsState,
  wqMetrics,
} from './metrics';
export {
  type AddResult,
  type GetResult,
  newWorkqueue,
  type WaitFor,
  type WorkqueueState,
  wqAdd,
  wqDone,
  wqGet,
  wqIsDraining,
  wqLen,
  wqShutDown,
  wqShutDownWithDrain,
  wqShuttingDown,
} from './queue';
export {
  DEFAULT_CONTROLLER_RATE_LIMITER,
  INF_DURATION_MS,
  type LimiterSpec,
  type LimiterState,
  limiterStateForget,
  limiterStateNumRequeues,
  limiterStateWhen,
  newLimiterState,
} from './rate-limiters';
export { limiterWhen, wqAddRateLimited, wqForget, wqNumRequeues, wqRequeued } from './rate-limiting';
