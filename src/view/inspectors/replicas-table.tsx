/**
 * HA apiserver replicas (spec S38, S39) in the API server inspector: one row per kube-apiserver replica
 * behind the load balancer — up or down, its watch caches ready or initialising, how late etcd's events
 * reach its caches and how many have not yet, each kind's cache RV (what a LIST at "0" or a watch there
 * sees), its open watches and restarts, and whether the controller's one connection is on it.
 * Frames carry replicas only with 2–3 of them; with one apiserver this renders nothing.
 */
import type { ReactNode } from 'react';
import type { Frame, ReplicaView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { formatCount, formatDuration } from './format';
import { Chip, Rv } from './parts';
import { WindowedTable } from './windowed-table';

function stateChip(r: ReplicaView): ReactNode {
  if (!r.up) return <Chip tone="danger">{t('inspectors.replicas.down')}</Chip>;
  if (!r.ready) return <Chip tone="warn">{t('inspectors.replicas.initialising')}</Chip>;
  return <Chip tone="ok">{t('inspectors.replicas.ready')}</Chip>;
}

export function ReplicasTable({
  server,
  now,
}: {
  readonly server: Frame['server'];
  readonly now: number;
}): ReactNode {
  const rows = server.replicas;
  if (rows === undefined) return null;
  const conn = server.connections?.find((c) => c.client === 'controller');
  return (
    <>
      <WindowedTable<ReplicaView>
        caption={t('inspectors.replicas.title')}
        rows={rows}
        rowKey={(r) => r.name}
        empty=""
        testId="replicas-table"
        columns={[
          {
            id: 'name',
            header: t('inspectors.replicas.col.name'),
            width: 4.5,
            render: (r) => <b>{r.name}</b>,
          },
          { id: 'state', header: t('inspectors.col.status'), width: 8, render: stateChip },
          {
            id: 'lag',
            header: t('inspectors.replicas.col.lag'),
            width: 7,
            render: (r) =>
              r.lagMs > 0
                ? r.lagUntil !== null
                  ? t('inspectors.replicas.lagFault', {
                      lag: formatDuration(r.lagMs),
                      left: formatDuration(Math.max(0, r.lagUntil - now)),
                    })
                  : formatDuration(r.lagMs)
                : '—',
          },
          {
            id: 'behind',
            header: t('inspectors.replicas.col.behind'),
            width: 5,
            numeric: true,
            render: (r) => formatCount(r.behind),
          },
          {
            id: 'rv',
            header: t('inspectors.replicas.col.cacheRv'),
            width: 8,
            render: (r) => (
              <>
                <Rv rv={r.caches.Foo.rv} /> / <Rv rv={r.caches.Deployment.rv} />
              </>
            ),
          },
          {
            id: 'watches',
            header: t('inspectors.replicas.col.watches'),
            width: 5,
            numeric: true,
            render: (r) => formatCount(r.watches),
          },
          {
            id: 'restarts',
            header: t('inspectors.replicas.col.restarts'),
            width: 5,
            numeric: true,
            optional: true,
            render: (r) => formatCount(r.restarts),
          },
          {
            id: 'conn',
            header: t('inspectors.replicas.col.connection'),
            width: 6,
            render: (r) => (r.connected ? '⇄' : ''),
          },
        ]}
      />
      {conn !== undefined ? (
        <p className="insp-window-text insp-dim">
          {t('inspectors.replicas.connection', {
            replica: conn.replica ?? '—',
            opened: formatCount(conn.opened),
            goaways: formatCount(conn.goaways),
          })}
        </p>
      ) : null}
    </>
  );
}
