/**
 * A small live chart (SVG, geometry from d3-scale + d3-shape in `chartGeometry`): a filled line of
 * the last N values, with its title, the latest value and the scale's top as text.
 */
import { type ReactNode, useId } from 'react';
import { t } from '../../i18n';
import { formatCount } from './format';
import { chartGeometry } from './history';

export interface MiniChartProps {
  readonly title: string;
  readonly values: readonly number[];
  /** 'a' or 'b': which of the two chart colours. */
  readonly series: 'a' | 'b';
  readonly width?: number;
  readonly height?: number;
}

export function MiniChart({ title, values, series, width = 240, height = 56 }: MiniChartProps): ReactNode {
  const id = useId();
  const g = chartGeometry(values, width, height);
  const last = values[values.length - 1] ?? 0;
  const desc = t('inspectors.chart.desc', {
    n: values.length,
    last: formatCount(last),
    max: formatCount(Math.max(0, ...values)),
  });
  return (
    <figure className={`insp-chart series-${series}`}>
      <figcaption className="insp-chart-caption">
        <span>{title}</span>
        <strong className="insp-chart-last">{formatCount(last)}</strong>
      </figcaption>
      <svg
        className="insp-chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line className="insp-chart-axis" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
        {g.area !== '' && <path className="insp-chart-area" d={g.area} />}
        {g.line !== '' && <path className="insp-chart-line" d={g.line} vectorEffect="non-scaling-stroke" />}
      </svg>
      <span className="insp-chart-scale">
        {t('inspectors.chart.scale', { max: formatCount(g.max), n: values.length })}
      </span>
    </figure>
  );
}
