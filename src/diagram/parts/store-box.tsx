// The "Thread safe store": one row per informer (squares for Foos, triangles for Deployments, as in
// the figure), the first cached objects with their resourceVersions, "+N" for the rest, and a marker on
// objects whose cached resourceVersion differs from the server's.
import { memo, type ReactNode } from 'react';
import type { LaneView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { shortKey } from '../format';
import { BOXES, CELLS, LANES, type LaneId } from '../layout-boxes';
import { ObjectGlyph, Selectable } from './glyphs';
import type { SelectProps } from './lane-boxes';

function StoreRow(props: { lane: LaneId; indexer: LaneView['indexer'] } & SelectProps): ReactNode {
  const { lane } = props;
  const b = BOXES[`storeRow-${lane}`].rect;
  const n = CELLS.storeRow;
  const idx = props.indexer;
  const overflow = idx.count > n;
  const shown = overflow ? n - 1 : n;
  const stale = new Map(idx.diff.map((d) => [d.key, d.server]));
  const cw = b.w / n;
  const cells: ReactNode[] = [];
  for (let i = 0; i < n; i++) {
    const x = b.x + i * cw;
    const cx = x + cw / 2;
    if (overflow && i === n - 1) {
      const more = idx.count - shown;
      cells.push(
        <g key={i} className="fig-cell is-more">
          <title>{t('diagram.store.moreTitle', { count: more })}</title>
          <rect className="fig-cell-bg" x={x} y={b.y} width={cw} height={b.h} />
          <text x={cx} y={b.y + b.h / 2 + 4} textAnchor="middle">
            {t('diagram.store.more', { count: more })}
          </text>
        </g>,
      );
      continue;
    }
    const item = i < shown ? idx.items[i] : undefined;
    if (item === undefined) {
      cells.push(<rect key={i} className="fig-cell-bg is-empty" x={x} y={b.y} width={cw} height={b.h} />);
      continue;
    }
    const isStale = stale.has(item.key);
    const label = isStale
      ? t('diagram.store.cellStale', {
          kind: item.kind,
          key: item.key,
          rv: item.rv,
          server: stale.get(item.key) ?? '—',
        })
      : t('diagram.store.cell', { kind: item.kind, key: item.key, rv: item.rv });
    cells.push(
      <Selectable
        key={i}
        selectKey={item.key}
        selectedKey={props.selectedKey}
        onSelectKey={props.onSelectKey}
        label={label}
        shown={`${shortKey(item.key, 8)} rv ${item.rv}`}
        className={`fig-cell${isStale ? ' is-stale' : ''}`}
      >
        <rect className="fig-cell-bg" x={x} y={b.y} width={cw} height={b.h} />
        <ObjectGlyph kind={lane} x={cx} y={b.y + 10} size={11} />
        {/* One text, two lines: its text content reads "alpha rv 3", as the accessible name starts. */}
        <text x={cx} y={b.y + 31} textAnchor="middle">
          <tspan className="fig-cell-key">{`${shortKey(item.key, 8)} `}</tspan>
          <tspan className="fig-cell-rv" x={cx} dy={16}>
            {`rv ${item.rv}`}
          </tspan>
        </text>
        {isStale ? <path className="fig-stale-mark" d={`M${x + cw - 10},${b.y} h10 v10 z`} /> : null}
      </Selectable>,
    );
  }
  return (
    <g className={`fig-store-row fig-store-row-${lane}`} data-testid={`store-${lane}`}>
      <title>{t('diagram.store.rowTitle', { lane, count: idx.count })}</title>
      <text className="fig-store-caption" x={b.x} y={b.y - 6}>
        {t('diagram.store.row', { lane, count: idx.count })}
      </text>
      {cells}
    </g>
  );
}

export const StoreBox = memo(function StoreBox(
  props: { foo: LaneView['indexer']; deployment: LaneView['indexer'] } & SelectProps,
): ReactNode {
  const b = BOXES.store.rect;
  return (
    <g className="fig-box fig-store" data-box="store">
      <rect className="fig-store-bg" x={b.x} y={b.y} width={b.w} height={b.h} />
      {LANES.map((lane) => (
        <StoreRow
          key={lane}
          lane={lane}
          indexer={lane === 'Foo' ? props.foo : props.deployment}
          selectedKey={props.selectedKey}
          onSelectKey={props.onSelectKey}
        />
      ))}
    </g>
  );
});
