// <defs> of the figure: arrowheads (one per arrow state, since markers cannot inherit a path's
// colour everywhere) and the hatch pattern of the "reference" boxes. Ids carry a per-figure prefix.
import type { ReactNode } from 'react';

export type ArrowState = 'idle' | 'active' | 'done';
export const ARROW_STATES: readonly ArrowState[] = ['idle', 'active', 'done'];

export function markerId(prefix: string, state: ArrowState): string {
  return `${prefix}-head-${state}`;
}

export function hatchId(prefix: string): string {
  return `${prefix}-hatch`;
}

export function FigureDefs(props: { prefix: string }): ReactNode {
  const { prefix } = props;
  return (
    <defs>
      {ARROW_STATES.map((s) => (
        <marker
          key={s}
          id={markerId(prefix, s)}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="10"
          markerHeight="10"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className={`fig-head fig-head-${s}`} />
        </marker>
      ))}
      <pattern
        id={hatchId(prefix)}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" className="fig-hatch-bg" />
        <line x1="0" y1="0" x2="0" y2="6" className="fig-hatch-line" />
      </pattern>
    </defs>
  );
}
