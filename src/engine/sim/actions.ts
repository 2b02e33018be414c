/**
 * Agenda actions: the next thing each actor (goroutine) will do, as plain data. `step.ts` dispatches
 * them exhaustively. Epochs / tokens carried by an action let its target ignore it once stale (the
 * goroutine that would have acted was cancelled), so nothing is ever removed from the agenda.
 */

import type {
  ApiError,
  ClientWatchEvent,
  ListRequest,
  ListResponse,
  ReflectorTimer,
  WatchRequest,
} from '../client-go/reflector';
import type { WriteRequest, WriteResponse } from '../controller/sample-controller';
import type { Kind } from '../model/objects';

export type Action =
  /** Informer lane start-up: the reflector's first ListAndWatch (factory.Start). */
  | { readonly a: 'reflector.run'; readonly lane: Kind }
  | {
      readonly a: 'reflector.timer';
      readonly lane: Kind;
      readonly timer: ReflectorTimer;
      readonly epoch: number;
    }
  /** A reflector request reaches the API server. */
  /** `arrivedAt`: set when a request the cache could not serve yet is looked at again (S7, S33). */
  | {
      readonly a: 'server.list';
      readonly lane: Kind;
      readonly req: ListRequest;
      readonly epoch: number;
      readonly arrivedAt?: number;
    }
  | {
      readonly a: 'server.watch';
      readonly lane: Kind;
      readonly req: WatchRequest;
      readonly epoch: number;
      readonly arrivedAt?: number;
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
  /** S33: the restarted apiserver is up: its Cachers re-initialise. */
  | { readonly a: 'server.start'; readonly cacheInitMs: number }
  /** The informer's processLoop (Pop) and each listener's run loop. */
  | { readonly a: 'informer.pop'; readonly lane: Kind }
  | { readonly a: 'listener.deliver'; readonly lane: Kind; readonly listener: number }
  /** The controller. */
  | { readonly a: 'controller.wait-for-cache-sync' }
  | { readonly a: 'worker.get'; readonly worker: number }
  | { readonly a: 'worker.sync'; readonly worker: number; readonly token: number }
  | {
      readonly a: 'server.write';
      readonly worker: number;
      readonly token: number;
      readonly req: WriteRequest;
    }
  | {
      readonly a: 'worker.write-response';
      readonly worker: number;
      readonly token: number;
      readonly resp: WriteResponse;
    }
  /** The delaying queue's waiting loop wakes at the next ready time. */
  | { readonly a: 'workqueue.waiting-loop' };

export type ActionName = Action['a'];
