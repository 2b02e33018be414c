/**
 * Fault buttons, usable at any time: each pauses the player if it is playing, then intervenes at the
 * step on screen (store `interveneNow`). The numbers next to a button (seconds, milliseconds, a count)
 * are its parameters. Each button builds its intervention with the interventions panel's builders
 * (../controls/interventions.ts), so both accept the same input and refuse bad input with the same
 * message, shown under the input's row (aria-invalid, aria-describedby); nothing is injected then. The
 * status line says what was done (a polite live region).
 */
import { memo, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { BOUNDS } from '../../engine/model/defaults';
import type { InterventionAction } from '../../engine/model/session';
import { t } from '../../i18n';
import { useSimStoreApi } from '../../store/react';
import {
  type BuildResult,
  buildAddLatency,
  buildApiErrors,
  buildCloseWatch,
  buildCompact,
  buildFailReconciles,
  buildRefuseConnections,
  buildRestartApiServer,
  buildSlowHandlers,
  buildWatchError,
  describeIntervention,
  MAX_EXTRA_MS,
  MAX_FAULT_SECONDS,
} from '../controls';

export interface FaultBarProps {
  readonly disabled: boolean;
}

/** The fault bar's buttons. */
export type FaultId =
  | 'restart'
  | 'closeWatch'
  | 'gone'
  | 'compact'
  | 'apiErrors'
  | 'refuse'
  | 'latency'
  | 'slowHandlers'
  | 'failReconciles';

/** The fault bar's inputs, as typed. */
export interface FaultForm {
  readonly seconds: string;
  readonly code: '500' | '429';
  readonly extraMs: string;
  readonly count: string;
}

/** The intervention a fault button stands for, or the problems with its inputs (by field). */
export function buildFault(fault: FaultId, form: FaultForm): BuildResult {
  switch (fault) {
    case 'restart':
      return buildRestartApiServer(form.seconds);
    case 'closeWatch':
      return { ok: true, action: buildCloseWatch('all') };
    case 'gone':
      return { ok: true, action: buildWatchError(410, 'all') };
    case 'compact':
      return { ok: true, action: buildCompact() };
    case 'apiErrors':
      return buildApiErrors(form.code === '429' ? 429 : 500, form.seconds);
    case 'refuse':
      return buildRefuseConnections(form.seconds);
    case 'latency':
      return buildAddLatency(form.extraMs, form.seconds);
    case 'slowHandlers':
      return buildSlowHandlers(form.extraMs, form.seconds);
    case 'failReconciles':
      return buildFailReconciles(form.count);
  }
}

const INITIAL: FaultForm = { seconds: '3', code: '500', extraMs: '200', count: '3' };

type NumberField = 'seconds' | 'extraMs' | 'count';

/** Memoised: it reads the store only when a fault is fired, so a new frame does not re-render it. */
export const FaultBar = memo(function FaultBar({ disabled }: FaultBarProps): ReactNode {
  const store = useSimStoreApi();
  const id = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const [form, setForm] = useState<FaultForm>(INITIAL);
  const [errors, setErrors] = useState<Readonly<Partial<Record<string, string>>>>({});
  const [status, setStatus] = useState('');

  // After a refused click, put the focus on the first input that needs fixing (as the panel does).
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = <K extends keyof FaultForm>(key: K, value: FaultForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors({});
  };

  const inject = async (action: InterventionAction): Promise<void> => {
    const ok = await store.getState().interveneNow(action);
    setStatus(
      ok
        ? t('links.sb.fault.done', { what: describeIntervention(action), step: store.getState().cursor })
        : t('links.sb.fault.failed'),
    );
  };

  const fire = (fault: FaultId): void => {
    const r = buildFault(fault, form);
    if (!r.ok) {
      setErrors(Object.fromEntries(r.problems.map((p) => [p.field, p.message])));
      setStatus('');
      return;
    }
    setErrors({});
    void inject(r.action);
  };

  const fault = (which: FaultId, label: string): ReactNode => (
    <button type="button" className="btn" disabled={disabled} onClick={() => fire(which)}>
      {label}
    </button>
  );

  const errorId = (field: NumberField): string => `${id}-${field}-error`;
  const number = (field: NumberField, label: string, attrs: { min: number; max: number; step?: 'any' }) => (
    <>
      <label className="sb-inline" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <input
        id={`${id}-${field}`}
        className="ctl-input sb-num"
        type="number"
        min={attrs.min}
        max={attrs.max}
        step={attrs.step}
        aria-invalid={errors[field] !== undefined || undefined}
        aria-describedby={errors[field] !== undefined ? errorId(field) : undefined}
        value={form[field]}
        onChange={(e) => set(field, e.currentTarget.value)}
      />
    </>
  );
  const error = (field: NumberField): ReactNode =>
    errors[field] !== undefined && (
      <span id={errorId(field)} className="ctl-field-error">
        {errors[field]}
      </span>
    );

  return (
    <section ref={sectionRef} className="sb-faults" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sb-title">
        {t('links.sb.faults')}
      </h2>
      <p className="sb-note">{t('links.sb.faults.hint')}</p>
      <div className="sb-fault-row">
        {fault('restart', t('links.sb.fault.restart'))}
        {fault('compact', t('links.sb.fault.compact'))}
        {fault('closeWatch', t('links.sb.fault.closeWatch'))}
        {fault('gone', t('links.sb.fault.gone'))}
      </div>
      <div className="sb-fault-row">
        {number('seconds', t('links.sb.fault.seconds'), { min: 0.001, max: MAX_FAULT_SECONDS, step: 'any' })}
        <label className="sb-inline" htmlFor={`${id}-code`}>
          {t('links.sb.fault.code')}
        </label>
        <select
          id={`${id}-code`}
          className="ctl-select"
          value={form.code}
          onChange={(e) => set('code', e.currentTarget.value === '429' ? '429' : '500')}
        >
          <option value="500">500</option>
          <option value="429">429</option>
        </select>
        {fault('apiErrors', t('links.sb.fault.apiErrors'))}
        {fault('refuse', t('links.sb.fault.refuse'))}
      </div>
      {error('seconds')}
      <div className="sb-fault-row">
        {number('extraMs', t('links.sb.fault.extraMs'), { min: 1, max: MAX_EXTRA_MS })}
        {fault('latency', t('links.sb.fault.latency'))}
        {fault('slowHandlers', t('links.sb.fault.slowHandlers'))}
      </div>
      {error('extraMs')}
      <div className="sb-fault-row">
        {number('count', t('links.sb.fault.count'), BOUNDS.failReconciles)}
        {fault('failReconciles', t('links.sb.fault.failReconciles'))}
      </div>
      {error('count')}
      <p className="sb-status" role="status">
        {status}
      </p>
    </section>
  );
});
