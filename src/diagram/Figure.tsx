// The animated client-go figure: props in, SVG out. No store, no worker: the caller passes the frame,
// the current step's records, how long the step's tokens travel and the selection; everything on screen
// is a pure function of them and the step's progress (tokens from motion.ts, positions from layout.ts).
//
// Rendering cost: the progress lives in a clock inside the figure (step-clock.ts) that only the arrows
// and the tokens subscribe to, so an animation frame re-renders those two layers only. Every other part
// is memoised and takes only its own slice of the frame (the store shares the parts of a new frame that
// did not change: store/share-frame.ts), so a new frame re-renders the boxes whose contents changed.
import { lazy, memo, type ReactNode, type RefObject, Suspense, useId, useMemo, useRef } from 'react';
import type { Frame, RecordView } from '../engine/model/frame';
import { t } from '../i18n';
import { VIEW_H, VIEW_W } from './layout-boxes';
import { DEFAULT_TOKEN_CAP, type MotionPlan, motionAt, planMotion } from './motion';
import { ApiBox } from './parts/api-box';
import { ArrowsLayer } from './parts/arrows-layer';
import { ClientBuckets } from './parts/client-buckets';
import { ControllerBoxes } from './parts/controller-boxes';
import { FigureDefs } from './parts/defs';
import { LaneBoxes } from './parts/lane-boxes';
import { ReplicasRow } from './parts/replicas-row';
import { StaticLayer } from './parts/static-layer';
import { StoreBox } from './parts/store-box';
import { TokensLayer } from './parts/tokens-layer';
import { ZoomControls } from './parts/zoom-controls';
import { type StepClock, useClockProgress, useStepClock } from './step-clock';
import { type FigureZoom, useFigureZoom } from './use-figure-zoom';
import './diagram.css';

/** The modern run's batch note (parts/batch-note.tsx), loaded with the first modern frame. */
const ModernBatchNote = lazy(() =>
  import('./parts/batch-note').then((m) => ({ default: m.ModernBatchNote })),
);

export interface FigureProps {
  readonly frame: Frame;
  /** The records whose tokens to animate (normally `frame.records`). */
  readonly records: readonly RecordView[];
  /**
   * How long the step's tokens travel, ms: the animation restarts at every new step (0: every token
   * at its end at once, as with reduced motion).
   */
  readonly animationMs: number;
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
  const { frame, selectedKey, onSelectKey, reducedMotion } = props;
  const clock = useStepClock(frame.step, reducedMotion ? 0 : props.animationMs);
  const tf = zoom.transform;
  const { Foo, Deployment } = frame.lanes;
  const fooPending = pendingOf(Foo);
  const deploymentPending = pendingOf(Deployment);
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
        <desc id={`${prefix}-desc`}>
          {t(Foo.modern === undefined ? 'diagram.desc' : 'diagram.descModern')}
        </desc>
        <FigureDefs prefix={prefix} />
        <g data-fig-viewport="" transform={`translate(${tf.x},${tf.y}) scale(${tf.k})`}>
          <StaticLayer
            ha={frame.server.replicas !== undefined && frame.server.replicas.length > 1}
            modern={Foo.modern !== undefined}
          />
          <LiveArrows
            prefix={prefix}
            plan={plan}
            clock={clock}
            reducedMotion={reducedMotion}
            modern={Foo.modern !== undefined}
          />
          <ApiBox server={frame.server} />
          <ReplicasRow replicas={frame.server.replicas} requests={frame.server.requests} time={frame.time} />
          <LaneBoxes
            lane="Foo"
            view={Foo}
            time={timeFor(Foo, frame.time)}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
          />
          <LaneBoxes
            lane="Deployment"
            view={Deployment}
            time={timeFor(Deployment, frame.time)}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
          />
          <StoreBox
            foo={Foo.indexer}
            deployment={Deployment.indexer}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
          />
          <ControllerBoxes
            pendingFoo={fooPending}
            pendingDeployment={deploymentPending}
            workqueue={frame.workqueue}
            workers={frame.workers}
            restWaits={restWaitsOf(frame.clients)}
            started={frame.controllerStarted}
            prefix={prefix}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
          />
          {Foo.modern === undefined ? null : (
            <Suspense fallback={null}>
              <ModernBatchNote foo={Foo.modern.processing} deployment={Deployment.modern?.processing} />
            </Suspense>
          )}
          <ClientBuckets clients={frame.clients} />
          <LiveTokens
            plan={plan}
            clock={clock}
            reducedMotion={reducedMotion}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
          />
        </g>
      </svg>
    </figure>
  );
}

/**
 * Which workers' calls wait in a REST client, as one string ("0:throttled,1:retry-after") so the
 * controller boxes re-render only when it changes, not with every token refilled.
 */
function restWaitsOf(clients: Frame['clients']): string {
  const out: string[] = [];
  for (const c of clients)
    for (const w of c.waiting) if (w.worker !== null) out.push(`${w.worker}:${w.phase}`);
  return out.sort().join(',');
}

/** Notifications waiting in a lane's listeners (the handlers box sums both lanes). */
function pendingOf(view: Frame['lanes']['Foo']): number {
  let n = 0;
  for (const l of view.listeners) n += l.pendingCount;
  return n;
}

/**
 * The virtual time a lane's boxes need: only a reflector in backoff shows a countdown, so otherwise the
 * lane does not re-render as time passes.
 */
function timeFor(view: Frame['lanes']['Foo'], time: number): number {
  return view.reflector.backoffUntil === null ? 0 : time;
}

/** The arrows, lit by the step's progress: re-rendered by the clock, not by the page. */
const LiveArrows = memo(function LiveArrows(props: {
  prefix: string;
  plan: MotionPlan;
  clock: StepClock;
  reducedMotion: boolean;
  modern: boolean;
}): ReactNode {
  const progress = useClockProgress(props.clock);
  const { arrows } = motionAt(props.plan, progress, props.reducedMotion);
  return <ArrowsLayer prefix={props.prefix} activity={arrows} modern={props.modern} />;
});

/** The travelling tokens, placed by the step's progress. */
const LiveTokens = memo(function LiveTokens(props: {
  plan: MotionPlan;
  clock: StepClock;
  reducedMotion: boolean;
  selectedKey: string | null;
  onSelectKey: (key: string) => void;
}): ReactNode {
  const progress = useClockProgress(props.clock);
  const { tokens } = motionAt(props.plan, progress, props.reducedMotion);
  return <TokensLayer tokens={tokens} selectedKey={props.selectedKey} onSelectKey={props.onSelectKey} />;
});

export type { FigureZoom };
