/**
 * One lane's DeltaFIFO (client-go tools/cache/delta_fifo.go): the queue in Pop order, each key with its
 * deltas (type, resourceVersion, DeletedFinalStateUnknown tombstones), HasSynced, populated and
 * initialPopulationCount. A modern lane (settings.era modern) has a RealFIFO instead: this inspector
 * then shows real-fifo-inspector.tsx's view, loaded when first needed (a classic page never downloads it,
 * which keeps the initial load under its budget, docs/PERFORMANCE.md).
 */

import { lazy, type ReactNode, Suspense } from 'react';
import type { DeltaView, Frame } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import { t } from '../../i18n';
import { deferredInspector } from './deferred';
import { formatCount } from './format';
import {
  Chip,
  Facts,
  InspectorShell,
  KeyButton,
  KindLabel,
  Section,
  ShowingNote,
  type Tone,
  YesNo,
} from './parts';
import { WindowedTable } from './windowed-table';

const RealFifoInspectorView = lazy(() =>
  import('./real-fifo-inspector').then((m) => ({ default: m.RealFifoInspectorView })),
);

export interface DeltaFifoInspectorProps {
  readonly lane: Kind;
  readonly frame: Frame;
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}

const DELTA_TONE: Readonly<Record<string, Tone>> = {
  Added: 'ok',
  Updated: 'info',
  Deleted: 'danger',
  Replaced: 'accent',
  Sync: 'muted',
};

const DELTA_ICON: Readonly<Record<string, string>> = {
  Added: '+',
  Updated: '~',
  Deleted: '−',
  Replaced: '⟳',
  Sync: '↻',
};

/** Deltas shown per key before "+N more" (the row keeps its fixed height). */
export const DELTAS_SHOWN = 4;

/** One delta: its type as text and colour, its RV, and the tombstone marker when it carries one. */
export function DeltaChip({ delta }: { readonly delta: DeltaView }): ReactNode {
  return (
    <span className="insp-delta">
      <Chip tone={DELTA_TONE[delta.type] ?? 'neutral'} icon={DELTA_ICON[delta.type]}>
        {delta.type}
        {delta.rv !== null && <span className="insp-chip-rv"> {delta.rv}</span>}
      </Chip>
      {delta.tombstone && (
        <Chip tone="danger" icon="†" title={t('inspectors.fifo.tombstoneHint')}>
          DeletedFinalStateUnknown
        </Chip>
      )}
    </span>
  );
}

type Entry = Frame['lanes']['Foo']['fifo']['queue'][number];

/**
 * Rows are one line high unless some key's deltas need two (a tombstone marker or more than two
 * deltas); all rows share one height, as windowing needs.
 */
export function fifoRowHeight(queue: readonly Entry[]): number {
  const tall = queue.some((e) => e.deltas.length > 2 || e.deltas.some((d) => d.tombstone));
  return tall ? 48 : 28;
}

function DeltaFifoInspectorView({
  lane,
  frame,
  selectedKey,
  onSelectKey,
}: DeltaFifoInspectorProps): ReactNode {
  const modern = frame.lanes[lane].modern;
  if (modern !== undefined)
    return (
      <Suspense fallback={<p className="insp-empty">{t('inspectors.realfifo.loading')}</p>}>
        <RealFifoInspectorView
          lane={lane}
          frame={frame}
          modern={modern}
          selectedKey={selectedKey}
          onSelectKey={onSelectKey}
        />
      </Suspense>
    );
  const f = frame.lanes[lane].fifo;
  const rowHeight = fifoRowHeight(f.queue);
  return (
    <InspectorShell
      title={t('inspectors.fifo.title', { kind: lane })}
      subtitle={t('inspectors.fifo.subtitle')}
      testId={`inspector-fifo-${lane}`}
    >
      <p className="insp-lane">
        <KindLabel kind={lane} />
      </p>
      <Facts
        items={[
          { term: t('inspectors.fifo.length'), value: formatCount(f.length) },
          { term: 'HasSynced', code: true, value: <YesNo value={f.hasSynced} /> },
          { term: 'populated', code: true, value: <YesNo value={f.populated} /> },
          { term: 'initialPopulationCount', code: true, value: formatCount(f.initialPopulationCount) },
        ]}
      />
      <Section title={t('inspectors.fifo.queue')} aside={t('inspectors.fifo.popOrder')}>
        <WindowedTable<Entry>
          caption={t('inspectors.fifo.queue')}
          rowHeight={rowHeight}
          maxHeight={rowHeight > 28 ? 360 : 264}
          rows={f.queue}
          rowKey={(e) => e.key}
          isSelected={(e) => e.key === selectedKey}
          empty={t('inspectors.fifo.empty')}
          testId={`fifo-queue-${lane}`}
          columns={[
            {
              id: 'pos',
              header: t('inspectors.col.position'),
              width: 2.4,
              numeric: true,
              render: (_, i) => i + 1,
            },
            {
              id: 'key',
              header: t('inspectors.col.key'),
              render: (e) => (
                <KeyButton keyName={e.key} selected={e.key === selectedKey} onSelect={onSelectKey} />
              ),
            },
            {
              id: 'deltas',
              header: t('inspectors.col.deltas'),
              width: 18,
              render: (e) => (
                <span
                  className="insp-deltas is-wrapping"
                  title={e.deltas.map((d) => `${d.type}${d.rv === null ? '' : ` ${d.rv}`}`).join(', ')}
                >
                  {e.deltas.slice(0, DELTAS_SHOWN).map((d, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: deltas are positional; a key's list only changes as a whole.
                    <DeltaChip key={i} delta={d} />
                  ))}
                  {e.deltas.length > DELTAS_SHOWN && (
                    <span className="insp-dim">
                      {t('inspectors.more', { count: e.deltas.length - DELTAS_SHOWN })}
                    </span>
                  )}
                </span>
              ),
            },
          ]}
        />
        <ShowingNote shown={f.queue.length} total={f.length} />
      </Section>
    </InspectorShell>
  );
}

/** DeltaFifoInspector, rendering a deferred frame (deferred.tsx). */
export const DeltaFifoInspector = deferredInspector(DeltaFifoInspectorView, 'DeltaFifoInspector');
