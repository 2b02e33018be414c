/**
 * The engine's step: run agenda actions (and due script actions) until one changes something a learner
 * can see, i.e. emits at least one trace record. That action is the step; actions that emit nothing run
 * but are not counted.
 *
 * Script actions (scenario file and interventions) at virtual time t run after every agenda entry whose
 * time is ≤ t and before any later one. That one rule makes an intervention made at step n replay
 * identically from a fresh start: it lands in the script at the step's time and runs at the same point.
 */

import {
  reflectorOnListResponse,
  reflectorOnTimer,
  reflectorOnWatchClosed,
  reflectorOnWatchEvent,
  reflectorOnWatchOpened,
  reflectorRun,
} from '../client-go/reflector';
import { peek, popNext } from '../kernel/agenda';
import type { TraceRecord } from '../model/trace';
import type { Action } from './actions';
import { releaseActors } from './actor-target';
import { serverReplicaFeed } from './connections';
import {
  ensureWaitingLoop,
  waitForCacheSync,
  waitingLoop,
  workerGet,
  workerSync,
  workerWriteResponse,
} from './controller-actors';
import type { StepOut } from './emit';
import { informerPop, listenerDeliver, reflectorEnv } from './lane-actors';
import {
  modernInformerFinish,
  modernInformerPop,
  modernReflectorDispatch,
  modernRelease,
  type ReflectorAction,
} from './modern-lane';
import { restDepart, restResponse, restRetry, restStart } from './rest-actors';
import { applyScriptAction } from './script';
import { serverHandleList, serverHandleWatch, serverHandleWrite, serverWatchTimers } from './server-actors';
import { serverCompactor, serverGc, serverRecordEvent, serverRollout, serverStarted } from './server-cluster';
import type { SimContext, World } from './world';

/** Safety valve: a step that runs this many invisible actions ends the run (it would be a livelock). */
const MAX_ACTIONS_PER_STEP = 5_000_000;

/**
 * The output every step collects its records in, emptied at the start of each step. A step's records
 * are returned as an exact-size copy, which allocates less than a fresh array grown by push per step.
 * Steps never nest.
 */
const scratch: StepOut = { records: [], count: 0 };

/**
 * Runs one step. Returns its records (at least one), or null when nothing is left to happen (the agenda
 * and the script are both exhausted).
 */
export function stepWorld(w: World, ctx: SimContext): TraceRecord[] | null {
  const out = scratch;
  out.count = 0;
  for (let n = 0; n < MAX_ACTIONS_PER_STEP; n++) {
    const next = peek(w.agenda);
    const sa = ctx.script[w.scriptIndex];
    if (sa !== undefined && (next === undefined || sa.at < next.time)) {
      if (sa.at > w.now) w.now = sa.at;
      w.scriptIndex++;
      applyScriptAction(w, ctx, out, sa);
    } else if (next !== undefined) {
      popNext(w.agenda);
      if (next.time > w.now) w.now = next.time;
      dispatch(w, ctx, out, next.action);
    } else {
      releaseActors();
      return null;
    }
    if (out.count > 0) {
      w.step++;
      const records = out.records.slice(0, out.count);
      // Neither the buffer nor the actors' envs may keep this step's records or world alive after it.
      for (let i = 0; i < out.count; i++) (out.records as (TraceRecord | undefined)[])[i] = undefined;
      releaseActors();
      return records;
    }
  }
  releaseActors();
  return null;
}

/** A classic lane's reflector goroutine (client-go 1.26, reflector.ts). */
function classicReflectorDispatch(w: World, ctx: SimContext, out: StepOut, act: ReflectorAction): void {
  const L = w.lanes[act.lane];
  if (L.era !== 'classic') return;
  const env = reflectorEnv(w, ctx, out, act.lane);
  switch (act.a) {
    case 'reflector.run':
      reflectorRun(L.reflector, env);
      return;
    case 'reflector.timer':
      // A classic reflector never sets the modern watch-list timer.
      if (act.timer !== 'watch-list') reflectorOnTimer(L.reflector, env, act.timer, act.epoch);
      return;
    case 'reflector.list-response':
      reflectorOnListResponse(L.reflector, env, act.resp, act.epoch);
      return;
    case 'reflector.watch-opened':
      reflectorOnWatchOpened(L.reflector, env, act.result, act.epoch);
      return;
    case 'reflector.watch-event':
      reflectorOnWatchEvent(L.reflector, env, act.streamId, act.event);
      return;
    case 'reflector.watch-closed':
      reflectorOnWatchClosed(L.reflector, env, act.streamId);
      return;
  }
}

function dispatch(w: World, ctx: SimContext, out: StepOut, act: Action): void {
  switch (act.a) {
    case 'reflector.run':
    case 'reflector.timer':
    case 'reflector.list-response':
    case 'reflector.watch-opened':
    case 'reflector.watch-event':
    case 'reflector.watch-closed':
      if (w.lanes[act.lane].era === 'modern') modernReflectorDispatch(w, ctx, out, act);
      else classicReflectorDispatch(w, ctx, out, act);
      return;
    case 'server.list': {
      const t = w.rest.calls.get(act.call)?.target;
      if (t?.kind === 'list')
        serverHandleList(
          w,
          ctx,
          out,
          t.lane,
          t.req,
          act.call,
          act.arrivedAt ?? w.now,
          act.replica,
          act.target,
        );
      return;
    }
    case 'server.watch': {
      const t = w.rest.calls.get(act.call)?.target;
      if (t?.kind === 'watch')
        serverHandleWatch(
          w,
          ctx,
          out,
          t.lane,
          t.req,
          act.call,
          act.arrivedAt ?? w.now,
          act.replica,
          act.target,
        );
      return;
    }
    case 'server.replica-feed':
      serverReplicaFeed(w, ctx, act.replica);
      return;
    case 'server.compactor':
      serverCompactor(w, ctx, out);
      return;
    case 'recorder.event':
      serverRecordEvent(w, act.reason, act.eventType, act.key);
      return;
    case 'server.start':
      serverStarted(w, out, act.cacheInitMs, act.replica);
      return;
    case 'server.watch-timers':
      serverWatchTimers(w, ctx, out);
      return;
    case 'server.rollout':
      serverRollout(w, ctx, out, act.namespace, act.name);
      return;
    case 'server.gc':
      serverGc(w, ctx, out);
      return;
    case 'server.write': {
      const t = w.rest.calls.get(act.call)?.target;
      if (t?.kind === 'write') serverHandleWrite(w, ctx, out, act.call, t.req);
      return;
    }
    case 'informer.pop':
      if (w.lanes[act.lane].era === 'modern') modernInformerPop(w, ctx, out, act.lane);
      else informerPop(w, ctx, out, act.lane);
      return;
    case 'informer.finish':
      modernInformerFinish(w, act.lane);
      return;
    case 'informer.release':
      modernRelease(w, ctx, out, act.lane);
      return;
    case 'listener.deliver':
      listenerDeliver(w, ctx, out, act.lane, act.listener);
      return;
    case 'controller.wait-for-cache-sync':
      waitForCacheSync(w, out);
      return;
    case 'worker.get':
      workerGet(w, out, act.worker);
      return;
    case 'worker.sync':
      workerSync(w, ctx, out, act.worker, act.token);
      return;
    case 'worker.write-response':
      workerWriteResponse(w, ctx, out, act.worker, act.token, act.resp);
      ensureWaitingLoop(w);
      return;
    case 'workqueue.waiting-loop':
      waitingLoop(w, out);
      return;
    case 'rest.start':
      restStart(w, ctx, act.call, act.latencyMs);
      return;
    case 'rest.send':
      restDepart(w, ctx, out, act.call);
      return;
    case 'rest.retry':
      restRetry(w, ctx, out, act.call);
      return;
    case 'rest.response': {
      // The final answer reaches its caller in the same step (its own response action).
      const reply = restResponse(w, out, act.call, act.answer, act.retryAfter);
      if (reply !== null) dispatch(w, ctx, out, reply);
      return;
    }
  }
}
