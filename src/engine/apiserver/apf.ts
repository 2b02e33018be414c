/**
 * [1.36] API Priority and Fairness's adaptive Retry-After (spec K5): as@36:pkg/util/flowcontrol/
 * dropped_requests_tracker.go, used by pkg/server/filters/priority-and-fairness.go:308–318 (a rejected
 * request is recorded, then the Retry-After header is the priority level's current value). A 1.26 server
 * always answers `Retry-After: 1`.
 *
 * Per priority level: `retryAfter` starts at 1 s. Drops are counted per wall-clock second; only when a
 * drop falls in a new second is the previous second's count moved to the history and `retryAfter`
 * reconsidered, from the drops of the last `retryAfter` seconds before this one:
 * - at least 3 × retryAfter, and at least retryAfter seconds since the last increase → doubled (≤ 32);
 * - else fewer than retryAfter → lowered by 1 (≥ 1).
 * The history keeps the seconds within min(2 × retryAfter, 32) of the newest.
 *
 * Which priority level: every request the lab's controller sends is a service account's, which the
 * suggested FlowSchema `service-accounts` puts in `workload-low`; the scripted 429 fault stands for
 * that level rejecting requests. Each kube-apiserver replica has its own filter and so its own tracker.
 * Seconds are the simulation's virtual time floored to whole seconds; `currentUnix` starts at −1 so the
 * first drop opens a new second as it does against a real clock.
 */

/** maxRetryAfter. */
export const APF_MAX_RETRY_AFTER = 32;
/** The priority level the controller's requests are classified into (see the header). */
export const CONTROLLER_PRIORITY_LEVEL = 'workload-low';

/** droppedRequestsStats, as plain data. */
export interface DroppedRequestsStats {
  /** Past seconds and their drops, oldest first. */
  readonly history: { readonly unix: number; readonly requests: number }[];
  currentUnix: number;
  currentCount: number;
  retryAfter: number;
  retryAfterUpdateUnix: number;
}

export function newDroppedRequestsStats(): DroppedRequestsStats {
  return { history: [], currentUnix: -1, currentCount: 0, retryAfter: 1, retryAfterUpdateUnix: 0 };
}

function updateHistory(st: DroppedRequestsStats, unix: number, count: number): void {
  st.history.push({ unix, requests: count });
  const maxHistory = Math.min(2 * st.retryAfter, APF_MAX_RETRY_AFTER);
  let start = 0;
  while (start < st.history.length && unix - st.history[start]!.unix > maxHistory) start++;
  if (start > 0) st.history.splice(0, start);
}

function updateRetryAfterIfNeeded(st: DroppedRequestsStats, unix: number): void {
  let retryAfter = st.retryAfter;
  let dropped = 0;
  for (let i = st.history.length - 1; i >= 0; i--) {
    const h = st.history[i]!;
    if (unix - h.unix > retryAfter) break;
    if (h.unix < unix) dropped += h.requests;
  }
  if (unix - st.retryAfterUpdateUnix >= retryAfter && dropped >= 3 * retryAfter) {
    retryAfter = Math.min(retryAfter * 2, APF_MAX_RETRY_AFTER);
    st.retryAfter = retryAfter;
    st.retryAfterUpdateUnix = unix;
    return;
  }
  if (dropped < retryAfter && retryAfter > 1) st.retryAfter = retryAfter - 1;
}

/** RecordDroppedRequest for one priority level at virtual time `now` (ms). */
export function recordDroppedRequest(st: DroppedRequestsStats, now: number): void {
  const unix = Math.floor(now / 1000);
  if (st.currentUnix === unix) {
    st.currentCount++;
    return;
  }
  updateHistory(st, st.currentUnix, st.currentCount);
  st.currentUnix = unix;
  st.currentCount = 1;
  updateRetryAfterIfNeeded(st, unix);
}

/**
 * A request of `priorityLevel` rejected at `now` by this replica's filter: records it and returns the
 * Retry-After the answer carries (GetRetryAfter after RecordDroppedRequest).
 */
export function apfReject(
  tracker: Record<string, DroppedRequestsStats>,
  priorityLevel: string,
  now: number,
): number {
  let st = tracker[priorityLevel];
  if (st === undefined) {
    st = newDroppedRequestsStats();
    tracker[priorityLevel] = st;
  }
  recordDroppedRequest(st, now);
  return st.retryAfter;
}
