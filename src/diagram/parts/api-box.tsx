// The "Kubernetes API" hexagon with the global revision, and the kubectl client of the scenario.
import { memo, type ReactNode } from 'react';
import type { Frame } from '../../engine/model/frame';
import { t } from '../../i18n';
import { hexagonPoints } from '../geometry';
import { wrapLabel } from '../layout';
import { BOXES } from '../layout-boxes';

export const ApiBox = memo(function ApiBox(props: { server: Frame['server'] }): ReactNode {
  const s = props.server;
  const b = BOXES.api.rect;
  const cx = b.x + b.w / 2;
  const f = s.faults;
  const fault = f.refuseConnectionsUntil !== null || f.errorResponses !== null || f.extraLatencyMs > 0;
  const k = BOXES.kubectl.rect;
  return (
    <>
      <g className={`fig-box fig-api${fault ? ' is-fault' : ''}`} data-box="api" data-testid="api-box">
        <title>
          {t('diagram.api.title', {
            rev: s.revision,
            foos: s.counts.Foo,
            deployments: s.counts.Deployment,
            watches: s.watches.length,
          })}
        </title>
        <polygon
          points={hexagonPoints(b)
            .map((q) => `${q.x},${q.y}`)
            .join(' ')}
        />
        <text className="fig-box-name" x={cx} y={b.y + 44} textAnchor="middle">
          {wrapLabel(t('diagram.box.api'), 10).map((ln, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one label.
            <tspan key={i} x={cx} dy={i === 0 ? 0 : 17}>
              {ln}
            </tspan>
          ))}
        </text>
        <text className="fig-api-rev" x={cx} y={b.y + 88} textAnchor="middle" data-testid="api-revision">
          {t('diagram.api.revision', { rev: s.revision })}
        </text>
        {fault ? (
          <text className="fig-api-fault" x={cx} y={b.y + 104} textAnchor="middle">
            {`! ${t('diagram.api.fault')}`}
          </text>
        ) : null}
      </g>
      <g className="fig-box fig-kubectl" data-box="kubectl">
        <title>{t('diagram.arrow.kubectl')}</title>
        <rect x={k.x} y={k.y} width={k.w} height={k.h} rx={6} />
        <text className="fig-box-name is-small" x={k.x + k.w / 2} y={k.y + 16} textAnchor="middle">
          {t('diagram.box.kubectl')}
        </text>
      </g>
    </>
  );
});
