// The arrows: the figure's nine numbered ones with their exact labels, the extras, and their state
// for the current step (lit while a token travels, marked once it has arrived, "+N" when aggregated).
import type { ReactNode } from 'react';
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

function Arrow(props: { def: ArrowDef; prefix: string; activity: ArrowActivity | undefined }): ReactNode {
  const { def, prefix, activity } = props;
  const key = arrowKey(def.id, def.lane);
  const path = arrowPath(def.id, def.lane);
  const state: ArrowState =
    activity === undefined || activity.state === 'pending'
      ? 'idle'
      : activity.state === 'active'
        ? 'active'
        : 'done';
  const title = arrowTitle(def);
  const lbl = def.label;
  const mid = path.at(0.5);
  return (
    <g
      className={`fig-arrow fig-arrow-${def.style} is-${state}${def.lane === 'Deployment' ? ' is-compact' : ''}`}
      data-arrow={key}
      data-state={state}
    >
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
      {activity !== undefined && activity.overflow > 0 && state !== 'idle' ? (
        <g
          className="fig-overflow"
          transform={
            Math.abs(Math.cos(mid.angle)) < 0.5
              ? `translate(${mid.x + 24},${mid.y + 8})`
              : `translate(${mid.x},${mid.y - 4})`
          }
        >
          <title>{t('diagram.arrow.overflow', { count: activity.overflow, label: title })}</title>
          <rect className="fig-overflow-bg" x={-20} y={-17} width={40} height={18} rx={9} />
          <text y={-3} textAnchor="middle">{`+${activity.overflow}`}</text>
        </g>
      ) : null}
    </g>
  );
}

export function ArrowsLayer(props: { prefix: string; activity: readonly ArrowActivity[] }): ReactNode {
  const byKey = new Map(props.activity.map((a) => [a.arrowKey, a]));
  // Lit arrows are drawn last so they sit above crossing idle ones.
  const order = [...ARROWS].sort((a, b) => {
    const sa = byKey.get(arrowKey(a.id, a.lane))?.state ?? 'pending';
    const sb = byKey.get(arrowKey(b.id, b.lane))?.state ?? 'pending';
    return rank(sa) - rank(sb);
  });
  return (
    <g className="fig-arrows">
      {order.map((def) => (
        <Arrow
          key={arrowKey(def.id, def.lane)}
          def={def}
          prefix={props.prefix}
          activity={byKey.get(arrowKey(def.id, def.lane))}
        />
      ))}
    </g>
  );
}

function rank(s: string): number {
  return s === 'active' ? 2 : s === 'done' ? 1 : 0;
}
