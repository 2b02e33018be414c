// Under the Clients box: the controller's REST clients (spec K1–K7), one row each: its name, its token
// bucket as up to ten cells (filled: tokens left now), and how many calls wait in it for a token (◷) or
// sleep for a Retry-After (↻). The inspector of the API server has the details (who, how long).
import { memo, type ReactNode } from 'react';
import type { RestClientView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { BOXES } from '../layout-boxes';

const ROW_H = 36;
const MAX_CELLS = 10;
const BAR_W = 120;

function Row({ c, y }: { c: RestClientView; y: number }): ReactNode {
  const x = BOXES.clientBuckets.rect.x;
  const throttled = c.waiting.filter((w) => w.phase === 'throttled').length;
  const sleeping = c.waiting.filter((w) => w.phase === 'retry-after').length;
  // Calls beyond the frame's list limit are counted as waiting for a token (the usual case).
  const waitingForToken = throttled + Math.max(0, c.waitingCount - c.waiting.length);
  const waitText = [waitingForToken > 0 ? `◷${waitingForToken}` : '', sleeping > 0 ? `↻${sleeping}` : '']
    .filter((s) => s !== '')
    .join(' ');
  const title =
    c.tokens === null || c.burst === null
      ? t('diagram.client.titleNone', { name: c.name, waiting: c.waitingCount })
      : t('diagram.client.title', {
          name: c.name,
          tokens: Math.max(0, c.tokens).toFixed(1),
          burst: c.burst,
          qps: c.qps ?? 0,
          throttled,
          sleeping,
        });
  const cells: ReactNode[] = [];
  if (c.tokens !== null && c.burst !== null) {
    const n = Math.min(MAX_CELLS, c.burst);
    const gap = 2;
    const w = (BAR_W - (n - 1) * gap) / n;
    const full = (Math.max(0, c.tokens) / c.burst) * n;
    for (let i = 0; i < n; i++) {
      cells.push(
        <rect
          key={i}
          className={`fig-client-cell${i + 1 <= full + 1e-9 ? ' is-full' : i < full ? ' is-part' : ''}`}
          x={x + i * (w + gap)}
          y={y + 20}
          width={w}
          height={10}
        />,
      );
    }
  }
  return (
    <g className={`fig-client${c.waitingCount > 0 ? ' is-waiting' : ''}`} data-client={c.name}>
      <title>{title}</title>
      <text className="fig-client-name" x={x} y={y + 14}>
        {c.name === 'CoreV1' ? t('diagram.client.CoreV1') : c.name}
      </text>
      {cells.length > 0 ? (
        cells
      ) : (
        <text className="fig-client-none" x={x} y={y + 31}>
          {t('diagram.client.none')}
        </text>
      )}
      <text className="fig-client-wait" x={x + BAR_W + 8} y={y + 31}>
        {waitText}
      </text>
    </g>
  );
}

export const ClientBuckets = memo(function ClientBuckets(props: {
  clients: readonly RestClientView[];
}): ReactNode {
  const y0 = BOXES.clientBuckets.rect.y;
  return (
    <g className="fig-clients" data-testid="client-buckets">
      {props.clients.map((c, i) => (
        <Row key={c.name} c={c} y={y0 + i * ROW_H} />
      ))}
    </g>
  );
});
