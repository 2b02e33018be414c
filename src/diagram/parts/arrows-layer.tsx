// The arrows: the figure's nine numbered ones with their exact labels, the extras, and their state
// for the current step (lit while a token travels, marked once it has arrived, "+N" when aggregated).
import { memo, type ReactNode } from 'react';
import { t } from '../../i18n';
import { arrowKey, arrowPath, wrapLabel } from '../layout';
import { ARROWS, type ArrowDef } from '../layout-arrows';
import type { ArrowActivity } from '../motion';
import { type ArrowState, markerId } from './defs';
import { MultilineText } from './text';

export function arrowTitle(def: ArrowDef): string {
  const label = def.labelKey === null ? t(`diagram.arrow.${def.id}`) : t(def.labelKey);
  return def.lane === null ? label : t('diagram.arrow.laneTitle', { label, lane: def.lane });
}

function arrowClass(def: ArrowDef, state: ArrowState): string {
  return `fig-arrow fig-arrow-${def.style} is-${state}${def.lane === 'Deployment' ? ' is-compact' : ''}`;
}

/**
 * One arrow, in the figure's fixed order: memoised on its state, so an animation frame redraws only the
 * arrows whose state changes, in place (their DOM nodes never move).
 */
const Arrow = memo(function Arrow(props: { def: ArrowDef; prefix: string; state: ArrowState }): ReactNode {
  const { def, prefix, state } = props;
  const key = arrowKey(def.id, def.lane);
  const path = arrowPath(def.id, def.lane);
  const title = arrowTitle(def);
  const lbl = def.label;
  return (
    <g className={arrowClass(def, state)} data-arrow={key} data-state={state}>
      <title>{title}</title>
      <path className="fig-arrow-hit" d={path.d} />
      <path className="fig-arrow-line" d={path.d} markerEnd={`url(#${markerId(prefix, state)})`} />
      {lbl !== null && def.labelKey !== null ? (
        lbl.short === true ? (
          <text
            className="fig-arrow-label is-short"
            x={lbl.x}
            y={lbl.y}
            textAnchor={lbl.anchor}
            data-testid={`arrow-label-${key}`}
          >
            {`${def.id})`}
          </text>
        ) : (
          <MultilineText
            testId={`arrow-label-${key}`}
            className="fig-arrow-label"
            x={lbl.x}
            y={lbl.y}
            anchor={lbl.anchor}
            lines={wrapLabel(t(def.labelKey), lbl.wrap)}
            lineHeight={17}
          />
        )
      ) : null}
    </g>
  );
});

/**
 * A lit arrow drawn again above the others (its line, arrowhead and "+N"), so it sits on top of crossing
 * idle arrows without moving the arrow itself in the DOM. The line is opaque, so drawing it twice looks
 * the same; the copied line takes no pointer events (the arrow below keeps its title).
 */
const LitArrow = memo(function LitArrow(props: {
  def: ArrowDef;
  prefix: string;
  state: ArrowState;
  overflow: number;
}): ReactNode {
  const { def, prefix, state, overflow } = props;
  const path = arrowPath(def.id, def.lane);
  const title = arrowTitle(def);
  const mid = path.at(0.5);
  return (
    <g className={arrowClass(def, state)}>
      <path
        className="fig-arrow-line"
        d={path.d}
        markerEnd={`url(#${markerId(prefix, state)})`}
        pointerEvents="none"
      />
      {overflow > 0 && state !== 'idle' ? (
        <g
          className="fig-overflow"
          transform={
            Math.abs(Math.cos(mid.angle)) < 0.5
              ? `translate(${mid.x + 24},${mid.y + 8})`
              : `translate(${mid.x},${mid.y - 4})`
          }
        >
          <title>{t('diagram.arrow.overflow', { count: overflow, label: title })}</title>
          <rect className="fig-overflow-bg" x={-18} y={-15} width={36} height={16} rx={8} />
          <text y={-3} textAnchor="middle">{`+${overflow}`}</text>
        </g>
      ) : null}
    </g>
  );
});

function arrowState(activity: ArrowActivity | undefined): ArrowState {
  if (activity === undefined || activity.state === 'pending') return 'idle';
  return activity.state === 'active' ? 'active' : 'done';
}

export function ArrowsLayer(props: { prefix: string; activity: readonly ArrowActivity[] }): ReactNode {
  const byKey = new Map(props.activity.map((a) => [a.arrowKey, a]));
  // Lit arrows are drawn again last, active above done, so they sit above crossing idle ones.
  const lit = ARROWS.filter((def) => arrowState(byKey.get(arrowKey(def.id, def.lane))) !== 'idle').sort(
    (a, b) => rank(byKey.get(arrowKey(a.id, a.lane))!.state) - rank(byKey.get(arrowKey(b.id, b.lane))!.state),
  );
  return (
    <g className="fig-arrows">
      {ARROWS.map((def) => (
        <Arrow
          key={arrowKey(def.id, def.lane)}
          def={def}
          prefix={props.prefix}
          state={arrowState(byKey.get(arrowKey(def.id, def.lane)))}
        />
      ))}
      <g className="fig-arrows-lit">
        {lit.map((def) => {
          const activity = byKey.get(arrowKey(def.id, def.lane))!;
          return (
            <LitArrow
              key={arrowKey(def.id, def.lane)}
              def={def}
              prefix={props.prefix}
              state={arrowState(activity)}
              overflow={activity.overflow}
            />
          );
        })}
      </g>
    </g>
  );
}

function rank(s: string): number {
  return s === 'active' ? 2 : s === 'done' ? 1 : 0;
}
