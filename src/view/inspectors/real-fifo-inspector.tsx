/**
 * One modern lane's RealFIFO (settings.era modern; client-go v0.36.3 tools/cache/the_real_fifo.go, spec
 * F1–F7): the entries in pop order, one per event (a key may appear several times; ReplacedAll with its
 * objects, SyncAll, Bookmark), the take being processed (PopBatch's batch, SI2 [C]), HasSynced and the
 * initial population count (F3), the indexer's resourceVersion (I7), the lock and the reflector actions
 * it holds (F7, UnlockWhileProcessing), and the watch-list's streamed objects (R19). The classic lane's
 * DeltaFIFO inspector (delta-fifo-inspector.tsx) renders this view for a modern lane.
 */
import type { ReactNode } from 'react';
import type { Frame, ModernLaneView, RealFifoEntryView } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import { t } from '../../i18n';
import { formatCount } from './format';
import {
  Chip,
  Facts,
  InspectorShell,
  KeyButton,
  KindLabel,
  Rv,
  Section,
  ShowingNote,
  type Tone,
  YesNo,
} from './parts';
import { WindowedTable } from './windowed-table';

const ENTRY_TONE: Readonly<Record<RealFifoEntryView['type'], Tone>> = {
  Added: 'ok',
  Updated: 'info',
  Deleted: 'danger',
  ReplacedAll: 'accent',
  SyncAll: 'muted',
  Bookmark: 'muted',
};

const ENTRY_ICON: Readonly<Record<RealFifoEntryView['type'], string>> = {
  Added: '+',
  Updated: '~',
  Deleted: '−',
  ReplacedAll: '⟳',
  SyncAll: '↻',
  Bookmark: '⚑',
};

/** An entry's type as a chip, with the tombstone marker when its object is DeletedFinalStateUnknown. */
export function EntryChip({ entry }: { readonly entry: RealFifoEntryView }): ReactNode {
  return (
    <span className="insp-delta">
      <Chip tone={ENTRY_TONE[entry.type]} icon={ENTRY_ICON[entry.type]}>
        {entry.type}
      </Chip>
      {entry.tombstone && (
        <Chip tone="danger" icon="†" title={t('inspectors.fifo.tombstoneHint')}>
          DeletedFinalStateUnknown
        </Chip>
      )}
    </span>
  );
}

/** What an entry holds: its key (selectable), a ReplacedAll's objects, or nothing. */
function EntryWhat(props: {
  entry: RealFifoEntryView;
  selectedKey: string | null;
  onSelectKey: (key: string) => void;
}): ReactNode {
  const e = props.entry;
  if (e.key !== null)
    return <KeyButton keyName={e.key} selected={e.key === props.selectedKey} onSelect={props.onSelectKey} />;
  if (e.type === 'ReplacedAll') {
    const keys = e.keys ?? [];
    const count = e.objects ?? 0;
    return (
      <span className="insp-deltas is-wrapping" title={keys.join(', ')}>
        {t('inspectors.realfifo.objects', { count: formatCount(count) })}
        {keys.length > 0 && (
          <span className="insp-dim">{` ${keys.join(', ')}${keys.length < count ? ', …' : ''}`}</span>
        )}
      </span>
    );
  }
  return (
    <span className="insp-dim">
      {t(e.type === 'SyncAll' ? 'inspectors.realfifo.syncAll' : 'inspectors.realfifo.bookmark')}
    </span>
  );
}

type Row = RealFifoEntryView;

function EntriesTable(props: {
  rows: readonly Row[];
  caption: string;
  empty: string;
  testId: string;
  selectedKey: string | null;
  onSelectKey: (key: string) => void;
}): ReactNode {
  const { selectedKey, onSelectKey } = props;
  return (
    <WindowedTable<Row>
      caption={props.caption}
      rowHeight={28}
      maxHeight={264}
      rows={props.rows}
      rowKey={(_, i) => String(i)}
      isSelected={(e) => e.key !== null && e.key === selectedKey}
      empty={props.empty}
      testId={props.testId}
      columns={[
        {
          id: 'pos',
          header: t('inspectors.col.position'),
          width: 2.4,
          numeric: true,
          render: (_, i) => i + 1,
        },
        { id: 'type', header: t('inspectors.col.type'), width: 12, render: (e) => <EntryChip entry={e} /> },
        {
          id: 'what',
          header: t('inspectors.col.keyOrObjects'),
          render: (e) => <EntryWhat entry={e} selectedKey={selectedKey} onSelectKey={onSelectKey} />,
        },
        {
          id: 'rv',
          header: t('inspectors.col.rv'),
          width: 5,
          numeric: true,
          render: (e) => <Rv rv={e.rv} />,
        },
      ]}
    />
  );
}

export function RealFifoInspectorView(props: {
  lane: Kind;
  frame: Frame;
  modern: ModernLaneView;
  selectedKey: string | null;
  onSelectKey: (key: string) => void;
}): ReactNode {
  const { lane, frame, modern: m } = props;
  const f = frame.lanes[lane].fifo;
  const p = m.processing;
  return (
    <InspectorShell
      title={t('inspectors.realfifo.title', { kind: lane })}
      subtitle={t('inspectors.realfifo.subtitle')}
      testId={`inspector-fifo-${lane}`}
    >
      <p className="insp-lane">
        <KindLabel kind={lane} />
      </p>
      <Facts
        items={[
          { term: t('inspectors.realfifo.length'), value: formatCount(f.length) },
          { term: 'HasSynced', code: true, value: <YesNo value={f.hasSynced} /> },
          { term: 'populated', code: true, value: <YesNo value={f.populated} /> },
          {
            term: t('inspectors.realfifo.initialPopulation'),
            hint: 'initialPopulationCount',
            value: formatCount(f.initialPopulationCount),
          },
          {
            term: t('inspectors.realfifo.storeRv'),
            hint: 'LastStoreSyncResourceVersion',
            value: <Rv rv={m.indexerRv === '' ? '""' : m.indexerRv} />,
          },
          {
            term: t('inspectors.realfifo.lock'),
            value: (
              <YesNo
                value={m.locked}
                yes={t('inspectors.realfifo.lockedYes')}
                no={t('inspectors.realfifo.lockedNo')}
              />
            ),
          },
          { term: t('inspectors.realfifo.held'), value: formatCount(m.held) },
          ...(m.streamed === null
            ? []
            : [{ term: t('inspectors.realfifo.streamed'), value: formatCount(m.streamed) }]),
        ]}
      />
      <Section
        title={t('inspectors.realfifo.take')}
        aside={
          p === null
            ? undefined
            : p.batch
              ? t('inspectors.realfifo.takeBatch', { count: p.entries.length })
              : t('inspectors.realfifo.takeOne')
        }
      >
        {p === null ? (
          <p className="insp-empty">{t('inspectors.realfifo.noTake')}</p>
        ) : (
          <>
            <p className="insp-note" data-testid={`fifo-take-info-${lane}`}>
              {t(p.batch ? 'inspectors.realfifo.takeBatchHint' : 'inspectors.realfifo.takeOneHint')}{' '}
              {p.isInInitialList && t('inspectors.realfifo.initialList')}
            </p>
            <EntriesTable
              rows={p.entries}
              caption={t('inspectors.realfifo.take')}
              empty={t('inspectors.realfifo.noTake')}
              testId={`fifo-take-${lane}`}
              selectedKey={props.selectedKey}
              onSelectKey={props.onSelectKey}
            />
          </>
        )}
      </Section>
      <Section title={t('inspectors.realfifo.entries')} aside={t('inspectors.fifo.popOrder')}>
        <EntriesTable
          rows={m.entries}
          caption={t('inspectors.realfifo.entries')}
          empty={t('inspectors.fifo.empty')}
          testId={`fifo-queue-${lane}`}
          selectedKey={props.selectedKey}
          onSelectKey={props.onSelectKey}
        />
        <ShowingNote shown={m.entries.length} total={f.length} />
      </Section>
    </InspectorShell>
  );
}
