import type { TraceLine, VectorScript } from './types';

/** Replays a `workqueue` conformance vector (see conformance/README.md). Not written yet. */
export function replay(_script: VectorScript): TraceLine[] {
  throw new Error('the workqueue harness is not implemented yet');
}
