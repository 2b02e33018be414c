// The animated client-go figure: props in, SVG out. No store, no worker: the caller passes the frame,
// the current step's records, the step's progress (0..1) and the selection; everything on screen is a
// pure function of them (tokens from motion.ts, positions from layout.ts).
import { type ReactNode, type RefObject, useId, useMemo, useRef } from 'react';
import type { Frame, RecordView } from '../engine/model/frame';
import { t } from '../i18n';
import { VIEW_H, VIEW_W } from './layout-boxes';
import { DEFAULT_TOKEN_CAP, motionAt, planMotion } from './motion';
import { ApiBox } from './parts/api-box';
import { ArrowsLayer } from './parts/arrows-layer';
import { ControllerBoxes } from './parts/controller-boxes';
import { FigureDefs } from './parts/defs';
import { LaneBoxes } from './parts/lane-boxes';
import { StaticLayer } from './parts/static-layer';
import { StoreBox } from './parts/store-box';
import { TokensLayer } from './parts/tokens-layer';
import { ZoomControls } from './parts/zoom-controls';
import { type FigureZoom, useFigureZoom } from './use-figure-zoom';
import './diagram.css';

export interface FigureProps {
  readonly frame: Frame;
  /** The records whose tokens to animate (normally `frame.records`). */
  readonly records: readonly RecordView[];
  /** How far the step's animation has got, 0..1 (1 = every token arrived). */
  readonly progress: number;
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
  readonly reducedMotion: boolean;
  /** Max tokens drawn per arrow; the rest show as "+N" (default 12). */
  readonly tokenCap?: number;
  /** Lets the caller reach the <svg> (for exportSvg / exportPng). */
  readonly svgRef?: RefObject<SVGSVGElement | null>;
  /** Hide the zoom buttons (e.g. in a thumbnail). */
  readonly hideZoomControls?: boolean;
}

export function Figure(props: FigureProps): ReactNode {
  const ownRef = useRef<SVGSVGElement | null>(null);
  const svgRef = props.svgRef ?? ownRef;
  const zoom = useFigureZoom(svgRef);
  const rawId = useId();
  const prefix = `fig${rawId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const plan = useMemo(
    () => planMotion(props.records, props.tokenCap ?? DEFAULT_TOKEN_CAP),
    [props.records, props.tokenCap],
  );
  const motion = useMemo(
    () => motionAt(plan, props.progress, props.reducedMotion),
    [plan, props.progress, props.reducedMotion],
  );
  const { frame, selectedKey, onSelectKey } = props;
  const tf = zoom.transform;
  return (
    // A <figure>, not an SVG with role="img": that role would hide the selectable keys inside from
    // assistive technology.
    <figure className="fig" data-testid="figure" aria-labelledby={`${prefix}-title`}>
      {props.hideZoomControls === true ? null : <ZoomControls zoom={zoom} />}
      <svg
        ref={svgRef}
        className="fig-svg"
        viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
        preserveAspectRatio="xMidYMid meet"
        aria-labelledby={`${prefix}-title ${prefix}-desc`}
        data-step={frame.step}
      >
        <title id={`${prefix}-title`}>{t('diagram.title')}</title>
        <desc id={`${prefix}-desc`}>{t('diagram.desc')}</desc>
        <FigureDefs prefix={prefix} />
        <g data-fig-viewport="" transform={`translate(${tf.x},${tf.y}) scale(${tf.k})`}>
          <StaticLayer />
          <ArrowsLayer prefix={prefix} activity={motion.arrows} />
          <ApiBox server={frame.server} />
          <LaneBoxes
            lane="Foo"
            view={frame.lanes.Foo}
            time={frame.time}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
          />
          <LaneBoxes
            lane="Deployment"
            view={frame.lanes.Deployment}
            time={frame.time}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
          />
          <StoreBox lanes={frame.lanes} selectedKey={selectedKey} onSelectKey={onSelectKey} />
          <ControllerBoxes
            frame={frame}
            prefix={prefix}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
          />
          <TokensLayer tokens={motion.tokens} selectedKey={selectedKey} onSelectKey={onSelectKey} />
        </g>
      </svg>
    </figure>
  );
}

export type { FigureZoom };
