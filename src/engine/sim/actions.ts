/**
 * Agenda actions: the next thing each actor (goroutine) will do, as plain data. `step.ts` dispatches
 * them exhaustively. Epochs / tokens carried by an action let its target ignore it once stale (the
 * goroutine that would have acted was cancelled), so nothing is ever removed from the agenda.
 */

import type { ApiError, ClientWatchEvent, ListResponse } from '../client-go/reflector';
import type { ModernReflectorTimer } from '../client-go/reflector-modern';
import type { WriteResponse } from '../controller/sample-controller';
import type { Kind } from '../model/objects';
import type { RestAnswer } from './rest-target';

export type Action =
  /** Informer lane start-up: the reflector's first ListAndWatch (factory.Start). */
  | { readonly a: 'reflector.run'; readonly lane: Kind }
  | {
      readonly a: 'reflector.timer';
      readonly lane: Kind;
      /** A classic reflector's timers, or a modern one's (which adds the watch-list retry, R21). */
      readonly timer: ModernReflectorTimer;
      readonly epoch: number;
    }
  /**
   * A request reaches the API server: a reflector's LIST or WATCH, a worker's write. The request itself
   * is the REST call's (world.rest.calls, sim/rest-actors.ts), so no request object sits in two places.
   * `arrivedAt`: set when a request the cache could not serve yet is looked at again (S7, S33), with the
   * `replica` it was routed to (S38: it waits there).
   */
  | {
      readonly a: 'server.list';
      readonly call: number;
      readonly arrivedAt?: number;
      readonly replica?: number;
      /** [1.36] S5, S24: etcd's revision when a consistent read came, which the cache must reach. */
      readonly target?: number;
    }
  | {
      readonly a: 'server.watch';
      readonly call: number;
      readonly arrivedAt?: number;
      readonly replica?: number;
      readonly target?: number;
    }
  /** Responses and stream traffic reach the reflector. */
  | {
      readonly a: 'reflector.list-response';
      readonly lane: Kind;
      readonly resp: ListResponse;
      readonly epoch: number;
    }
  | {
      readonly a: 'reflector.watch-opened';
      readonly lane: Kind;
      readonly result: { readonly streamId: number } | ApiError;
      readonly epoch: number;
    }
  | {
      readonly a: 'reflector.watch-event';
      readonly lane: Kind;
      readonly streamId: number;
      readonly event: ClientWatchEvent;
    }
  | { readonly a: 'reflector.watch-closed'; readonly lane: Kind; readonly streamId: number }
  /** Server timers. */
  /** The server's watch timers: deadlines (S22) and bookmarks (S23), handled together when due. */
  | { readonly a: 'server.watch-timers' }
  | { readonly a: 'server.rollout'; readonly namespace: string; readonly name: string }
  | { readonly a: 'server.gc' }
  /** S35: the apiserver's etcd compactor ticks (every compactionInterval). */
  | { readonly a: 'server.compactor' }
  /** The EventRecorder's write of a core/v1 Event (asynchronous to the worker that recorded it). */
  | {
      readonly a: 'recorder.event';
      readonly reason: string;
      readonly eventType: string;
      readonly key: string;
    }
  /** S33: the restarted apiserver (or, S38, one `replica` of several) is up: its Cachers re-initialise. */
  | { readonly a: 'server.start'; readonly cacheInitMs: number; readonly replica?: number }
  /** S38, S39b: a lagging replica's etcd watches deliver what has reached it (sim/connections.ts). */
  | { readonly a: 'server.replica-feed'; readonly replica: number }
  /** The informer's processLoop (Pop) and each listener's run loop. */
  | { readonly a: 'informer.pop'; readonly lane: Kind }
  /** Modern lanes: the take's processing is over (realFifoFinish; UnlockWhileProcessing, F6). */
  | { readonly a: 'informer.finish'; readonly lane: Kind }
  /** Modern lanes: the FIFO's lock is free again; the next held reflector action runs. */
  | { readonly a: 'informer.release'; readonly lane: Kind }
  | { readonly a: 'listener.deliver'; readonly lane: Kind; readonly listener: number }
  /** The controller. */
  | { readonly a: 'controller.wait-for-cache-sync' }
  | { readonly a: 'worker.get'; readonly worker: number }
  | { readonly a: 'worker.sync'; readonly worker: number; readonly token: number }
  | { readonly a: 'server.write'; readonly call: number }
  | {
      readonly a: 'worker.write-response';
      readonly worker: number;
      readonly token: number;
      readonly resp: WriteResponse;
    }
  /** The delaying queue's waiting loop wakes at the next ready time. */
  | { readonly a: 'workqueue.waiting-loop' }
  /**
   * The REST clients (K1–K6): a call leaves its caller's hands (its first token), a token wait ends, a
   * Retry-After sleep ends, an attempt's answer arrives. `latencyMs`: a request latency already drawn.
   */
  | { readonly a: 'rest.start'; readonly call: number; readonly latencyMs: number | null }
  | { readonly a: 'rest.send'; readonly call: number }
  | { readonly a: 'rest.retry'; readonly call: number }
  | {
      readonly a: 'rest.response';
      readonly call: number;
      readonly answer: RestAnswer;
      /** The answer's Retry-After header in seconds, or null without one (K5). */
      readonly retryAfter: number | null;
    };

export type ActionName = Action['a'];
