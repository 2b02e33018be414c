/**
 * Interventions while paused: pick what to do, fill its fields, Apply. The form validates on Apply
 * (pure builders in interventions.ts) and marks each bad field with its message; a valid one calls
 * `onIntervene` with the InterventionAction (the store forks the timeline at the step on screen) and says
 * what was done in a status line. The whole form is disabled while playing.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { Frame, ObjectRow } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import { REPLICA_NAMES, type ReplicaName } from '../../engine/model/scenario';
import type { InterventionAction } from '../../engine/model/session';
import { t } from '../../i18n';
import { Field } from './field';
import {
  describeIntervention,
  INTERVENTION_KINDS,
  type InterventionKind,
  interventionKindLabel,
} from './intervention-kinds';
import {
  type BuildResult,
  buildAddHandler,
  buildApiErrors,
  buildCloseWatch,
  buildCompact,
  buildCreateFoo,
  buildDelete,
  buildFailReconciles,
  buildLagReplica,
  buildRefuseConnections,
  buildRestartApiServer,
  buildUpdateFooReplicas,
  buildWatchError,
  type Lane,
} from './interventions';
import './controls.css';

export interface InterventionsPanelProps {
  /** The frame on screen (null before the first frame): its server objects fill the pickers. */
  readonly frame: Frame | null;
  readonly onIntervene: (action: InterventionAction) => void;
  /** True while playing (interventions apply to a paused step) or when nothing is loaded. */
  readonly disabled: boolean;
}

interface FormState {
  readonly kind: InterventionKind;
  readonly namespace: string;
  readonly name: string;
  readonly replicas: string;
  readonly deploymentName: string;
  readonly updateKey: string;
  readonly updateReplicas: string;
  readonly deleteKind: Kind;
  readonly deleteKey: string;
  readonly lane: Lane;
  readonly watchCode: '410' | '500';
  readonly seconds: string;
  readonly apiCode: '429' | '500';
  readonly count: string;
  readonly handlerKind: Kind;
  readonly handlerName: string;
  /** restartApiServer with 2–3 replicas: one replica, or 'all' (the whole control plane). */
  readonly restartReplica: ReplicaName | 'all';
  readonly lagReplica: ReplicaName;
  /** lagReplica: how late its caches get etcd's events, seconds. */
  readonly lag: string;
}

const INITIAL: FormState = {
  kind: 'create',
  namespace: 'default',
  name: '',
  replicas: '1',
  deploymentName: '',
  updateKey: '',
  updateReplicas: '3',
  deleteKind: 'Foo',
  deleteKey: '',
  lane: 'all',
  watchCode: '410',
  seconds: '5',
  apiCode: '429',
  count: '3',
  handlerKind: 'Foo',
  handlerName: 'audit-log',
  restartReplica: 'all',
  lagReplica: 'B',
  lag: '5',
};

const EMPTY: readonly ObjectRow[] = [];

function isReplicaName(v: string): v is ReplicaName {
  return (REPLICA_NAMES as readonly string[]).includes(v);
}

/** The chosen key if it is still listed, else the first listed one (or ''). */
function pick(key: string, rows: readonly ObjectRow[]): string {
  return rows.some((r) => r.key === key) ? key : (rows[0]?.key ?? '');
}

function build(f: FormState, frame: Frame | null): BuildResult {
  const foos = frame?.server.objects.Foo ?? EMPTY;
  switch (f.kind) {
    case 'create':
      return buildCreateFoo(f, foos);
    case 'update':
      return buildUpdateFooReplicas({ key: pick(f.updateKey, foos), replicas: f.updateReplicas }, foos);
    case 'delete': {
      const rows = frame?.server.objects[f.deleteKind] ?? EMPTY;
      return buildDelete({ kind: f.deleteKind, key: pick(f.deleteKey, rows) }, rows);
    }
    case 'closeWatch':
      return { ok: true, action: buildCloseWatch(f.lane) };
    case 'watchError':
      return { ok: true, action: buildWatchError(f.watchCode === '410' ? 410 : 500, f.lane) };
    case 'compact':
      return { ok: true, action: buildCompact() };
    case 'restartApiServer':
      return buildRestartApiServer(f.seconds, f.restartReplica === 'all' ? undefined : f.restartReplica);
    case 'lagReplica':
      return buildLagReplica(f.lagReplica, f.lag, f.seconds);
    case 'refuseConnections':
      return buildRefuseConnections(f.seconds);
    case 'apiErrors':
      return buildApiErrors(f.apiCode === '429' ? 429 : 500, f.seconds);
    case 'failReconciles':
      return buildFailReconciles(f.count);
    case 'addHandler': {
      const taken = frame?.lanes[f.handlerKind].listeners.map((l) => l.handler) ?? [];
      return buildAddHandler({ kind: f.handlerKind, name: f.handlerName }, taken);
    }
  }
}

const CODE_LABEL: Readonly<Record<string, string>> = {
  '410': 'controls.iv.code.410',
  '429': 'controls.iv.code.429',
  '500': 'controls.iv.code.500',
};

const KIND_HINT: Readonly<Record<InterventionKind, string>> = {
  create: 'controls.iv.hint.create',
  update: 'controls.iv.hint.update',
  delete: 'controls.iv.hint.delete',
  closeWatch: 'controls.iv.hint.closeWatch',
  watchError: 'controls.iv.hint.watchError',
  compact: 'controls.iv.hint.compact',
  restartApiServer: 'controls.iv.hint.restartApiServer',
  lagReplica: 'controls.iv.hint.lagReplica',
  refuseConnections: 'controls.iv.hint.refuseConnections',
  apiErrors: 'controls.iv.hint.apiErrors',
  failReconciles: 'controls.iv.hint.failReconciles',
  addHandler: 'controls.iv.hint.addHandler',
};

export function InterventionsPanel({ frame, onIntervene, disabled }: InterventionsPanelProps): ReactNode {
  const [form, setForm] = useState<FormState>(INITIAL);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [status, setStatus] = useState<string>('');
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();

  // After a refused Apply, put the focus on the first field that needs fixing.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const kindId = useId();
  const hintId = useId();

  const set = <K extends keyof FormState>(key: K, value: FormState[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors({});
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    if (disabled) return;
    const r = build(form, frame);
    if (!r.ok) {
      setErrors(Object.fromEntries(r.problems.map((p) => [p.field, p.message])));
      setStatus('');
      return;
    }
    setErrors({});
    onIntervene(r.action);
    setStatus(`${t('controls.iv.applied', { step: frame?.step ?? 0 })} ${describeIntervention(r.action)}`);
  };

  const foos = frame?.server.objects.Foo ?? EMPTY;
  const deleteRows = frame?.server.objects[form.deleteKind] ?? EMPTY;

  const objectSelect = (
    field: 'updateKey' | 'deleteKey',
    rows: readonly ObjectRow[],
    label: string,
    error: string | undefined,
  ): ReactNode => (
    <Field label={label} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="ctl-select"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={pick(form[field], rows)}
          onChange={(e) => set(field, e.currentTarget.value)}
        >
          {rows.length === 0 && <option value="">{t('controls.iv.noObjects')}</option>}
          {rows.map((r) => (
            <option key={r.key} value={r.key}>
              {r.kind === 'Foo'
                ? t('controls.iv.objectOptionFoo', { key: r.key, replicas: r.replicas, rv: r.rv })
                : t('controls.iv.objectOption', { key: r.key, rv: r.rv })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const text = (
    key: 'namespace' | 'name' | 'deploymentName' | 'handlerName',
    label: string,
    errKey: string,
    placeholder?: string,
  ): ReactNode => (
    <Field label={label} error={errors[errKey]}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="ctl-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={253}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={form[key]}
          onChange={(e) => set(key, e.currentTarget.value)}
        />
      )}
    </Field>
  );

  const number = (
    key: 'replicas' | 'updateReplicas' | 'seconds' | 'count' | 'lag',
    label: string,
    errKey: string,
    attrs: { min: number; max: number; step: number | 'any' },
  ): ReactNode => (
    <Field label={label} error={errors[errKey]}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="ctl-input ctl-input-number"
          type="number"
          inputMode={attrs.step === 1 ? 'numeric' : 'decimal'}
          min={attrs.min}
          max={attrs.max}
          step={attrs.step}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={form[key]}
          onChange={(e) => set(key, e.currentTarget.value)}
        />
      )}
    </Field>
  );

  const kindSelect = (key: 'deleteKind' | 'handlerKind', label: string): ReactNode => (
    <Field label={label}>
      {({ id }) => (
        <select
          id={id}
          className="ctl-select"
          value={form[key]}
          onChange={(e) => set(key, e.currentTarget.value === 'Deployment' ? 'Deployment' : 'Foo')}
        >
          <option value="Foo">Foo</option>
          <option value="Deployment">Deployment</option>
        </select>
      )}
    </Field>
  );

  const laneSelect = (
    <Field label={t('controls.field.lane')}>
      {({ id }) => (
        <select
          id={id}
          className="ctl-select"
          value={form.lane}
          onChange={(e) => {
            const v = e.currentTarget.value;
            set('lane', v === 'Foo' || v === 'Deployment' ? v : 'all');
          }}
        >
          <option value="all">{t('controls.iv.lane.all')}</option>
          <option value="Foo">{t('controls.iv.lane.one', { kind: 'Foo' })}</option>
          <option value="Deployment">{t('controls.iv.lane.one', { kind: 'Deployment' })}</option>
        </select>
      )}
    </Field>
  );

  const codeSelect = (key: 'watchCode' | 'apiCode', codes: readonly string[]): ReactNode => (
    <Field label={t('controls.field.code')}>
      {({ id }) => (
        <select
          id={id}
          className="ctl-select"
          value={form[key]}
          onChange={(e) => set(key, e.currentTarget.value as FormState[typeof key])}
        >
          {codes.map((c) => (
            <option key={c} value={c}>
              {t(CODE_LABEL[c] ?? c)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  // S38: the replicas this run has (2–3), for the replica faults; none with one apiserver.
  const replicaNames = (frame?.server.replicas ?? []).map((r) => r.name).filter(isReplicaName);
  const replicaSelect = (key: 'restartReplica' | 'lagReplica', withAll: boolean): ReactNode => (
    <Field label={t('controls.field.replica')}>
      {({ id }) => (
        <select
          id={id}
          className="ctl-select"
          value={form[key]}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isReplicaName(v)) set(key, v);
            else if (key === 'restartReplica') set(key, 'all');
          }}
        >
          {withAll && <option value="all">{t('controls.iv.replica.all')}</option>}
          {replicaNames.map((n) => (
            <option key={n} value={n}>
              {t('controls.iv.replica.one', { replica: n })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const seconds = number('seconds', t('controls.field.seconds'), 'seconds', {
    min: 0.001,
    max: 3600,
    step: 'any',
  });

  let fields: ReactNode = null;
  switch (form.kind) {
    case 'create':
      fields = (
        <>
          {text('namespace', t('controls.field.namespace'), 'namespace')}
          {text('name', t('controls.field.name'), 'name', 'my-foo')}
          {number('replicas', t('controls.field.replicas'), 'replicas', { min: 1, max: 10, step: 1 })}
          {text(
            'deploymentName',
            t('controls.field.deploymentName'),
            'deploymentName',
            form.name.trim() || t('controls.iv.sameAsName'),
          )}
        </>
      );
      break;
    case 'update':
      fields = (
        <>
          {objectSelect('updateKey', foos, t('controls.field.foo'), errors.key)}
          {number('updateReplicas', t('controls.field.replicas'), 'replicas', { min: 1, max: 10, step: 1 })}
        </>
      );
      break;
    case 'delete':
      fields = (
        <>
          {kindSelect('deleteKind', t('controls.field.kind'))}
          {objectSelect('deleteKey', deleteRows, t('controls.field.object'), errors.key)}
        </>
      );
      break;
    case 'closeWatch':
      fields = laneSelect;
      break;
    case 'watchError':
      fields = (
        <>
          {codeSelect('watchCode', ['410', '500'])}
          {laneSelect}
        </>
      );
      break;
    case 'compact':
      break;
    case 'restartApiServer':
      fields = (
        <>
          {replicaNames.length > 1 && replicaSelect('restartReplica', true)}
          {seconds}
        </>
      );
      break;
    case 'lagReplica':
      fields = (
        <>
          {replicaSelect('lagReplica', false)}
          {number('lag', t('controls.field.lag'), 'lag', { min: 0.001, max: 3600, step: 'any' })}
          {seconds}
        </>
      );
      break;
    case 'refuseConnections':
      fields = seconds;
      break;
    case 'apiErrors':
      fields = (
        <>
          {codeSelect('apiCode', ['429', '500'])}
          {seconds}
        </>
      );
      break;
    case 'failReconciles':
      fields = number('count', t('controls.field.count'), 'count', { min: 1, max: 100000, step: 1 });
      break;
    case 'addHandler':
      fields = (
        <>
          {kindSelect('handlerKind', t('controls.field.informer'))}
          {text('handlerName', t('controls.field.handlerName'), 'name')}
        </>
      );
      break;
  }

  return (
    <section className="ctl-interventions" aria-labelledby={headingId}>
      <h2 id={headingId} className="ctl-panel-title">
        {t('controls.iv.title')}
      </h2>
      <p className="ctl-panel-note">{disabled ? t('controls.iv.pauseFirst') : t('controls.iv.forkNote')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <fieldset className="ctl-form" disabled={disabled}>
          <legend className="ctl-sr-only">{t('controls.iv.title')}</legend>
          <div className="ctl-form-field">
            <label htmlFor={kindId} className="ctl-field-label">
              {t('controls.iv.what')}
            </label>
            <select
              id={kindId}
              className="ctl-select"
              aria-describedby={hintId}
              value={form.kind}
              onChange={(e) => {
                const k = INTERVENTION_KINDS.find((x) => x === e.currentTarget.value);
                if (k !== undefined) set('kind', k);
              }}
            >
              {INTERVENTION_KINDS.filter((k) => k !== 'lagReplica' || replicaNames.length > 1).map((k) => (
                <option key={k} value={k}>
                  {interventionKindLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <p id={hintId} className="ctl-field-hint ctl-form-hint">
            {t(KIND_HINT[form.kind])}
          </p>
          <div className="ctl-form-row">{fields}</div>
          <button type="submit" className="ctl-button ctl-primary">
            {t('controls.iv.apply')}
          </button>
        </fieldset>
      </form>
      <p className="ctl-status" role="status">
        {status}
      </p>
    </section>
  );
}
