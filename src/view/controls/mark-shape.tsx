/** The SVG shape of a timeline mark kind (also used by the legend), centred on (0, 0). */
import type { ReactNode } from 'react';
import { MARK_STYLE, type MarkKind } from './timeline-math';

export function MarkShape({
  kind,
  size = 5,
}: {
  readonly kind: MarkKind;
  readonly size?: number;
}): ReactNode {
  const { shape, color } = MARK_STYLE[kind];
  const r = size;
  const common = { fill: color, stroke: 'var(--mark-outline)', strokeWidth: 1 };
  switch (shape) {
    case 'triangle':
      return <path d={`M0 ${-r}L${r} ${r * 0.8}L${-r} ${r * 0.8}Z`} {...common} />;
    case 'circle':
      return <circle r={r * 0.85} {...common} />;
    case 'diamond':
      return <path d={`M0 ${-r}L${r} 0L0 ${r}L${-r} 0Z`} {...common} />;
    case 'square':
      return <rect x={-r * 0.75} y={-r * 0.75} width={r * 1.5} height={r * 1.5} {...common} />;
  }
}

/** A standalone mark glyph for legends and lists. */
export function MarkGlyph({ kind }: { readonly kind: MarkKind }): ReactNode {
  return (
    <svg className="ctl-mark-glyph" viewBox="-6 -6 12 12" width="12" height="12" aria-hidden="true">
      <MarkShape kind={kind} />
    </svg>
  );
}
