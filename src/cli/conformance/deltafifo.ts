import type { TraceLine, VectorScript } from './types';

/** Replays a `deltafifo` conformance vector (see conformance/README.md). Not written yet. */
export function replay(_script: VectorScript): TraceLine[] {
  throw new Error('the deltafifo harness is not implemented yet');
}
