// HA apiserver replicas (spec S38, S39) in the figure's server region: with 2–3 replicas behind the load
// balancer, one chip each under the "Kubernetes API" hexagon, side by side. A chip shows the replica's
// name, its state as a dot (up and every Cacher ready; a Cacher initialising; down), and how far its caches
// lag etcd; the chip the controller's one connection is on is outlined and marked ⇄, and the chip of the
// replica that served a request at this step is lit. The title and the API server inspector have the
// details (cache RVs per kind, events behind, restarts, watches). A one-apiserver frame carries no
// replicas, and nothing is drawn.
import { memo, type ReactNode } from 'react';
import type { Frame, ReplicaView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { REPLICAS_ROW } from '../layout-arrows';

const GAP = 6;

/** "12ms", "2.5s", "90s": a lag short enough for a chip (the title spells it out). */
function lagText(ms: number): string {
  if (ms <= 0) return '';
  if (ms < 1000) return `${Math.max(1, Math.round(ms))}ms`;
  const s = ms / 1000;
  return s < 10 ? `${s.toFixed(1)}s` : `${Math.round(s)}s`;
}

function stateOf(r: ReplicaView): 'down' | 'initialising' | 'ready' {
  if (!r.up) return 'down';
  return r.ready ? 'ready' : 'initialising';
}

function Chip(props: { r: ReplicaView; x: number; w: number; served: boolean; time: number }): ReactNode {
  const { r, x, w, served } = props;
  const y = REPLICAS_ROW.y;
  const h = REPLICAS_ROW.h;
  const state = stateOf(r);
  const lag = lagText(r.lagMs);
  const title = [
    t('diagram.replica.title', { name: r.name, state: t(`diagram.replica.state.${state}`) }),
    r.lagMs > 0
      ? t(r.lagUntil === null ? 'diagram.replica.lag' : 'diagram.replica.lagUntil', {
          lag: lagText(r.lagMs),
          left: r.lagUntil === null ? '' : lagText(Math.max(0, r.lagUntil - props.time)),
        })
      : t('diagram.replica.noLag'),
    r.behind > 0 ? t('diagram.replica.behind', { count: r.behind, rev: r.seenRev }) : '',
    t('diagram.replica.caches', { foo: r.caches.Foo.rv, deployment: r.caches.Deployment.rv }),
    t('diagram.replica.watches', { count: r.watches, restarts: r.restarts }),
    r.connected ? t('diagram.replica.connected') : '',
    served ? t('diagram.replica.served') : '',
  ]
    .filter((s) => s !== '')
    .join('\n');
  const cls = `fig-replica is-${state}${r.connected ? ' is-connected' : ''}${served ? ' is-served' : ''}`;
  return (
    <g className={cls} data-replica={r.name} data-testid={`replica-${r.name}`}>
      <title>{title}</title>
      <rect className="fig-replica-box" x={x} y={y} width={w} height={h} rx={5} />
      <circle className="fig-replica-dot" cx={x + 9} cy={y + h / 2} r={4.5} />
      <text className="fig-replica-name" x={x + 17} y={y + h / 2 + 5}>
        {r.name}
        {r.connected ? <tspan className="fig-replica-conn">{' ⇄'}</tspan> : null}
      </text>
      <text className="fig-replica-lag" x={x + w - 5} y={y + h / 2 + 5} textAnchor="end">
        {lag}
      </text>
    </g>
  );
}

export const ReplicasRow = memo(function ReplicasRow(props: {
  replicas: Frame['server']['replicas'];
  requests: Frame['server']['requests'];
  time: number;
}): ReactNode {
  const rs = props.replicas;
  if (rs === undefined || rs.length === 0) return null;
  // The replicas that served (or refused) a request at this instant.
  const served = new Set<string>();
  for (const q of props.requests) if (q.time === props.time && q.replica !== undefined) served.add(q.replica);
  const w = (REPLICAS_ROW.w - GAP * (rs.length - 1)) / rs.length;
  return (
    <g className="fig-replicas" data-testid="replicas-row">
      {rs.map((r, i) => (
        <Chip
          key={r.name}
          r={r}
          x={REPLICAS_ROW.x + i * (w + GAP)}
          w={w}
          served={served.has(r.name)}
          time={props.time}
        />
      ))}
    </g>
  );
});
