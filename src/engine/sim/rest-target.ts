/**
 * What the simulator's REST calls carry (sim/rest-actors.ts): whom a call answers and what the server
 * answered. Plain data on the agenda and in the world's RestState.
 */
import type { ApiError, ListRequest, ListResponse, WatchRequest } from '../client-go/reflector';
import type { RestState } from '../client-go/rest/rest-client';
import type { WriteRequest, WriteResponse } from '../controller/sample-controller';
import type { Kind } from '../model/objects';

/** A reflector's LIST or WATCH (answered with its epoch) or a worker's write (answered with its token). */
export type RestTarget =
  | { readonly kind: 'list'; readonly lane: Kind; readonly req: ListRequest; readonly epoch: number }
  | { readonly kind: 'watch'; readonly lane: Kind; readonly req: WatchRequest; readonly epoch: number }
  | {
      readonly kind: 'write';
      readonly worker: number;
      readonly token: number;
      readonly req: WriteRequest;
    };

/** The server's answer to one attempt, shaped for the caller it will reach. */
export type RestAnswer =
  | { readonly kind: 'list'; readonly resp: ListResponse }
  | { readonly kind: 'watch'; readonly result: { readonly streamId: number } | ApiError }
  | { readonly kind: 'write'; readonly resp: WriteResponse };

export type SimRestState = RestState<RestTarget>;
