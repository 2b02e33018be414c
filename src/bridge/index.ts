/** The bridge between the view and the engine: one EngineClient interface, two implementations. */
export { createClient, type EngineClient, type Transport } from './client';
export { createInProcessClient, type InProcessClientOptions } from './in-process-client';
export { createWorkerClient } from './worker-client';
