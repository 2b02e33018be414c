/** The bridge between the view and the engine: one EngineClient interface, two implementations. */

/** The protocol's message types, for the store (which talks to the engine only through the bridge). */
export type {
  AnswerTo,
  ErrorResponse,
  Request,
  RequestBody,
  RequestType,
  Response,
} from '../worker/protocol';
export { createClient, type EngineClient, type Transport } from './client';
export { createInProcessClient } from './in-process-client';
export { createWorkerClient } from './worker-client';
