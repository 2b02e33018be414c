// One informer lane's boxes: Reflector (with its phase and lastSyncResourceVersion), the DeltaFIFO's
// cells (first queued keys, "+N"), the Informer and the Indexer circles. The Foo lane is drawn at the
// figure's size, the Deployment lane compact. A modern lane (settings.era modern) draws its RealFIFO and
// the modern marks instead of the DeltaFIFO's cells (real-fifo-box.tsx, loaded when a modern run is
// first shown, so a classic page never downloads it); a classic lane is drawn as before.
import { lazy, memo, type ReactNode, Suspense } from 'react';
import type { LaneView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { reflectorPhaseText, shortKey } from '../format';
import { BOXES, CELLS, type LaneId } from '../layout-boxes';
import { ObjectGlyph, Selectable } from './glyphs';

const ModernLaneParts = lazy(() => import('./real-fifo-box').then((m) => ({ default: m.ModernLaneParts })));

export interface SelectProps {
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}

function Circle(props: {
  id: keyof typeof BOXES;
  name: string;
  title: string;
  compact: boolean;
  extra?: ReactNode;
}) {
  const b = BOXES[props.id].rect;
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  return (
    <g className={`fig-box fig-circle${props.compact ? ' is-compact' : ''}`} data-box={props.id}>
      <title>{props.title}</title>
      <circle cx={cx} cy={cy} r={b.w / 2} />
      <text
        className={`fig-box-name${props.compact ? ' is-tiny' : ''}`}
        x={cx}
        y={cy + 5}
        textAnchor="middle"
      >
        {props.name}
      </text>
      {props.extra}
    </g>
  );
}

function ReflectorBox(props: { lane: LaneId; view: LaneView; time: number }): ReactNode {
  const { lane, view, time } = props;
  const compact = lane === 'Deployment';
  const r = view.reflector;
  const phase = reflectorPhaseText(r.phase, r.backoffUntil, time);
  const phaseText = t(phase.key, phase.params);
  // S38: with several apiserver replicas, the replica its open watch is on.
  const replica = r.watch?.replica;
  const rvText = t(replica === undefined ? 'diagram.reflector.rv' : 'diagram.reflector.rvOn', {
    rv: r.lastSyncResourceVersion === '' ? '""' : r.lastSyncResourceVersion,
    replica: replica ?? '',
  });
  const title = t('diagram.reflector.title', {
    lane,
    phase: phaseText,
    rv: r.lastSyncResourceVersion,
    lists: r.listCount,
  });
  const backing = r.phase.startsWith('backoff');
  const b = BOXES[`reflector-${lane}`].rect;
  const status = (
    <g
      className={`fig-phase is-${r.phase}${backing ? ' is-backoff' : ''}`}
      data-testid={`reflector-phase-${lane}`}
    >
      {compact ? (
        <text x={300} y={470}>
          <tspan className="fig-phase-text">{phaseText}</tspan>
          <tspan x={300} dy={16} className="fig-phase-rv">
            {rvText}
          </tspan>
        </text>
      ) : (
        <text x={b.x - 10} y={b.y + 34} textAnchor="end">
          <tspan className="fig-phase-text">{phaseText}</tspan>
          <tspan x={b.x - 10} dy={16} className="fig-phase-rv">
            {rvText}
          </tspan>
        </text>
      )}
    </g>
  );
  return (
    <>
      <Circle id={`reflector-${lane}`} name={t('diagram.box.reflector')} title={title} compact={compact} />
      {status}
    </>
  );
}

function FifoBox(props: { lane: LaneId; view: LaneView } & SelectProps): ReactNode {
  const { lane, view } = props;
  const compact = lane === 'Deployment';
  const id = `fifo-${lane}` as const;
  const b = BOXES[id].rect;
  const nCells = compact ? CELLS.fifoDeployment : CELLS.fifoFoo;
  const fifo = view.fifo;
  const overflow = fifo.length > nCells;
  const shown = overflow ? nCells - 1 : nCells;
  const cells: ReactNode[] = [];
  for (let i = 0; i < nCells; i++) {
    const cell = compact
      ? { x: b.x + (i * b.w) / nCells, y: b.y, w: b.w / nCells, h: b.h }
      : { x: b.x, y: b.y + (i * b.h) / nCells, w: b.w, h: b.h / nCells };
    const item = i < shown ? fifo.queue[i] : undefined;
    const cx = cell.x + cell.w / 2;
    const cy = cell.y + cell.h / 2;
    if (overflow && i === nCells - 1) {
      const more = fifo.length - shown;
      cells.push(
        <g key={i} className="fig-cell is-more">
          <title>{t('diagram.fifo.moreTitle', { count: more })}</title>
          <rect className="fig-cell-bg" x={cell.x} y={cell.y} width={cell.w} height={cell.h} />
          <text x={cx} y={cy + 4} textAnchor="middle">
            {t('diagram.fifo.more', { count: more })}
          </text>
        </g>,
      );
      continue;
    }
    if (item === undefined) {
      cells.push(
        <rect
          key={i}
          className="fig-cell-bg is-empty"
          x={cell.x}
          y={cell.y}
          width={cell.w}
          height={cell.h}
        />,
      );
      continue;
    }
    const last = item.deltas[item.deltas.length - 1];
    const tomb = last?.tombstone ?? false;
    const label = t('diagram.fifo.cell', {
      key: item.key,
      deltas: item.deltas
        .map((d) => `${d.type}${d.tombstone ? ' (DeletedFinalStateUnknown)' : ''}`)
        .join(', '),
    });
    cells.push(
      <Selectable
        key={i}
        selectKey={item.key}
        selectedKey={props.selectedKey}
        onSelectKey={props.onSelectKey}
        label={label}
        shown={
          compact
            ? undefined
            : `${shortKey(item.key, item.deltas.length > 1 ? 8 : 10)}${item.deltas.length > 1 ? ` ×${item.deltas.length}` : ''}`
        }
        className="fig-cell"
      >
        <rect className="fig-cell-bg" x={cell.x} y={cell.y} width={cell.w} height={cell.h} />
        {compact ? (
          <ObjectGlyph kind={lane} x={cx} y={cy} size={11} tombstone={tomb} />
        ) : (
          <>
            <ObjectGlyph kind={lane} x={cell.x + 12} y={cy} size={11} tombstone={tomb} />
            {/* One text (its content reads "alpha ×2", as the accessible name starts); the count is
                right-aligned in the cell. */}
            <text className="fig-cell-key" x={cell.x + 23} y={cy + 5}>
              {item.deltas.length > 1 ? `${shortKey(item.key, 8)} ` : shortKey(item.key, 10)}
              {item.deltas.length > 1 ? (
                <tspan className="fig-cell-count" x={cell.x + cell.w - 4} textAnchor="end">
                  {`×${item.deltas.length}`}
                </tspan>
              ) : null}
            </text>
          </>
        )}
      </Selectable>,
    );
  }
  return (
    <g
      className={`fig-box fig-fifo${compact ? ' is-compact' : ''}`}
      data-box={id}
      data-testid={`fifo-${lane}`}
    >
      <title>{t('diagram.fifo.title', { lane, count: fifo.length, synced: String(fifo.hasSynced) })}</title>
      {cells}
    </g>
  );
}

export const LaneBoxes = memo(function LaneBoxes(
  props: { lane: LaneId; view: LaneView; time: number } & SelectProps,
): ReactNode {
  const { lane, view } = props;
  const compact = lane === 'Deployment';
  const synced = String(view.fifo.hasSynced);
  return (
    <g className={`fig-lane fig-lane-${lane}`}>
      <ReflectorBox lane={lane} view={view} time={props.time} />
      {view.modern === undefined ? (
        <FifoBox lane={lane} view={view} selectedKey={props.selectedKey} onSelectKey={props.onSelectKey} />
      ) : (
        <Suspense fallback={null}>
          <ModernLaneParts
            lane={lane}
            view={view}
            modern={view.modern}
            selectedKey={props.selectedKey}
            onSelectKey={props.onSelectKey}
          />
        </Suspense>
      )}
      <Circle
        id={`informer-${lane}`}
        name={t('diagram.box.informer')}
        title={t('diagram.informer.title', { lane, synced })}
        compact={compact}
      />
      <Circle
        id={`indexer-${lane}`}
        name={t('diagram.box.indexer')}
        title={
          view.modern === undefined
            ? t('diagram.indexer.title', { lane, count: view.indexer.count })
            : t('diagram.indexer.titleModern', {
                lane,
                count: view.indexer.count,
                rv: view.modern.indexerRv === '' ? '""' : view.modern.indexerRv,
              })
        }
        compact={compact}
      />
    </g>
  );
});
