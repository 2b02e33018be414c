/**
 * The simulated kube-apiserver, from the frame: both kinds' objects with their resourceVersions, the
 * global revision, each resource's watch cache (ring, cache RV) and etcd's compaction point, the open
 * watches, the recent requests and active faults, and the client side of the wire: the controller's REST
 * clients, their buckets and who waits in them.
 */

import type { ReactNode } from 'react';
import type { Frame, ObjectRow } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import { t } from '../../i18n';
import { deferredInspector } from './deferred';
import { formatAge, formatClock, formatCount, formatCountdown, formatDuration } from './format';
import { ObjectTable } from './object-table';
import {
  Chip,
  Facts,
  InspectorShell,
  KeyButton,
  KindLabel,
  Rv,
  Section,
  ShowingNote,
  StatusChip,
} from './parts';
import { ReplicasTable } from './replicas-table';
import { RestClients } from './rest-clients';
import { WindowedTable } from './windowed-table';

export interface SelectableProps {
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}

export interface ApiServerInspectorProps extends SelectableProps {
  readonly frame: Frame;
}

type Watch = Frame['server']['watches'][number];
type Req = Frame['server']['requests'][number];

/** One resource's watch cache (S19, S32): its ring as a bar, its cache RV and what is too old for it. */
function CacheBar({
  kind,
  c,
}: {
  readonly kind: Kind;
  readonly c: Frame['server']['caches'][Kind];
}): ReactNode {
  const pct = c.capacity > 0 ? Math.min(100, (c.size / c.capacity) * 100) : 0;
  const text = t(c.pinned ? 'inspectors.apiserver.cacheTextPinned' : 'inspectors.apiserver.cacheText', {
    kind,
    count: formatCount(c.size),
    capacity: formatCount(c.capacity),
  });
  return (
    <div className="insp-window">
      <div className="insp-bar" role="img" aria-label={text}>
        <div className="insp-bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="insp-window-text">{text}</p>
      <p className="insp-window-text insp-dim">
        {t(c.ready ? 'inspectors.apiserver.cacheRv' : 'inspectors.apiserver.cacheNotReady', {
          rv: c.rv,
          tooOld: c.oldest - 1,
        })}
      </p>
    </div>
  );
}

/** One watch-cache ring per resource (S31), and etcd's compaction point (S35). */
function HistoryWindow({ server }: { readonly server: Frame['server'] }): ReactNode {
  const { compactedRv, revision } = server;
  return (
    <>
      <CacheBar kind="Foo" c={server.caches.Foo} />
      <CacheBar kind="Deployment" c={server.caches.Deployment} />
      <p className="insp-window-text insp-dim">
        {compactedRv > 0
          ? t('inspectors.apiserver.windowCompacted', { compactedRv, revision })
          : t('inspectors.apiserver.windowFull', { revision })}
      </p>
    </>
  );
}

/** One open watch: a few labelled facts (there are only ever a handful of watches). */
function WatchCard({ w, now }: { readonly w: Watch; readonly now: number }): ReactNode {
  return (
    <li className="insp-card">
      <p className="insp-card-title">
        <KindLabel kind={w.kind} /> {t('inspectors.apiserver.watchId', { id: w.id })}
      </p>
      <Facts
        items={[
          { term: t('inspectors.col.startRv'), value: <Rv rv={w.startRv} /> },
          { term: t('inspectors.col.lastSentRv'), value: <Rv rv={w.lastSentRv} /> },
          { term: t('inspectors.col.events'), value: formatCount(w.eventsSent) },
          { term: t('inspectors.col.age'), value: formatAge(w.openedAt, now) },
          {
            term: t('inspectors.col.timeout'),
            value:
              w.deadline - w.openedAt < 300_000
                ? `${formatCountdown(w.deadline, now)} ${t('inspectors.apiserver.timeoutCompressed')}`
                : formatCountdown(w.deadline, now),
          },
          { term: t('inspectors.col.nextBookmark'), value: formatCountdown(w.nextBookmarkAt, now) },
          // S38: with several replicas, the one serving this watch.
          ...(w.replica === undefined ? [] : [{ term: t('inspectors.replicas.col.name'), value: w.replica }]),
        ]}
      />
    </li>
  );
}

function Faults({ frame }: { readonly frame: Frame }): ReactNode {
  const f = frame.server.faults;
  const now = frame.time;
  const items: { id: string; text: string }[] = [];
  if (f.refuseConnectionsUntil !== null)
    items.push({
      id: 'refuse',
      text: t('inspectors.fault.refuse', { left: formatDuration(f.refuseConnectionsUntil - now) }),
    });
  if (f.errorResponses !== null)
    items.push({
      id: 'errors',
      text: t(
        f.errorResponses.retryAfterSeconds === undefined
          ? 'inspectors.fault.errors'
          : 'inspectors.fault.errorsRetryAfter',
        {
          code: f.errorResponses.code,
          left: formatDuration(f.errorResponses.untilMs - now),
          seconds: f.errorResponses.retryAfterSeconds ?? 0,
        },
      ),
    });
  if (f.extraLatencyMs > 0 && f.extraLatencyUntil !== null)
    items.push({
      id: 'latency',
      text: t('inspectors.fault.latency', {
        extra: formatDuration(f.extraLatencyMs),
        left: formatDuration(f.extraLatencyUntil - now),
      }),
    });
  if (f.failNextReconciles > 0)
    items.push({ id: 'reconciles', text: t('inspectors.fault.reconciles', { count: f.failNextReconciles }) });
  if (items.length === 0) return <p className="insp-empty">{t('inspectors.fault.none')}</p>;
  return (
    <ul className="insp-faults">
      {items.map((i) => (
        <li key={i.id}>
          <Chip tone="danger" icon="⚡">
            {i.text}
          </Chip>
        </li>
      ))}
    </ul>
  );
}

function KindObjects({
  frame,
  kind,
  selectedKey,
  onSelectKey,
}: SelectableProps & { readonly frame: Frame; readonly kind: 'Foo' | 'Deployment' }): ReactNode {
  const rows: readonly ObjectRow[] = frame.server.objects[kind];
  const total = frame.server.counts[kind];
  return (
    <Section
      title={t(kind === 'Foo' ? 'inspectors.apiserver.foos' : 'inspectors.apiserver.deployments')}
      aside={formatCount(total)}
    >
      <ObjectTable
        caption={t(kind === 'Foo' ? 'inspectors.apiserver.foos' : 'inspectors.apiserver.deployments')}
        kind={kind}
        rows={rows}
        selectedKey={selectedKey}
        onSelectKey={onSelectKey}
        empty={t('inspectors.apiserver.noObjects')}
      />
      <ShowingNote shown={rows.length} total={total} />
    </Section>
  );
}

function ApiServerInspectorView({ frame, selectedKey, onSelectKey }: ApiServerInspectorProps): ReactNode {
  const s = frame.server;
  const now = frame.time;
  const requests = [...s.requests].reverse();
  return (
    <InspectorShell
      title={t('inspectors.apiserver.title')}
      subtitle={t('inspectors.apiserver.subtitle')}
      testId="inspector-apiserver"
    >
      <Facts
        items={[
          { term: t('inspectors.apiserver.revision'), value: <Rv rv={s.revision} /> },
          { term: 'compactedRv', code: true, value: <Rv rv={s.compactedRv} /> },
          {
            term: t('inspectors.apiserver.objectCount'),
            value: t('inspectors.apiserver.objectCountValue', {
              foos: formatCount(s.counts.Foo),
              deployments: formatCount(s.counts.Deployment),
            }),
          },
        ]}
      />
      {s.replicas !== undefined ? (
        <Section title={t('inspectors.replicas.title')} aside={formatCount(s.replicas.length)}>
          <ReplicasTable server={s} now={now} />
        </Section>
      ) : null}
      <Section title={t('inspectors.apiserver.window')}>
        <HistoryWindow server={s} />
      </Section>
      <KindObjects frame={frame} kind="Foo" selectedKey={selectedKey} onSelectKey={onSelectKey} />
      <KindObjects frame={frame} kind="Deployment" selectedKey={selectedKey} onSelectKey={onSelectKey} />
      <Section title={t('inspectors.apiserver.watches')} aside={formatCount(s.watches.length)}>
        {s.watches.length === 0 ? (
          <p className="insp-empty">{t('inspectors.apiserver.noWatches')}</p>
        ) : (
          <ul className="insp-cards">
            {s.watches.map((w) => (
              <WatchCard key={w.id} w={w} now={now} />
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('inspectors.apiserver.requests')} aside={t('inspectors.apiserver.newestFirst')}>
        <WindowedTable<Req>
          caption={t('inspectors.apiserver.requests')}
          rows={requests}
          // By position: the newest requests come first, so a new request changes every row's contents;
          // rows keyed by position are updated in place instead of being removed and re-created.
          rowKey={(_, i) => String(i)}
          isSelected={(r) => r.key !== null && r.key === selectedKey}
          empty={t('inspectors.apiserver.noRequests')}
          columns={[
            {
              id: 'time',
              header: t('inspectors.col.time'),
              width: 6.2,
              render: (r) => formatClock(r.time),
            },
            {
              id: 'verb',
              header: t('inspectors.col.request'),
              width: 6,
              render: (r) => (
                <>
                  <code className="insp-verb">{r.verb.toUpperCase()}</code> <KindLabel kind={r.kind} short />
                </>
              ),
            },
            {
              id: 'key',
              header: t('inspectors.col.key'),
              render: (r) =>
                r.key === null ? (
                  <span className="insp-dim">—</span>
                ) : (
                  <KeyButton keyName={r.key} selected={r.key === selectedKey} onSelect={onSelectKey} />
                ),
            },
            { id: 'rv', header: t('inspectors.col.rv'), width: 3.4, render: (r) => <Rv rv={r.rv} /> },
            // S38: which replica served (or refused) it, with several replicas.
            ...(s.replicas === undefined
              ? []
              : [
                  {
                    id: 'replica',
                    header: t('inspectors.replicas.col.name'),
                    width: 5.8,
                    render: (r: Req) =>
                      r.replica ?? <span title={t('inspectors.replicas.notTracked')}>—</span>,
                  },
                ]),
            {
              id: 'code',
              header: t('inspectors.col.status'),
              width: 11,
              render: (r) => <StatusChip code={r.code} reason={r.reason} />,
            },
          ]}
        />
      </Section>
      <Section title={t('inspectors.apiserver.faults')}>
        <Faults frame={frame} />
      </Section>
      <Section
        title={t('inspectors.rest.title')}
        aside={t('inspectors.rest.waitingAside', {
          count: formatCount(frame.clients.reduce((n, c) => n + c.waitingCount, 0)),
        })}
      >
        <RestClients clients={frame.clients} now={now} selectedKey={selectedKey} onSelectKey={onSelectKey} />
      </Section>
    </InspectorShell>
  );
}

/** ApiServerInspector, rendering a deferred frame (deferred.tsx). */
export const ApiServerInspector = deferredInspector(ApiServerInspectorView, 'ApiServerInspector');
