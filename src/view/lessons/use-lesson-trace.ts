/**
 * The trace of the lesson's run, looked ahead to its last step (store `fetchTrace`, chunked when the
 * host caps an answer). Fetched again when the run changes (a load, or an intervention forks it).
 */
import { useEffect, useState } from 'react';
import type { TraceRecord } from '../../engine/model/trace';
import type { SimStore } from '../../store/types';

/** null while loading (or when there is no lesson). */
export function useLessonTrace(
  store: SimStore,
  steps: number | null,
  /** What makes another run: the loaded source and the interventions in force. */
  source: unknown,
  interventions: unknown,
): readonly TraceRecord[] | null {
  const [trace, setTrace] = useState<readonly TraceRecord[] | null>(null);
  useEffect(() => {
    void source;
    void interventions;
    setTrace(null);
    if (steps === null) return;
    let live = true;
    void (async () => {
      const out: TraceRecord[] = [];
      let from = 1;
      for (let i = 0; i < 1000 && from <= steps; i++) {
        const a = await store.getState().fetchTrace(from, steps);
        if (!live || a === null) return;
        for (const r of a.records) out.push(r);
        if (!a.truncated || a.to < from) break;
        from = a.to + 1;
      }
      if (live) setTrace(out);
    })();
    return () => {
      live = false;
    };
  }, [store, steps, source, interventions]);
  return trace;
}
