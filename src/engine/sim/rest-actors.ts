/**
 * The REST clients on the agenda (spec K1–K6; the pure rules are client-go/rest/rest-client.ts): every
 * reflector LIST and WATCH and every worker write goes out through its group-version's REST client, and
 * every answer comes back through it before its caller sees it.
 *
 * A call's life: `restSend` (the caller makes the call; a worker's write first spends its reconcile time,
 * then `rest.start`) → a token (K1; a WATCH's first attempt takes none) → if the bucket is empty the call
 * waits (`rest.send` when its token is due) → the server action after the request latency → the server
 * answers with `rest.response` → K4: a 429/5xx with Retry-After sleeps (`rest.retry`), takes a token
 * again and goes out again, up to 11 attempts; anything else is handed to the caller in the same step
 * (the reflector's or the worker's own response action, dispatched by step.ts).
 *
 * Records (model/messages.ts): a token wait is told when the request leaves, in client-go's words (K3:
 * over 50 ms it is logged; shorter waits log nothing and are narrated as such); a retry decision when the
 * answer arrives; the retry when it leaves; retries used up when the last answer goes to the caller. A
 * call with no wait and no retry adds no record and no step: its trace is the one without a REST client.
 */
import {
  LONG_THROTTLE_LATENCY_MS,
  MAX_ATTEMPTS,
  newRestState,
  type RestCall,
  type RestConfig,
  restAnswer,
  restClose,
  restNextAttempt,
  restOpen,
  restSent,
  restTakeToken,
} from '../client-go/rest/rest-client';
import { goDuration, listQuery, requestUrl, restClientOf, watchQuery } from '../client-go/rest/wire';
import { schedule } from '../kernel/agenda';
import type { MessageId, MessageParams } from '../model/messages';
import { type KObject, metaNamespaceKey } from '../model/objects';
import type { Settings } from '../model/scenario';
import type { Arrow, Component } from '../model/trace';
import type { Action } from './actions';
import { emitRecord, type StepOut } from './emit';
import { drawLatency } from './latency';
import type { RestAnswer, RestTarget, SimRestState } from './rest-target';
import type { SimContext, World } from './world';

type Call = RestCall<RestTarget>;

/** The world's REST clients for a scenario's settings (K2, K7). */
export function newSimRest(s: Pick<Settings, 'qps' | 'burst'>, now: number): SimRestState {
  const cfg: RestConfig = { qps: s.qps, burst: s.burst };
  return newRestState<RestTarget>(cfg, now);
}

/** K5: the apiserver writes `Retry-After` only for a Status with details.retryAfterSeconds > 0. */
export function retryAfterHeader(err: { readonly retryAfterSeconds?: number }): number | null {
  const s = err.retryAfterSeconds;
  return s !== undefined && s > 0 ? s : null;
}

function describeCall(t: RestTarget): {
  client: Call['client'];
  verb: Call['verb'];
  watch: boolean;
  url: string;
} {
  switch (t.kind) {
    case 'list': {
      const q = listQuery(t.req.resourceVersion, t.req.limit, t.req.continue);
      return {
        client: restClientOf(t.lane),
        verb: 'GET',
        watch: false,
        url: requestUrl({ kind: t.lane, namespace: '', query: q }),
      };
    }
    case 'watch':
      return {
        client: restClientOf(t.lane),
        verb: 'GET',
        watch: true,
        url: requestUrl({
          kind: t.lane,
          namespace: '',
          query: watchQuery(t.req.resourceVersion, t.req.timeoutMs),
        }),
      };
    case 'write': {
      const o = t.req.object;
      const create = t.req.verb === 'create';
      return {
        client: restClientOf(o.kind),
        verb: create ? 'POST' : 'PUT',
        watch: false,
        // Absent parts as undefined rather than spread in: requestUrl skips them either way.
        url: requestUrl({
          kind: o.kind,
          namespace: o.metadata.namespace,
          name: create ? undefined : o.metadata.name,
          subresource: t.req.verb === 'updateStatus' ? 'status' : undefined,
        }),
      };
    }
  }
}

/**
 * A caller makes a call. `delayMs` is the caller's own work before the call leaves its hands (a worker's
 * reconcile time); `latencyMs`, when given, is the request latency already drawn for the first attempt.
 */
export function restSend(
  w: World,
  ctx: SimContext,
  target: RestTarget,
  delayMs = 0,
  latencyMs: number | null = null,
): void {
  const call = restOpen(w.rest, { ...describeCall(target), target }, w.now);
  if (delayMs > 0) {
    schedule(w.agenda, w.now + delayMs, { a: 'rest.start', call: call.id, latencyMs });
    return;
  }
  restStart(w, ctx, call.id, latencyMs);
}

/** The call leaves the caller's hands: K1's token for its first attempt. */
export function restStart(w: World, ctx: SimContext, id: number, latencyMs: number | null): void {
  const call = w.rest.calls.get(id);
  if (call === undefined) return;
  const wait = restTakeToken(w.rest, call, w.now);
  if (wait > 0) schedule(w.agenda, w.now + wait, { a: 'rest.send', call: id });
  else toServer(w, ctx, call, latencyMs);
}

/** Puts the attempt on the wire: the server action after the request latency. */
function toServer(w: World, ctx: SimContext, call: Call, latencyMs: number | null): void {
  const at = w.now + (latencyMs ?? drawLatency(w, ctx.scenario.settings.latency.request));
  const id = call.id;
  switch (call.target.kind) {
    case 'list':
      schedule(w.agenda, at, { a: 'server.list', call: id });
      return;
    case 'watch':
      schedule(w.agenda, at, { a: 'server.watch', call: id });
      return;
    case 'write':
      schedule(w.agenda, at, { a: 'server.write', call: id });
      return;
  }
}

/** Where a call's records belong: the reflector's box for its LIST/WATCH, the Clients box for writes. */
function place(call: Call): {
  lane: KObject['kind'];
  component: Component;
  out: Arrow;
  key: string | null;
  obj: KObject | null;
} {
  const t = call.target;
  if (t.kind === 'write') {
    const o = t.req.object;
    return { lane: o.kind, component: 'client', out: 'write', key: metaNamespaceKey(o), obj: o };
  }
  return { lane: t.lane, component: 'reflector', out: 1, key: null, obj: null };
}

function emitFor<M extends MessageId>(
  w: World,
  out: StepOut,
  call: Call,
  outgoing: boolean,
  message: M,
  params: MessageParams<M>,
): void {
  const p = place(call);
  emitRecord(w, out, p.lane, p.component, outgoing ? p.out : 'internal', message, params, p.key, p.obj);
}

/**
 * A token wait is over (`rest.send`): the attempt leaves, told in client-go's words (K3). [1.36] The
 * modern client logs the structured `"Waited before sending request" delay=… reason=… verb=… URL=…`
 * (the retry's reason in place of `reason` on retries): `rest.*-structured`, in modern mode (settings.era).
 */
export function restDepart(w: World, ctx: SimContext, out: StepOut, id: number): void {
  const call = w.rest.calls.get(id);
  if (call === undefined || call.phase !== 'throttled') return;
  restSent(w.rest, call, w.now);
  const base = { client: call.client, verb: call.verb, url: call.url, waitedMs: call.waitedMs };
  const logged = call.waitedMs > LONG_THROTTLE_LATENCY_MS;
  const structured = ctx.scenario.settings.era === 'modern';
  if (call.attempt === 1) {
    if (logged)
      emitFor(w, out, call, true, structured ? 'rest.throttled-structured' : 'rest.throttled', {
        ...base,
        waited: goDuration(call.waitedMs),
      });
    else emitFor(w, out, call, true, 'rest.throttled-quiet', base);
  } else {
    if (logged)
      emitFor(w, out, call, false, structured ? 'rest.retry-throttled-structured' : 'rest.retry-throttled', {
        ...base,
        waited: goDuration(call.waitedMs),
        retries: call.attempt - 1,
        retryAfter: call.retryAfter,
        code: call.lastCode,
        retryReason: call.lastCode === 429 ? 'server-side-throttling' : 'status',
      });
    emitRetry(w, out, call);
  }
  toServer(w, ctx, call, null);
}

function emitRetry(w: World, out: StepOut, call: Call): void {
  emitFor(w, out, call, true, 'rest.retry', {
    client: call.client,
    verb: call.verb,
    url: call.url,
    attempt: call.attempt,
    failed: call.attempt - 1,
    retryAfter: call.retryAfter,
    waitedMs: call.waitedMs,
  });
}

/** The Retry-After sleep is over (`rest.retry`): the next attempt takes a token (K1), then leaves. */
export function restRetry(w: World, ctx: SimContext, out: StepOut, id: number): void {
  const call = w.rest.calls.get(id);
  if (call === undefined || call.phase !== 'retry-after') return;
  restNextAttempt(call);
  const wait = restTakeToken(w.rest, call, w.now);
  if (wait > 0) {
    schedule(w.agenda, w.now + wait, { a: 'rest.send', call: id });
    return;
  }
  emitRetry(w, out, call);
  toServer(w, ctx, call, null);
}

function answerCode(a: RestAnswer): number {
  switch (a.kind) {
    case 'list':
      return a.resp.code;
    case 'watch':
      return 'streamId' in a.result ? 200 : a.result.code;
    case 'write':
      return a.resp.code;
  }
}

function answerReason(a: RestAnswer): string {
  switch (a.kind) {
    case 'list':
      return 'items' in a.resp ? '' : a.resp.reason;
    case 'watch':
      return 'streamId' in a.result ? '' : a.result.reason;
    case 'write':
      return a.resp.reason ?? '';
  }
}

/** The caller's own response action for the final answer (step.ts dispatches it in the same step). */
function replyTo(t: RestTarget, a: RestAnswer): Action {
  if (t.kind === 'list' && a.kind === 'list')
    return { a: 'reflector.list-response', lane: t.lane, resp: a.resp, epoch: t.epoch };
  if (t.kind === 'watch' && a.kind === 'watch')
    return { a: 'reflector.watch-opened', lane: t.lane, result: a.result, epoch: t.epoch };
  if (t.kind === 'write' && a.kind === 'write')
    return { a: 'worker.write-response', worker: t.worker, token: t.token, resp: a.resp };
  throw new Error(`REST answer of a ${a.kind} for a ${t.kind} call`);
}

/**
 * An attempt's answer reaches the REST client (K4): retry after the Retry-After sleep, or hand the answer
 * to the caller. Returns the caller's response action to run now, or null.
 */
export function restResponse(
  w: World,
  out: StepOut,
  id: number,
  answer: RestAnswer,
  retryAfter: number | null,
): Action | null {
  const call = w.rest.calls.get(id);
  if (call === undefined) return null;
  const code = answerCode(answer);
  const verdict = restAnswer(call, code, retryAfter, w.now);
  const base = { client: call.client, verb: call.verb, url: call.url, code, reason: answerReason(answer) };
  if (verdict.retry) {
    emitFor(w, out, call, false, 'rest.retry-after', { ...base, attempt: call.attempt, retryAfter });
    schedule(w.agenda, w.now + verdict.sleepMs, { a: 'rest.retry', call: id });
    return null;
  }
  if (verdict.exhausted)
    emitFor(w, out, call, false, 'rest.retries-exhausted', { ...base, attempts: MAX_ATTEMPTS });
  restClose(w.rest, call);
  return replyTo(call.target, answer);
}
