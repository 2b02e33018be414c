/**
 * How an inspector renders while frames arrive quickly (scrubbing, fast-forward): it renders a deferred
 * frame (React's useDeferredValue), so the urgent render of a new frame (figure, transport) never waits
 * for an inspector's tables; the inspector catches up in a background render that React abandons when a
 * newer frame arrives. Paused, it shows the frame the figure shows. The deferral sits inside the
 * inspector, so the background render redraws that inspector alone, not the page around it, and its
 * body is memoised, so the urgent render (which still sees the old frame) costs nothing.
 */
import { memo, type ReactNode, useDeferredValue } from 'react';
import type { Frame } from '../../engine/model/frame';
import type { HistoryPoint } from './history';

interface DeferrableProps {
  readonly frame: Frame;
  /** The workqueue charts' points: deferred with the frame they belong to. */
  readonly history?: readonly HistoryPoint[];
}

export function deferredInspector<P extends DeferrableProps>(
  Body: (props: P) => ReactNode,
  name: string,
): (props: P) => ReactNode {
  const Inner = memo(Body);
  const Deferred = memo(function Deferred(props: P): ReactNode {
    const frame = useDeferredValue(props.frame);
    const history = useDeferredValue(props.history);
    return <Inner {...props} frame={frame} {...(history === undefined ? {} : { history })} />;
  });
  Inner.displayName = `${name}Body`;
  Deferred.displayName = name;
  return Deferred as unknown as (props: P) => ReactNode;
}
