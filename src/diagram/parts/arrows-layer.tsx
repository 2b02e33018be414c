// The arrows: the figure's nine numbered ones with their exact labels, the extras, and their state
// for the current step (lit while a token travels, marked once it has arrived, "+N" when aggregated).
import { memo, type ReactNode } from 'react';
import { t } from '../../i18n';
import { arrowKey, arrowPath, wrapLabel } from '../layout';
import { ARROWS, type ArrowDef } from '../layout-arrows';
import type { ArrowActivity } from '../motion';
import { type ArrowState, markerId } from './defs';
import { MultilineText } from './text';

/** The arrow's label key; a modern lane's resync queues one SyncAll entry, not Sync deltas (F4). */
function labelKeyOf(def: ArrowDef, modern: boolean): string | null {
  return modern && def.labelKey === 'diagram.arrow.resync' ? 'diagram.arrow.resyncModern' : def.labelKey;
}

export function arrowTitle(def: ArrowDef, modern = false): string {
  const key = labelKeyOf(def, modern);
  const label = key === null ? t(`diagram.arrow.${def.id}`) : t(key);
  return def.lane === null ? label : t('diagram.arrow.laneTitle', { label, lane: def.lane });
}

/** An arrow's label (its number alone for short ones), or nothing for an unlabelled arrow. */
function ArrowLabel(props: { def: ArrowDef; modern: boolean; testId?: string }): ReactNode {
  const { def, testId } = props;
  const lbl = def.label;
  const key = labelKeyOf(def, props.modern);
  if (lbl === null || key === null) return null;
  if (lbl.short === true)
    return (
      <text
        className="fig-arrow-label is-short"
        x={lbl.x}
        y={lbl.y}
        textAnchor={lbl.anchor}
        data-testid={testId}
      >
        {`${def.id})`}
      </text>
    );
  return (
    <MultilineText
      {...(testId === undefined ? {} : { testId })}
      className="fig-arrow-label"
      x={lbl.x}
      y={lbl.y}
      anchor={lbl.anchor}
      lines={wrapLabel(t(key), lbl.wrap)}
      lineHeight={17}
    />
  );
}

function arrowClass(def: ArrowDef, state: ArrowState): string {
  return `fig-arrow fig-arrow-${def.style} is-${state}${def.lane === 'Deployment' ? ' is-compact' : ''}`;
}

/**
 * One arrow, in the figure's fixed order: memoised on its state, so an animation frame redraws only the
 * arrows whose state changes, in place (their DOM nodes never move).
 */
const Arrow = memo(function Arrow(props: {
  def: ArrowDef;
  prefix: string;
  state: ArrowState;
  modern: boolean;
}): ReactNode {
  const { def, prefix, state, modern } = props;
  const key = arrowKey(def.id, def.lane);
  const path = arrowPath(def.id, def.lane);
  const title = arrowTitle(def, modern);
  return (
    <g className={arrowClass(def, state)} data-arrow={key} data-state={state}>
      <title>{title}</title>
      <path className="fig-arrow-hit" d={path.d} />
      <path
        className="fig-arrow-line"
        d={path.d}
        markerEnd={`url(#${markerId(prefix, state)})`}
        // A lit arrow's line is drawn by its LitArrow copy on top: once, so it looks as it did.
        visibility={state === 'idle' ? undefined : 'hidden'}
      />
      {/* A lit arrow's label is drawn by its LitArrow copy on top; this one stays, unseen (opacity 0),
          for the tests and assistive technology that look for it here. */}
      <g opacity={state === 'idle' ? undefined : 0}>
        <ArrowLabel def={def} modern={modern} testId={`arrow-label-${key}`} />
      </g>
    </g>
  );
});

/**
 * A lit arrow's line, arrowhead, label and "+N", drawn above the other arrows, so it sits on top of
 * crossing idle arrows as before, without moving the arrow itself in the DOM (its own line and label are
 * not shown meanwhile, so each is drawn once). The line takes no pointer events: the arrow below keeps
 * its title.
 */
const LitArrow = memo(function LitArrow(props: {
  def: ArrowDef;
  prefix: string;
  state: ArrowState;
  overflow: number;
  modern: boolean;
}): ReactNode {
  const { def, prefix, state, overflow, modern } = props;
  const path = arrowPath(def.id, def.lane);
  const title = arrowTitle(def, modern);
  const mid = path.at(0.5);
  return (
    <g className={arrowClass(def, state)}>
      <path
        className="fig-arrow-line"
        d={path.d}
        markerEnd={`url(#${markerId(prefix, state)})`}
        pointerEvents="none"
      />
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; this is a drawn copy of the label the arrow below carries. */}
      <g aria-hidden="true">
        <ArrowLabel def={def} modern={modern} />
      </g>
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
          <rect className="fig-overflow-bg" x={-20} y={-17} width={40} height={18} rx={9} />
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

export function ArrowsLayer(props: {
  prefix: string;
  activity: readonly ArrowActivity[];
  /** A modern run: the resync arrow says SyncAll. */
  modern?: boolean;
}): ReactNode {
  const modern = props.modern === true;
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
          modern={modern}
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
              modern={modern}
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
