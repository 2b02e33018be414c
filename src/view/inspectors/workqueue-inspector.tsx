/**
 * The controller's rate-limited workqueue (client-go util/workqueue: queue.go, delaying_queue.go,
 * rate_limiting_queue.go, metrics.go): the queue in Get order, the dirty and processing sets, items
 * waiting for their ready time, requeue counts, the metrics and two live charts (depth, retries).
 */

import { type ReactNode, useMemo } from 'react';
import type { Frame } from '../../engine/model/frame';
import { t } from '../../i18n';
import { deferredInspector } from './deferred';
import { formatClock, formatCount, formatCountdown, formatDuration } from './format';
import type { HistoryPoint } from './history';
import { KeyList } from './key-list';
import { MiniChart } from './mini-chart';
import { Facts, InspectorShell, KeyButton, Section, ShowingNote } from './parts';
import { WindowedTable } from './windowed-table';

export interface WorkqueueInspectorProps {
  readonly frame: Frame;
  /** Points accumulated by the caller with `appendHistory` (oldest first). */
  readonly history: readonly HistoryPoint[];
  readonly selectedKey?: string | null;
  readonly onSelectKey?: (key: string) => void;
}

type Waiting = Frame['workqueue']['waiting'][number];
type Requeue = Frame['workqueue']['requeues'][number];

function WorkqueueInspectorView({
  frame,
  history,
  selectedKey,
  onSelectKey,
}: WorkqueueInspectorProps): ReactNode {
  const q = frame.workqueue;
  const m = q.metrics;
  const now = frame.time;
  const sel = selectedKey ?? null;
  const depths = useMemo(() => history.map((p) => p.depth), [history]);
  const retries = useMemo(() => history.map((p) => p.retries), [history]);
  return (
    <InspectorShell
      title={t('inspectors.workqueue.title', { name: q.name })}
      subtitle={t('inspectors.workqueue.subtitle')}
      testId="inspector-workqueue"
    >
      <Facts
        items={[
          { term: t('inspectors.workqueue.depth'), value: formatCount(m.depth) },
          { term: t('inspectors.workqueue.adds'), value: formatCount(m.adds) },
          { term: t('inspectors.workqueue.retries'), value: formatCount(m.retries) },
          { term: t('inspectors.workqueue.queueDuration'), value: formatDuration(m.queueDurationAvgMs) },
          { term: t('inspectors.workqueue.workDuration'), value: formatDuration(m.workDurationAvgMs) },
          { term: t('inspectors.workqueue.longestRunning'), value: formatDuration(m.longestRunningMs) },
        ]}
      />
      <div className="insp-charts">
        <MiniChart title={t('inspectors.workqueue.chartDepth')} values={depths} series="a" />
        <MiniChart title={t('inspectors.workqueue.chartRetries')} values={retries} series="b" />
      </div>
      <Section title={t('inspectors.workqueue.queue')} aside={formatCount(q.depth)}>
        <KeyList
          label={t('inspectors.workqueue.queue')}
          keys={q.queue}
          ordered
          selectedKey={sel}
          onSelectKey={onSelectKey}
          empty={t('inspectors.workqueue.queueEmpty')}
        />
        <ShowingNote shown={q.queue.length} total={q.depth} />
      </Section>
      <div className="insp-two">
        <Section title={t('inspectors.workqueue.dirty')} aside={formatCount(q.dirty.length)}>
          <KeyList
            label={t('inspectors.workqueue.dirty')}
            keys={q.dirty}
            selectedKey={sel}
            onSelectKey={onSelectKey}
            empty={t('inspectors.workqueue.setEmpty')}
          />
        </Section>
        <Section title={t('inspectors.workqueue.processing')} aside={formatCount(q.processing.length)}>
          <KeyList
            label={t('inspectors.workqueue.processing')}
            keys={q.processing}
            selectedKey={sel}
            onSelectKey={onSelectKey}
            empty={t('inspectors.workqueue.setEmpty')}
          />
        </Section>
      </div>
      <Section title={t('inspectors.workqueue.waiting')} aside={formatCount(q.waiting.length)}>
        <WindowedTable<Waiting>
          caption={t('inspectors.workqueue.waiting')}
          rows={q.waiting}
          // By position in the heap's pop order: rows are updated in place.
          rowKey={(_, i) => String(i)}
          isSelected={(w) => w.item === sel}
          empty={t('inspectors.workqueue.waitingEmpty')}
          columns={[
            {
              id: 'item',
              header: t('inspectors.col.key'),
              render: (w) => <KeyButton keyName={w.item} selected={w.item === sel} onSelect={onSelectKey} />,
            },
            {
              id: 'at',
              header: t('inspectors.col.readyAt'),
              width: 7,
              render: (w) => formatClock(w.readyAt),
            },
            {
              id: 'in',
              header: t('inspectors.col.readyIn'),
              width: 6.5,
              render: (w) => formatCountdown(w.readyAt, now),
            },
          ]}
        />
      </Section>
      <Section title={t('inspectors.workqueue.requeues')} aside={formatCount(q.requeues.length)}>
        <WindowedTable<Requeue>
          caption={t('inspectors.workqueue.requeues')}
          rows={q.requeues}
          rowKey={(r) => r.item}
          isSelected={(r) => r.item === sel}
          empty={t('inspectors.workqueue.requeuesEmpty')}
          columns={[
            {
              id: 'item',
              header: t('inspectors.col.key'),
              render: (r) => <KeyButton keyName={r.item} selected={r.item === sel} onSelect={onSelectKey} />,
            },
            { id: 'n', header: 'NumRequeues', width: 8.6, numeric: true, render: (r) => r.n },
          ]}
        />
      </Section>
    </InspectorShell>
  );
}

/** WorkqueueInspector, rendering a deferred frame (deferred.tsx). */
export const WorkqueueInspector = deferredInspector(WorkqueueInspectorView, 'WorkqueueInspector');
