/**
 * How an inspector follows frames that arrive quickly (scrubbing the timeline, fast-forward): the figure
 * shows every frame; an inspector's tables are the page's costliest part to render and lay out, so they
 * are paced and deferred.
 *
 * - Paced (pacing.ts has the rules): a frame after a quiet moment is shown at once; while frames keep
 *   coming, the newest is shown when they stop, and at least every PACING.maxWaitMs meanwhile, but only
 *   while the inspectors are on screen (InspectorsOnScreen): below the fold they catch up when frames stop
 *   or when they are scrolled into view. A drag along the timeline updates the inspectors when the hand
 *   rests.
 * - Deferred: the frame it shows is rendered with React's useDeferredValue, in a background render that
 *   React abandons when something urgent (a newer frame for the figure) comes in.
 * The pacing sits inside the inspector, so its renders redraw that inspector alone, not the page, and its
 * body is memoised, so a page render that changes nothing for it costs nothing.
 */
import {
  createContext,
  memo,
  type ReactNode,
  useContext,
  useDeferredValue,
  useEffect,
  useRef,
  useState,
} from 'react';
import type { Frame } from '../../engine/model/frame';
import type { HistoryPoint } from './history';
import { PACE_START, type PaceState, type PaceStep, paceFlush, paceFrame, paceVisibility } from './pacing';

export { PACING } from './pacing';

/**
 * Whether the inspectors are on screen, and who to tell when that changes. The inspector tabs provide it
 * (an IntersectionObserver on their section); without a provider they count as always on screen.
 */
export interface OnScreen {
  readonly current: () => boolean;
  readonly subscribe: (listener: (onScreen: boolean) => void) => () => void;
}

const ALWAYS_ON_SCREEN: OnScreen = { current: () => true, subscribe: () => () => {} };
export const InspectorsOnScreen = createContext<OnScreen>(ALWAYS_ON_SCREEN);

/**
 * An OnScreen for `ref`'s element, observed against the viewport once it is mounted (on screen until
 * then, and where there is no IntersectionObserver). Stable for the component's life.
 */
export function useOnScreen(ref: { readonly current: Element | null }): OnScreen {
  const [state] = useState(() => {
    let on = true;
    const listeners = new Set<(onScreen: boolean) => void>();
    const value: OnScreen = {
      current: () => on,
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    const set = (next: boolean): void => {
      if (next === on) return;
      on = next;
      for (const l of listeners) l(on);
    };
    return { value, set };
  });
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof IntersectionObserver !== 'function') return;
    const io = new IntersectionObserver((entries) => state.set(entries.at(-1)?.isIntersecting ?? true));
    io.observe(el);
    return () => {
      io.disconnect();
      state.set(true);
    };
  }, [ref, state]);
  return state.value;
}

interface DeferrableProps {
  readonly frame: Frame;
  /** The workqueue charts' points: paced and deferred with the frame they belong to. */
  readonly history?: readonly HistoryPoint[];
}

interface Shown {
  readonly frame: Frame;
  readonly history: readonly HistoryPoint[] | undefined;
}

/** The frame (and chart points) to show, paced as pacing.ts decides, with a timer per due time. */
function usePaced(frame: Frame, history: readonly HistoryPoint[] | undefined): Shown {
  const onScreen = useContext(InspectorsOnScreen);
  const [shown, setShown] = useState<Shown>(() => ({ frame, history }));
  const latest = useRef<Shown>(shown);
  latest.current = { frame, history };
  const pace = useRef<{ state: PaceState; quiet: number | null; max: number | null } | null>(null);
  if (pace.current === null) pace.current = { state: PACE_START, quiet: null, max: null };
  const p = pace.current;

  const disarm = (): void => {
    if (p.quiet !== null) clearTimeout(p.quiet);
    if (p.max !== null) clearTimeout(p.max);
    p.quiet = null;
    p.max = null;
  };
  const fire = (): void => {
    disarm();
    p.state = paceFlush(performance.now());
    setShown(latest.current);
  };
  const apply = (step: PaceStep): void => {
    disarm();
    p.state = step.state;
    if (step.show) setShown(latest.current);
    const now = performance.now();
    if (p.state.quietDue !== null) p.quiet = window.setTimeout(fire, Math.max(0, p.state.quietDue - now));
    if (p.state.maxDue !== null) p.max = window.setTimeout(fire, Math.max(0, p.state.maxDue - now));
  };

  // Runs for every new frame or history (the values themselves are read through `latest`).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new frame or history is the trigger.
  useEffect(() => {
    apply(paceFrame(p.state, performance.now(), onScreen.current()));
  }, [frame, history]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: subscribe once per provider; the rest is refs.
  useEffect(
    () => onScreen.subscribe((on) => apply(paceVisibility(p.state, performance.now(), on))),
    [onScreen],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: on unmount only.
  useEffect(() => disarm, []);
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
