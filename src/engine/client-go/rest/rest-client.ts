/**
 * The REST client (client-go v0.26 rest/request.go, with_retry.go, config.go; spec §1A K1–K7): the
 * client side of every request a controller makes, between the caller (a reflector's ListerWatcher, a
 * worker's clientset call) and the API server.
 *
 * - K2, K7: one REST client per group-version per clientset. sample-controller builds two clientsets
 *   from one config with QPS and Burst unset, so AppsV1 and CoreV1 (kubernetes.NewForConfig) and
 *   SamplecontrollerV1alpha1 (the generated clientset) each get their own full token bucket of 5 QPS,
 *   burst 10. Settings `qps`/`burst` are the config's: 0 = unset (5 / 10 per REST client); QPS > 0 makes
 *   `NewForConfig` build **one** limiter shared by that clientset's group-versions; a negative QPS means
 *   no limiter at all. [1.36] Same defaults and scoping (cg@36:rest/config.go, kubernetes/clientset.go).
 * - K1: a request takes one token before its first attempt, except a WATCH's first attempt; every retry,
 *   watches included, takes one again. The wait is not part of the request timeout.
 * - K4: after an attempt answered 429 or any 5xx with a `Retry-After` header, the client sleeps exactly
 *   that many seconds (the default backoff manager is NoBackoff) and tries again, at most 10 retries (11
 *   attempts); only the last answer reaches the caller. Everything else (other codes, no header, a
 *   refused connection: not a reset or EOF) is final at once. [1.36] Same counts.
 * - K6: an ERROR event inside an open watch stream never comes back through here (only the watch
 *   request's own answer does), so it is never retried.
 *
 * The module is pure: a call is plain data carrying an opaque `target` (what the simulator needs to send
 * it and to answer its caller); sim/rest-actors.ts puts the waits on the agenda and emits the records.
 *
 * Simplifications: a request body is always bytes (typed clients), so every verb may be retried; GET's
 * retry on a reset connection or EOF and a watch's on EOF or timeout (K4) have no fault that causes
 * them here; the context of a caller that gave up does not cancel its call (no caller gives up).
 * Test-only switches (src/engine/rules.ts): K2_CLIENT_RATE_LIMIT, K4_RETRY_AFTER.
 */
import { RULES } from '../../rules';
import { bucketReserve, newTokenBucket, type TokenBucketState } from './token-bucket';
import { type HttpVerb, REST_CLIENTS, type RestClientName } from './wire';

/** K2: rest.DefaultQPS and rest.DefaultBurst, used when the config leaves them 0. */
export const DEFAULT_QPS = 5;
export const DEFAULT_BURST = 10;
/** K4: `maxRetries: 10` (request.go NewRequest), so at most 11 attempts. */
export const MAX_RETRIES = 10;
export const MAX_ATTEMPTS = MAX_RETRIES + 1;
/** K3: a token wait over this is logged at V(3) (longThrottleLatency); over 1 s also rate-limited at V(2)/V(0). */
export const LONG_THROTTLE_LATENCY_MS = 50;
export const EXTRA_LONG_THROTTLE_LATENCY_MS = 1000;

/** The rest.Config fields a scenario sets (settings.qps / settings.burst): 0 = unset. */
export interface RestConfig {
  readonly qps: number;
  readonly burst: number;
}

/** Which clientset builds each REST client (K7): kubernetes.NewForConfig or the generated one. */
const CLIENTSET_OF: Readonly<Record<RestClientName, 'kubernetes' | 'samplecontroller'>> = {
  AppsV1: 'kubernetes',
  CoreV1: 'kubernetes',
  SamplecontrollerV1alpha1: 'samplecontroller',
};

/** How a REST client's limiter came about (K2). */
export type LimiterScope = 'own' | 'shared' | 'none';

export interface RestClientState {
  readonly name: RestClientName;
  /** Index of its token bucket in RestState.limiters, or null: no limiter (negative QPS). */
  readonly limiter: number | null;
  readonly scope: LimiterScope;
  /** Attempts sent, first attempts that waited for a token, and retries (K4), for the views. */
  attempts: number;
  throttled: number;
  retries: number;
}

/** Where a call is: before its first token (`starting`: the caller's own work first), waiting for a
 * token, on the wire, or asleep for a Retry-After. */
export type RestPhase = 'starting' | 'throttled' | 'in-flight' | 'retry-after';

export interface RestCall<T> {
  readonly id: number;
  readonly client: RestClientName;
  readonly verb: HttpVerb;
  readonly watch: boolean;
  readonly url: string;
  /** What the simulator sends and whom it answers (opaque here). */
  readonly target: T;
  /** The attempt in progress (1-based; the next one while asleep). */
  attempt: number;
  phase: RestPhase;
  /** When the current phase began and, for a wait, when it ends. */
  since: number;
  until: number | null;
  /** The current token wait, ms (0 when none). */
  waitedMs: number;
  /** The last answer's code and Retry-After seconds (null before any answer / without the header). */
  lastCode: number | null;
  retryAfter: number | null;
}

export interface RestState<T> {
  readonly clients: Readonly<Record<RestClientName, RestClientState>>;
  readonly limiters: TokenBucketState[];
  /** Calls not yet answered to their caller, by id. */
  readonly calls: Map<number, RestCall<T>>;
  nextCall: number;
}

/** K2/K7: the REST clients and their token buckets for a config, every bucket full at `now`. */
export function newRestState<T>(cfg: RestConfig, now: number): RestState<T> {
  const limiters: TokenBucketState[] = [];
  const shared = new Map<string, number>();
  const clients = {} as Record<RestClientName, RestClientState>;
  for (const name of REST_CLIENTS) {
    let limiter: number | null = null;
    let scope: LimiterScope = 'none';
    if (cfg.qps > 0) {
      // NewForConfigAndClient: one limiter for the whole clientset (burst > 0 is checked by the reader).
      const cs = CLIENTSET_OF[name];
      limiter = shared.get(cs) ?? null;
      if (limiter === null) {
        limiter = limiters.push(newTokenBucket(cfg.qps, cfg.burst, now)) - 1;
        shared.set(cs, limiter);
      }
      scope = 'shared';
    } else if (cfg.qps === 0) {
      // RESTClientFor: 0 → DefaultQPS / DefaultBurst, a bucket of its own.
      limiter = limiters.push(newTokenBucket(DEFAULT_QPS, cfg.burst || DEFAULT_BURST, now)) - 1;
      scope = 'own';
    }
    clients[name] = { name, limiter, scope, attempts: 0, throttled: 0, retries: 0 };
  }
  return { clients, limiters, calls: new Map(), nextCall: 1 };
}

/** The REST clients sharing a client's limiter (itself included), in REST_CLIENTS order. */
export function restSharing<T>(s: RestState<T>, name: RestClientName): RestClientName[] {
  const l = s.clients[name].limiter;
  return l === null ? [name] : REST_CLIENTS.filter((n) => s.clients[n].limiter === l);
}

/** A new call, before its first token: the caller is still doing its own work. */
export function restOpen<T>(
  s: RestState<T>,
  req: { client: RestClientName; verb: HttpVerb; watch: boolean; url: string; target: T },
  now: number,
): RestCall<T> {
  const call: RestCall<T> = {
    id: s.nextCall++,
    ...req,
    attempt: 1,
    phase: 'starting',
    since: now,
    until: null,
    waitedMs: 0,
    lastCode: null,
    retryAfter: null,
  };
  s.calls.set(call.id, call);
  return call;
}

/**
 * K1: the token before an attempt. A WATCH's first attempt takes none; every other attempt reserves one
 * from its client's bucket. Returns the wait in ms; the call is `throttled` until then, else `in-flight`.
 */
export function restTakeToken<T>(s: RestState<T>, call: RestCall<T>, now: number): number {
  const c = s.clients[call.client];
  const exempt = call.watch && call.attempt === 1;
  const wait =
    exempt || c.limiter === null || !RULES.K2_CLIENT_RATE_LIMIT
      ? 0
      : bucketReserve(s.limiters[c.limiter]!, now);
  call.waitedMs = wait;
  call.since = now;
  if (wait > 0) {
    call.phase = 'throttled';
    call.until = now + wait;
    if (call.attempt === 1) c.throttled++;
  } else {
    restSent(s, call, now);
  }
  return wait;
}

/** The attempt leaves (after its token wait, if any). */
export function restSent<T>(s: RestState<T>, call: RestCall<T>, now: number): void {
  call.phase = 'in-flight';
  call.since = now;
  call.until = null;
  s.clients[call.client].attempts++;
  if (call.attempt > 1) s.clients[call.client].retries++;
}

/** What to do with an attempt's answer: sleep and retry (K4), or hand it to the caller. */
export type RestVerdict =
  | { readonly retry: true; readonly sleepMs: number }
  | { readonly retry: false; readonly exhausted: boolean };

/**
 * K4 (withRetry.IsNextRetry + checkWait): an answer of 429 or ≥ 500 carrying `Retry-After` (whole
 * seconds; null = no header) is retried while attempts remain; the call then sleeps. Anything else, or the
 * 11th attempt's answer, is final; `exhausted` says the retries were used up on a retryable answer.
 */
export function restAnswer<T>(
  call: RestCall<T>,
  code: number,
  retryAfter: number | null,
  now: number,
): RestVerdict {
  call.lastCode = code;
  call.retryAfter = retryAfter;
  const retryable = (code === 429 || code >= 500) && retryAfter !== null && RULES.K4_RETRY_AFTER;
  if (!retryable) return { retry: false, exhausted: false };
  if (call.attempt >= MAX_ATTEMPTS) return { retry: false, exhausted: true };
  call.phase = 'retry-after';
  call.since = now;
  call.until = now + retryAfter * 1000;
  return { retry: true, sleepMs: retryAfter * 1000 };
}

/** The Retry-After sleep is over: the next attempt (which takes a token, K1). */
export function restNextAttempt<T>(call: RestCall<T>): void {
  call.attempt++;
}

/** The caller has its answer: the call is done. */
export function restClose<T>(s: RestState<T>, call: RestCall<T>): void {
  s.calls.delete(call.id);
}
