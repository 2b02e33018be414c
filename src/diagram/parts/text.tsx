// Multi-line SVG text (the figure wraps its labels onto several lines). Each line but the last keeps
// its trailing space, so the element's text content is the whole label (for tests and find-in-page).
import type { ReactNode } from 'react';

export function MultilineText(props: {
  x: number;
  y: number;
  lines: readonly string[];
  lineHeight: number;
  anchor: 'start' | 'middle' | 'end';
  className?: string;
  testId?: string;
}): ReactNode {
  const { x, y, lines, lineHeight, anchor } = props;
  return (
    <text className={props.className} x={x} y={y} textAnchor={anchor} data-testid={props.testId}>
      {lines.map((ln, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one label, fixed order.
        <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
          {i < lines.length - 1 ? `${ln} ` : ln}
        </tspan>
      ))}
    </text>
  );
}
