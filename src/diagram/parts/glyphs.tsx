// Small shapes shared by boxes and tokens: the figure's object square (Foo) and triangle (Deployment),
// a key tag, and a wrapper that makes a key clickable (and keyboard-selectable) everywhere.
import type { KeyboardEvent, ReactNode } from 'react';

export function ObjectGlyph(props: {
  kind: 'Foo' | 'Deployment';
  x: number;
  y: number;
  size: number;
  tombstone?: boolean;
  error?: boolean;
}): ReactNode {
  const { kind, x, y, size } = props;
  const h = size / 2;
  const cls = `fig-obj${props.tombstone ? ' is-tombstone' : ''}${props.error ? ' is-error' : ''}`;
  if (kind === 'Foo') return <rect className={cls} x={x - h} y={y - h} width={size} height={size} />;
  return <polygon className={cls} points={`${x},${y - h - 1} ${x + h + 1},${y + h} ${x - h - 1},${y + h}`} />;
}

/**
 * Makes its children select `selectKey` on click, Enter or Space; marks them when selected. `shown` is
 * the text drawn inside (a short key, "rv 3"): the accessible name starts with it, so what a sighted
 * voice-control user reads out names the button (WCAG 2.5.3, axe label-content-name-mismatch).
 */
export function Selectable(props: {
  selectKey: string | null;
  selectedKey: string | null;
  onSelectKey: (key: string) => void;
  label: string;
  shown?: string;
  focusable?: boolean;
  className?: string;
  children: ReactNode;
}): ReactNode {
  const { selectKey, selectedKey, onSelectKey } = props;
  const selected = selectKey !== null && selectKey === selectedKey;
  const cls = `${props.className ?? ''}${selectKey !== null ? ' is-selectable' : ''}${selected ? ' is-selected' : ''}`;
  if (selectKey === null) {
    return (
      <g className={cls}>
        <title>{props.label}</title>
        {props.children}
      </g>
    );
  }
  const onKey = (e: KeyboardEvent<SVGGElement>): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelectKey(selectKey);
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it gets role, name and keys.
    <g
      className={cls}
      role="button"
      tabIndex={props.focusable === false ? -1 : 0}
      aria-label={
        props.shown === undefined || props.shown === '' ? props.label : `${props.shown} — ${props.label}`
      }
      aria-pressed={selected}
      data-key={selectKey}
      onClick={(e) => {
        e.stopPropagation();
        onSelectKey(selectKey);
      }}
      onKeyDown={onKey}
    >
      <title>{props.label}</title>
      {props.children}
    </g>
  );
}
