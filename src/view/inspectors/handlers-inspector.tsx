/**
 * One lane's listeners (client-go tools/cache/shared_informer.go, processorListener): per registered
 * handler, the pending notification buffer, how many were delivered, its resync period and next resync,
 * isResyncing and the registration's HasSynced.
 */

import type { ReactNode } from 'react';
import type { Frame, NotificationView } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import { t } from '../../i18n';
import { deferredInspector } from './deferred';
import { formatCount, formatCountdown, formatDuration } from './format';
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

export interface HandlersInspectorProps {
  readonly lane: Kind;
  readonly frame: Frame;
  readonly selectedKey?: string | null;
  readonly onSelectKey?: (key: string) => void;
}

const NOTE_TONE: Readonly<Record<NotificationView['kind'], Tone>> = {
  add: 'ok',
  update: 'info',
  delete: 'danger',
};
const NOTE_FN: Readonly<Record<NotificationView['kind'], string>> = {
  add: 'OnAdd',
  update: 'OnUpdate',
  delete: 'OnDelete',
};

type Listener = Frame['lanes']['Foo']['listeners'][number];

function ListenerSection({
  l,
  now,
  selectedKey,
  onSelectKey,
}: {
  readonly l: Listener;
  readonly now: number;
  readonly selectedKey: string | null;
  readonly onSelectKey: ((key: string) => void) | undefined;
}): ReactNode {
  return (
    <Section
      title={t('inspectors.handlers.listener', { id: l.id, handler: l.handler })}
      className="insp-listener"
    >
      <Facts
        items={[
          { term: t('inspectors.handlers.handler'), value: <code>{l.handler}</code> },
          { term: t('inspectors.handlers.pending'), value: formatCount(l.pendingCount) },
          { term: t('inspectors.handlers.delivered'), value: formatCount(l.delivered) },
          {
            term: t('inspectors.handlers.resyncPeriod'),
            value: l.resyncPeriodMs > 0 ? formatDuration(l.resyncPeriodMs) : t('inspectors.handlers.never'),
          },
          {
            term: t('inspectors.handlers.nextResync'),
            value: l.resyncPeriodMs > 0 ? formatCountdown(l.nextResync, now) : '—',
          },
          { term: 'isResyncing', code: true, value: <YesNo value={l.isResyncing} /> },
          { term: 'HasSynced', code: true, value: <YesNo value={l.hasSynced} /> },
          ...(l.initialPending > 0
            ? [{ term: t('inspectors.handlers.initialPending'), value: formatCount(l.initialPending) }]
            : []),
        ]}
      />
      <WindowedTable<NotificationView>
        caption={t('inspectors.handlers.buffer', { handler: l.handler })}
        rows={l.pending}
        // By position (the buffer's order): rows are updated in place as notifications come and go.
        rowKey={(_, i) => String(i)}
        isSelected={(n) => n.key === selectedKey}
        empty={t('inspectors.handlers.empty')}
        columns={[
          {
            id: 'pos',
            header: t('inspectors.col.position'),
            width: 2.4,
            numeric: true,
            render: (_, i) => i + 1,
          },
          {
            id: 'kind',
            header: t('inspectors.col.notification'),
            width: 5.8,
            render: (n) => <Chip tone={NOTE_TONE[n.kind]}>{NOTE_FN[n.kind]}</Chip>,
          },
          {
            id: 'key',
            header: t('inspectors.col.key'),
            render: (n) => (
              <KeyButton keyName={n.key} selected={n.key === selectedKey} onSelect={onSelectKey} />
            ),
          },
          { id: 'rv', header: t('inspectors.col.rv'), width: 3.4, render: (n) => <Rv rv={n.rv} /> },
          {
            id: 'old',
            header: t('inspectors.col.oldRv'),
            width: 3.8,
            render: (n) => <Rv rv={n.oldRv} />,
          },
          {
            id: 'flags',
            header: t('inspectors.col.flags'),
            width: 7.5,
            render: (n) => (
              <>
                {n.isInInitialList && (
                  <Chip tone="accent" title="isInInitialList">
                    {t('inspectors.handlers.initialList')}
                  </Chip>
                )}
                {n.tombstone && (
                  <Chip tone="danger" icon="†" title="DeletedFinalStateUnknown">
                    {t('inspectors.handlers.tombstone')}
                  </Chip>
                )}
                {!n.isInInitialList && !n.tombstone && <span className="insp-dim">—</span>}
              </>
            ),
          },
        ]}
      />
      <ShowingNote shown={l.pending.length} total={l.pendingCount} />
    </Section>
  );
}

function HandlersInspectorView({ lane, frame, selectedKey, onSelectKey }: HandlersInspectorProps): ReactNode {
  const listeners = frame.lanes[lane].listeners;
  return (
    <InspectorShell
      title={t('inspectors.handlers.title', { kind: lane })}
      subtitle={t('inspectors.handlers.subtitle')}
      testId={`inspector-handlers-${lane}`}
    >
      <p className="insp-lane">
        <KindLabel kind={lane} />
      </p>
      {listeners.length === 0 && <p className="insp-empty">{t('inspectors.handlers.none')}</p>}
      {listeners.map((l) => (
        <ListenerSection
          key={l.id}
          l={l}
          now={frame.time}
          selectedKey={selectedKey ?? null}
          onSelectKey={onSelectKey}
        />
      ))}
    </InspectorShell>
  );
}

/** HandlersInspector, rendering a deferred frame (deferred.tsx). */
export const HandlersInspector = deferredInspector(HandlersInspectorView, 'HandlersInspector');
