/**
 * How an inspector follows frames that arrive quickly (scrubbing the timeline, fast-forward): the figure
 * shows every frame; an inspector's tables are the page's costliest part to render and lay out, so they
 * are paced and deferred.
 *
 * - Paced: a frame after a quiet moment (no new frame for PACING.quietMs) is shown at once; while frames
 *   keep coming, the inspector waits until they stop for quietMs, and shows the newest at least every
 *   PACING.maxWaitMs meanwhile. A drag along the timeline updates the inspectors when the hand rests.
 * - Deferred: the frame it shows is rendered with React's useDeferredValue, in a background render that
 *   React abandons when something urgent (a newer frame for the figure) comes in.
 * The pacing sits inside the inspector, so its renders redraw that inspector alone, not the page, and its
 * body is memoised, so a page render that changes nothing for it costs nothing.
 */
import { memo, type ReactNode, useDeferredValue, useEffect, useRef, useState } from 'react';
import type { Frame } from '../../engine/model/frame';
import type { HistoryPoint } from './history';

export const PACING = { quietMs: 150, maxWaitMs: 1000 } as const;

interface DeferrableProps {
  readonly frame: Frame;
  /** The workqueue charts' points: paced and deferred with the frame they belong to. */
  readonly history?: readonly HistoryPoint[];
}

interface Shown {
  readonly frame: Frame;
  readonly history: readonly HistoryPoint[] | undefined;
}

/** The frame (and chart points) to show, paced as the header describes. */
function usePaced(frame: Frame, history: readonly HistoryPoint[] | undefined): Shown {
  const [shown, setShown] = useState<Shown>(() => ({ frame, history }));
  const timers = useRef<{ quiet: number | null; max: number | null; at: number }>({
    quiet: null,
    max: null,
    at: -Infinity,
  });
  const latest = useRef<Shown>(shown);
  latest.current = { frame, history };

  // Runs for every new frame or history (the values themselves are read through `latest`).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new frame or history is the trigger.
  useEffect(() => {
    const t = timers.current;
    const flush = (): void => {
      if (t.quiet !== null) clearTimeout(t.quiet);
      if (t.max !== null) clearTimeout(t.max);
      t.quiet = null;
      t.max = null;
      t.at = performance.now();
      setShown(latest.current);
    };
    const now = performance.now();
    if (t.quiet === null && now - t.at >= PACING.quietMs) {
      flush();
      return;
    }
    if (t.quiet !== null) clearTimeout(t.quiet);
    t.quiet = window.setTimeout(flush, PACING.quietMs);
    if (t.max === null) t.max = window.setTimeout(flush, Math.max(0, t.at + PACING.maxWaitMs - now));
  }, [frame, history]);

  useEffect(() => {
    const t = timers.current;
    return () => {
      if (t.quiet !== null) clearTimeout(t.quiet);
      if (t.max !== null) clearTimeout(t.max);
    };
  }, []);
  return shown;
}

export function deferredInspector<P extends DeferrableProps>(
  Body: (props: P) => ReactNode,
  name: string,
): (props: P) => ReactNode {
  const Inner = memo(Body);
  const Deferred = memo(function Deferred(props: P): ReactNode {
    const paced = usePaced(props.frame, props.history);
    const shown = useDeferredValue(paced);
    return (
      <Inner
        {...props}
        frame={shown.frame}
        {...(shown.history === undefined ? {} : { history: shown.history })}
      />
    );
  });
  Inner.displayName = `${name}Body`;
  Deferred.displayName = name;
  return Deferred as unknown as (props: P) => ReactNode;
}
