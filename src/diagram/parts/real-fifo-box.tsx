// A modern lane's drawing (settings.era modern, client-go v0.36.3): the RealFIFO box with one cell per
// entry in stream order (layout-realfifo.ts places them: a wide ReplacedAll holding its objects, SyncAll
// and Bookmark as words, "+N" when more wait), the lock while a batch is processed with the reflector
// held (F7, UnlockWhileProcessing), the take being processed beside the Informer, the indexer's
// resourceVersion (I7) and the tag on arrow 1 during a watch-list stream or its fallback LIST (R18–R21).
// Each part is memoised on its own slice of the lane's ModernLaneView, as the classic parts are.
import { memo, type ReactNode } from 'react';
import type { LaneView, ModernLaneView, RealFifoEntryView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { shortKey } from '../format';
import type { LaneId } from '../layout-boxes';
import { deltaMark, layoutRealFifo, MODERN_MARKS, replacedAllKeysLine } from '../layout-realfifo';
import { ObjectGlyph, Selectable } from './glyphs';
// The modern parts' styles (and the batch and watch-list tokens', drawn only in a modern run) load with them.
import '../modern.css';

/** The key selection, as the classic lane boxes take it (lane-boxes.ts SelectProps). */
interface SelectProps {
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}

/** An entry's accessible description: its type, key or objects, and RV. */
export function entryLabel(e: RealFifoEntryView): string {
  switch (e.type) {
    case 'ReplacedAll':
      return t('diagram.realfifo.replacedAll', {
        count: e.objects ?? 0,
        rv: e.rv ?? '—',
        keys: (e.keys ?? []).join(', '),
      });
    case 'SyncAll':
      return t('diagram.realfifo.syncAll');
    case 'Bookmark':
      return t('diagram.realfifo.bookmark', { rv: e.rv ?? '—' });
    default:
      return t('diagram.realfifo.delta', {
        type: `${e.type}${e.tombstone ? ' (DeletedFinalStateUnknown)' : ''}`,
        key: e.key ?? '—',
        rv: e.rv ?? '—',
      });
  }
}

function EntryCell(props: {
  lane: LaneId;
  entry: RealFifoEntryView;
  rect: { x: number; y: number; w: number; h: number };
  span: number;
  index: number;
}): ReactNode {
  const { lane, entry: e, rect: c } = props;
  const compact = lane === 'Deployment';
  const cx = c.x + c.w / 2;
  const cy = c.y + c.h / 2;
  const bg = <rect className="fig-cell-bg" x={c.x} y={c.y} width={c.w} height={c.h} />;
  if (e.type === 'ReplacedAll') {
    const count = e.objects ?? 0;
    const keys = compact ? '' : replacedAllKeysLine(e.keys ?? [], count, 13);
    return (
      <g className="fig-cell is-replaced-all" data-entry={props.index}>
        <title>{entryLabel(e)}</title>
        {bg}
        {compact ? (
          <>
            <ObjectGlyph kind={lane} x={c.x + 12} y={cy + 1} size={9} />
            <ObjectGlyph kind={lane} x={c.x + 19} y={cy - 3} size={9} />
            <text className="fig-cell-key" x={c.x + c.w - 5} y={cy + 5} textAnchor="end">
              {`×${count}`}
            </text>
          </>
        ) : (
          <text className="fig-cell-key" x={c.x + 5} y={c.y + 19}>
            {'ReplacedAll '}
            <tspan className="fig-cell-count" x={c.x + c.w - 4} textAnchor="end">
              {`×${count}`}
            </tspan>
            {keys === '' ? null : (
              <tspan className="fig-cell-keys" x={c.x + 5} dy={21}>
                {keys}
              </tspan>
            )}
          </text>
        )}
      </g>
    );
  }
  if (e.type === 'SyncAll' || e.type === 'Bookmark') {
    const word = e.type === 'SyncAll' ? (compact ? 'S' : 'SyncAll') : compact ? 'B' : 'Bookmark';
    return (
      <g className={`fig-cell is-${e.type === 'SyncAll' ? 'sync-all' : 'bookmark'}`} data-entry={props.index}>
        <title>{entryLabel(e)}</title>
        {bg}
        <text
          className="fig-cell-key"
          x={compact ? cx : c.x + 5}
          y={cy + 5}
          textAnchor={compact ? 'middle' : 'start'}
        >
          {word}
          {!compact && e.rv !== null && e.type === 'Bookmark' ? (
            <tspan className="fig-cell-count" x={c.x + c.w - 4} textAnchor="end">
              {shortKey(e.rv, 4)}
            </tspan>
          ) : null}
        </text>
      </g>
    );
  }
  return null;
}

/** The RealFIFO's cells; object entries are selectable by key, as the classic cells are. */
export const RealFifoBox = memo(function RealFifoBox(
  props: { lane: LaneId; entries: ModernLaneView['entries']; length: number; locked: boolean } & SelectProps,
): ReactNode {
  const { lane, entries, length } = props;
  const compact = lane === 'Deployment';
  const slots = layoutRealFifo(lane, entries, length);
  const cells: ReactNode[] = slots.map((s, i) => {
    if (s.kind === 'empty')
      return (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in the box.
          key={i}
          className="fig-cell-bg is-empty"
          x={s.rect.x}
          y={s.rect.y}
          width={s.rect.w}
          height={s.rect.h}
        />
      );
    const c = s.rect;
    if (s.kind === 'more')
      return (
        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in the box.
        <g key={i} className="fig-cell is-more">
          <title>{t('diagram.realfifo.moreTitle', { count: s.count })}</title>
          <rect className="fig-cell-bg" x={c.x} y={c.y} width={c.w} height={c.h} />
          <text x={c.x + c.w / 2} y={c.y + c.h / 2 + 4} textAnchor="middle">
            {t('diagram.fifo.more', { count: s.count })}
          </text>
        </g>
      );
    const e = entries[s.index]!;
    if (e.key === null || e.type === 'ReplacedAll' || e.type === 'SyncAll' || e.type === 'Bookmark')
      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in the box.
      return <EntryCell key={i} lane={lane} entry={e} rect={c} span={s.span} index={s.index} />;
    const cy = c.y + c.h / 2;
    const mark = deltaMark(e.type);
    return (
      <Selectable
        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in the box.
        key={i}
        selectKey={e.key}
        selectedKey={props.selectedKey}
        onSelectKey={props.onSelectKey}
        label={entryLabel(e)}
        shown={compact ? undefined : `${shortKey(e.key, 7)} ${mark}`}
        className={`fig-cell is-delta is-${e.type.toLowerCase()}`}
      >
        <rect className="fig-cell-bg" x={c.x} y={c.y} width={c.w} height={c.h} />
        {compact ? (
          <ObjectGlyph kind={lane} x={c.x + c.w / 2} y={cy} size={11} tombstone={e.tombstone} />
        ) : (
          <>
            <ObjectGlyph kind={lane} x={c.x + 12} y={cy} size={11} tombstone={e.tombstone} />
            <text className="fig-cell-key" x={c.x + 23} y={cy + 5}>
              {`${shortKey(e.key, 7)} `}
              <tspan className="fig-cell-count" x={c.x + c.w - 4} textAnchor="end">
                {mark}
              </tspan>
            </text>
          </>
        )}
      </Selectable>
    );
  });
  return (
    <g
      className={`fig-box fig-fifo fig-realfifo${compact ? ' is-compact' : ''}${props.locked ? ' is-locked' : ''}`}
      data-box={`fifo-${lane}`}
      data-testid={`fifo-${lane}`}
      data-era="modern"
      data-entries={length}
    >
      <title>{t('diagram.realfifo.title', { lane, count: length })}</title>
      {cells}
    </g>
  );
});

/** The lock note: the FIFO kept its lock for a batch and the reflector's actions wait (F7). */
export const RealFifoLock = memo(function RealFifoLock(props: {
  lane: LaneId;
  locked: boolean;
  held: number;
}): ReactNode {
  if (!props.locked && props.held === 0) return null;
  const at = MODERN_MARKS[props.lane].lock;
  const compact = props.lane === 'Deployment';
  const text = compact
    ? t('diagram.realfifo.lockedShort')
    : t('diagram.realfifo.locked', { held: props.held });
  return (
    <g className="fig-realfifo-lock" data-testid={`fifo-lock-${props.lane}`}>
      <title>{t('diagram.realfifo.lockTitle', { lane: props.lane, held: props.held })}</title>
      <text x={at.x} y={at.y} textAnchor={at.anchor}>
        {text}
      </text>
    </g>
  );
});

/** The take being processed (PopBatch's batch, or one entry), beside the Foo Informer. */
export const RealFifoTake = memo(function RealFifoTake(props: {
  lane: LaneId;
  processing: ModernLaneView['processing'];
}): ReactNode {
  const at = MODERN_MARKS[props.lane].processing;
  const p = props.processing;
  if (at === null || p === null) return null;
  const first = p.entries[0];
  const text = p.batch
    ? t('diagram.realfifo.batch', { count: p.entries.length })
    : first?.type === 'ReplacedAll'
      ? t('diagram.realfifo.processingAll', { count: first.objects ?? 0 })
      : t('diagram.realfifo.processingOne', { type: first?.type ?? '—' });
  return (
    <g className="fig-realfifo-take" data-testid={`fifo-take-${props.lane}`}>
      <title>{t('diagram.realfifo.takeTitle', { entries: p.entries.map(entryLabel).join('; ') })}</title>
      <text x={at.x} y={at.y} textAnchor={at.anchor}>
        {text}
      </text>
    </g>
  );
});

/** The indexer's resourceVersion (I7: LastStoreSyncResourceVersion), beside its circle. */
export const IndexerRv = memo(function IndexerRv(props: { lane: LaneId; rv: string }): ReactNode {
  const at = MODERN_MARKS[props.lane].indexerRv;
  return (
    <g className="fig-indexer-rv" data-testid={`indexer-rv-${props.lane}`}>
      <title>
        {t('diagram.indexer.rvTitle', { lane: props.lane, rv: props.rv === '' ? '""' : props.rv })}
      </title>
      <text x={at.x} y={at.y}>
        {t('diagram.indexer.rv', { rv: props.rv === '' ? '""' : props.rv })}
      </text>
    </g>
  );
});

/**
 * Arrow 1's tag in a modern lane: the watch-list stream (R19, with the initial events received so far)
 * or the fallback LIST (R21: in a modern lane a LIST only follows a refused watch-list).
 */
export const StreamTag = memo(function StreamTag(props: {
  lane: LaneId;
  phase: string;
  streamed: number | null;
}): ReactNode {
  const { phase, streamed } = props;
  const at = MODERN_MARKS[props.lane].stream;
  let text: string;
  let title: string;
  if (phase === 'watch-list-opening' || phase === 'watch-listing') {
    text = t(props.lane === 'Foo' ? 'diagram.stream.watchList' : 'diagram.stream.watchListShort', {
      count: streamed ?? 0,
    });
    title = t('diagram.stream.watchListTitle', { count: streamed ?? 0 });
  } else if (phase === 'listing') {
    text = t('diagram.stream.fallback');
    title = t('diagram.stream.fallbackTitle');
  } else return null;
  return (
    <g className="fig-stream-tag" data-testid={`stream-tag-${props.lane}`}>
      <title>{title}</title>
      <text x={at.x} y={at.y}>
        {text}
      </text>
    </g>
  );
});

/** What LaneBoxes draws for a modern lane besides the classic circles. */
export function ModernLaneParts(
  props: { lane: LaneId; view: LaneView; modern: ModernLaneView } & SelectProps,
): ReactNode {
  const { lane, view, modern } = props;
  return (
    <>
      <RealFifoBox
        lane={lane}
        entries={modern.entries}
        length={view.fifo.length}
        locked={modern.locked}
        selectedKey={props.selectedKey}
        onSelectKey={props.onSelectKey}
      />
      <RealFifoLock lane={lane} locked={modern.locked} held={modern.held} />
      <RealFifoTake lane={lane} processing={modern.processing} />
      <IndexerRv lane={lane} rv={modern.indexerRv} />
      <StreamTag lane={lane} phase={view.reflector.phase} streamed={modern.streamed} />
    </>
  );
}
