// The custom controller's half: Resource Event Handlers (pending notifications), the hatched
// references, the Workqueue (queued keys, "+N", dirty/processing/waiting counts), Process Item,
// Handle Object, the Clients of the write path and the worker chips (idle / busy with their key, ◷ while
// their call waits in a REST client for a token or a Retry-After).
import { memo, type ReactNode } from 'react';
import type { Frame } from '../../engine/model/frame';
import { t } from '../../i18n';
import { shortKey } from '../format';
import { wrapLabel } from '../layout';
import { BOXES, type BoxId, CELLS } from '../layout-boxes';
import { hatchId } from './defs';
import { Selectable } from './glyphs';
import type { SelectProps } from './lane-boxes';

function YellowBox(props: { id: BoxId; extra?: ReactNode; title?: string }): ReactNode {
  const def = BOXES[props.id];
  const b = def.rect;
  const lines = wrapLabel(t(def.nameKey ?? ''), 10);
  const lh = 16;
  const y0 = b.y + b.h / 2 - ((lines.length - 1) * lh) / 2 + 5 - (props.extra === undefined ? 0 : 7);
  return (
    <g className="fig-box fig-yellow" data-box={props.id}>
      <title>{props.title ?? t(def.nameKey ?? '')}</title>
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={10} />
      <text className="fig-box-name" x={b.x + b.w / 2} y={y0} textAnchor="middle">
        {lines.map((ln, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one label.
          <tspan key={i} x={b.x + b.w / 2} dy={i === 0 ? 0 : lh}>
            {ln}
          </tspan>
        ))}
      </text>
      {props.extra}
    </g>
  );
}

function Hatched(props: { id: BoxId; prefix: string; title: string }): ReactNode {
  const b = BOXES[props.id].rect;
  return (
    <g className="fig-box fig-ref" data-box={props.id}>
      <title>{props.title}</title>
      <rect x={b.x} y={b.y} width={b.w} height={b.h} fill={`url(#${hatchId(props.prefix)})`} />
    </g>
  );
}

function Workqueue(props: { wq: Frame['workqueue'] } & SelectProps): ReactNode {
  const { wq } = props;
  const b = BOXES.workqueue.rect;
  const n = CELLS.workqueue;
  const cw = b.w / n;
  const overflow = wq.queue.length > n || wq.depth > n;
  const shown = overflow ? n - 1 : n;
  const cells: ReactNode[] = [];
  for (let i = 0; i < n; i++) {
    const x = b.x + i * cw;
    const cx = x + cw / 2;
    if (overflow && i === n - 1) {
      const more = wq.depth - shown;
      cells.push(
        <g key={i} className="fig-cell is-more">
          <title>{t('diagram.workqueue.moreTitle', { count: more })}</title>
          <rect className="fig-cell-bg" x={x} y={b.y} width={cw} height={b.h} />
          <text x={cx} y={b.y + b.h / 2 + 4} textAnchor="middle">
            {t('diagram.workqueue.more', { count: more })}
          </text>
        </g>,
      );
      continue;
    }
    const key = i < shown ? wq.queue[i] : undefined;
    if (key === undefined) {
      cells.push(<rect key={i} className="fig-cell-bg is-empty" x={x} y={b.y} width={cw} height={b.h} />);
      continue;
    }
    cells.push(
      <Selectable
        key={i}
        selectKey={key}
        selectedKey={props.selectedKey}
        onSelectKey={props.onSelectKey}
        label={t('diagram.workqueue.cell', { key })}
        shown={shortKey(key, 7)}
        className="fig-cell"
      >
        <rect className="fig-cell-bg" x={x} y={b.y} width={cw} height={b.h} />
        <rect className="fig-keytag" x={x + 3} y={b.y + b.h / 2 - 10} width={cw - 6} height={20} rx={10} />
        <text className="fig-cell-key" x={cx} y={b.y + b.h / 2 + 5} textAnchor="middle">
          {shortKey(key, 7)}
        </text>
      </Selectable>,
    );
  }
  return (
    <g className="fig-box fig-workqueue" data-box="workqueue" data-testid="workqueue">
      <title>
        {t('diagram.workqueue.title', {
          name: wq.name,
          depth: wq.depth,
          dirty: wq.dirty.length,
          processing: wq.processing.length,
          waiting: wq.waiting.length,
        })}
      </title>
      <text className="fig-wq-stats" x={b.x} y={b.y - 8}>
        {t('diagram.workqueue.stats', {
          depth: wq.depth,
          processing: wq.processing.length,
          waiting: wq.waiting.length,
        })}
      </text>
      {cells}
    </g>
  );
}

const MAX_CHIPS = 3;

function Workers(
  props: {
    workers: Frame['workers'];
    dirtyKeys: readonly string[];
    restWaits: string;
    started: boolean;
  } & SelectProps,
): ReactNode {
  const { workers } = props;
  const restWait = new Map(
    props.restWaits === ''
      ? []
      : props.restWaits.split(',').map((s) => {
          const [id, phase] = s.split(':');
          return [Number(id), phase ?? ''] as const;
        }),
  );
  const b = BOXES.workers.rect;
  const dirty = new Set(props.dirtyKeys);
  if (!props.started) {
    return (
      <g className="fig-workers">
        <text className="fig-worker-note" x={b.x} y={b.y + 16}>
          {t('diagram.worker.notStarted')}
        </text>
      </g>
    );
  }
  const shown = workers.length > MAX_CHIPS ? MAX_CHIPS - 1 : MAX_CHIPS;
  const chips = workers.slice(0, shown).map((w, i) => {
    const y = b.y + i * 24;
    const busy = w.key !== null;
    const last = w.lastResult;
    const failed = last !== null && last.outcome !== 'success';
    const outcomeWord = last === null ? '' : t(`inspectors.workers.result.${last.outcome}`);
    const outcome = last === null ? '' : last.code === null ? outcomeWord : `${outcomeWord} ${last.code}`;
    const phase = t(`inspectors.workers.phase.${w.phase}`);
    const stage = w.stage === null ? '—' : t(`inspectors.workers.stage.${w.stage}`);
    const title =
      busy && last !== null
        ? t('diagram.worker.titleBusy', {
            id: w.id,
            phase,
            key: w.key,
            stage,
            outcome,
            lastKey: last.key,
          })
        : busy
          ? t('diagram.worker.titleBusyFresh', {
              id: w.id,
              phase,
              key: w.key,
              stage,
            })
          : last !== null
            ? t('diagram.worker.titleIdle', { id: w.id, outcome, lastKey: last.key })
            : t('diagram.worker.titleIdleFresh', { id: w.id });
    const waits = restWait.get(w.id);
    const waitNote =
      waits === undefined
        ? ''
        : t(waits === 'throttled' ? 'diagram.worker.waitsToken' : 'diagram.worker.waitsRetryAfter');
    const requeues = busy && w.key !== null && dirty.has(w.key);
    const chipText = busy
      ? t('diagram.worker.busy', { id: w.id, key: shortKey(w.key ?? '', 18) })
      : t('diagram.worker.idle', { id: w.id });
    const errText = failed && last !== null && last.code !== null ? `! ${last.code}` : null;
    return (
      <Selectable
        key={w.id}
        selectKey={w.key}
        selectedKey={props.selectedKey}
        onSelectKey={props.onSelectKey}
        label={`${title}${waitNote}`}
        shown={`${chipText}${waits !== undefined ? '◷' : ''}${requeues ? '↻' : ''}${errText ?? ''}`}
        className={`fig-worker ${busy ? 'is-busy' : 'is-idle'}${failed ? ' is-failed' : ''}`}
      >
        <rect x={b.x} y={y} width={b.w} height={22} rx={11} />
        <circle className="fig-worker-dot" cx={b.x + 11} cy={y + 11} r={4} />
        <text x={b.x + 22} y={y + 16}>
          {chipText}
        </text>
        {waits !== undefined ? (
          <text className="fig-worker-wait" x={b.x + b.w - 74} y={y + 16} textAnchor="end">
            ◷
          </text>
        ) : null}
        {requeues ? (
          <text className="fig-worker-dirty" x={b.x + b.w - 52} y={y + 16} textAnchor="end">
            ↻
          </text>
        ) : null}
        {errText !== null ? (
          <text className="fig-worker-err" x={b.x + b.w - 10} y={y + 16} textAnchor="end">
            {errText}
          </text>
        ) : null}
      </Selectable>
    );
  });
  const hidden = workers.length - shown;
  return (
    <g className="fig-workers" data-testid="workers">
      {chips}
      {hidden > 0 ? (
        <text className="fig-worker-note" x={b.x + 10} y={b.y + shown * 24 + 16}>
          {t('diagram.worker.more', { count: hidden })}
        </text>
      ) : null}
    </g>
  );
}

export const ControllerBoxes = memo(function ControllerBoxes(
  props: {
    /** Notifications waiting in each lane's listeners. */
    pendingFoo: number;
    pendingDeployment: number;
    workqueue: Frame['workqueue'];
    workers: Frame['workers'];
    /** Workers whose call waits in a REST client: "id:phase,…" (Figure.tsx restWaitsOf). */
    restWaits: string;
    started: boolean;
    prefix: string;
  } & SelectProps,
): ReactNode {
  const { prefix, pendingFoo: foo, pendingDeployment: dep } = props;
  const hb = BOXES.handlers.rect;
  return (
    <g className="fig-controller">
      <Hatched id="handlersRef-Foo" prefix={prefix} title={t('diagram.box.handlersRef')} />
      <Hatched id="handlersRef-Deployment" prefix={prefix} title={t('diagram.box.handlersRef')} />
      <Hatched id="informerRef" prefix={prefix} title={t('diagram.box.informerRef')} />
      <Hatched id="indexerRef-Foo" prefix={prefix} title={t('diagram.box.indexerRef')} />
      <Hatched id="indexerRef-Deployment" prefix={prefix} title={t('diagram.box.indexerRefDeployment')} />
      <YellowBox
        id="handlers"
        title={t('diagram.handlers.title', { foo, deployment: dep })}
        extra={
          <text className="fig-box-sub" x={hb.x + hb.w / 2} y={hb.y + hb.h - 10} textAnchor="middle">
            {t('diagram.handlers.pending', { count: foo + dep })}
          </text>
        }
      />
      <Workqueue wq={props.workqueue} selectedKey={props.selectedKey} onSelectKey={props.onSelectKey} />
      <YellowBox id="processItem" />
      <YellowBox id="handleObject" />
      <YellowBox id="clients" title={t('diagram.clients.title')} />
      <Workers
        workers={props.workers}
        dirtyKeys={props.workqueue.dirty}
        restWaits={props.restWaits}
        started={props.started}
        selectedKey={props.selectedKey}
        onSelectKey={props.onSelectKey}
      />
    </g>
  );
});
