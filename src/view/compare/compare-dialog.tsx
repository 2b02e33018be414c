/**
 * "Compare…" (the main page's header): a small modal dialog that opens the run on screen (left) beside
 * a variation of it (right): the other client-go version, one setting, the controller mistakes, another
 * seed, or an intervention at the step on screen (a fork; the interventions panel builds it). It makes
 * the comparison's link (both sessions, aligned by time) and opens it: the compare view is a page of
 * its own, and the link is what it opens from. Loaded on demand (with the store's variation logic and
 * the link codec) when the button is first used.
 */
import { type ReactNode, useId, useState } from 'react';
import { MISTAKE_NAMES } from '../../engine/model/scenario';
import type { InterventionAction, Session } from '../../engine/model/session';
import { getLanguage, t } from '../../i18n';
import { useLang } from '../../i18n/react';
import type { Variation } from '../../store/compare/types';
import { defaultParseText, variedSession } from '../../store/compare/variation';
import { useSimStore, useSimStoreApi } from '../../store/react';
import { sessionOf } from '../../store/selectors';
import { InterventionsPanel } from '../controls';
import { Modal } from '../controls/modal';
import { loadCompareLinks } from './compare-links';
import {
  DIALOG_KINDS,
  DIALOG_SETTING_NAMES,
  DIALOG_SETTINGS,
  type DialogForm,
  type DialogKind,
  initialForm,
  variationOf,
} from './dialog-form';
import './compare.css';

/** The comparison's setup for a variation of `left` (both from step 0, a fork at the step on screen). */
export async function compareUrlFor(
  left: Session,
  variation: Variation,
  href: string,
): Promise<string | { error: string }> {
  const base = variation.kind === 'fork' ? left : { ...left, step: 0 };
  const right = variedSession(base, variation, await defaultParseText());
  if ('error' in right) return right;
  const maker = await loadCompareLinks();
  const made = maker.makeCompareLinks(
    {
      setup: { left: base, right, align: 'time' },
      lang: getLanguage(),
      digests: { left: null, right: null },
    },
    href,
  );
  return 'error' in made ? made : made.url;
}

export function CompareDialog({ onClose }: { readonly onClose: () => void }): ReactNode {
  useLang();
  const id = useId();
  const store = useSimStoreApi();
  const frame = useSimStore((s) => s.frame);
  const scenario = useSimStore((s) => s.scenario);
  const [kind, setKind] = useState<DialogKind>('era');
  const [form, setForm] = useState<DialogForm>(() =>
    initialForm(scenario?.era ?? 'classic', scenario?.seed ?? 0),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const step = frame?.step ?? 0;
  const set = (patch: Partial<DialogForm>): void => {
    setForm({ ...form, ...patch });
    setError(null);
  };

  const open = async (variation: Variation): Promise<void> => {
    const left = sessionOf(store.getState());
    if (left === null) {
      setError(t('compare.dialog.noSession'));
      return;
    }
    setBusy(true);
    try {
      const r = await compareUrlFor(left, variation, window.location.href);
      if (typeof r === 'string') window.location.assign(r);
      else setError(t('compare.dialog.failed', { reason: r.error }));
    } catch (e) {
      setError(t('compare.dialog.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (): void => {
    if (kind === 'fork') return;
    const r = variationOf({ ...form, kind });
    if (!r.ok) {
      setError(t(r.error, r.params));
      return;
    }
    void open(r.variation);
  };

  return (
    <Modal onClose={onClose} labelledBy={`${id}-title`} describedBy={`${id}-intro`} className="cmp-dialog">
      <div className="ctl-dialog-head">
        <h2 id={`${id}-title`} className="ctl-dialog-title">
          {t('compare.dialog.title')}
        </h2>
      </div>
      <p id={`${id}-intro`} className="ctl-dialog-desc">
        {t('compare.dialog.intro')}
      </p>
      <form
        className="cmp-dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="cmp-dialog-kinds">
          <legend>{t('compare.dialog.kind')}</legend>
          {DIALOG_KINDS.map((k) => (
            <label key={k} className="cmp-dialog-kind">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setError(null);
                }}
              />
              {t(`compare.dialog.kind.${k}`, { step })}
            </label>
          ))}
        </fieldset>
        {kind === 'era' && (
          <label className="cmp-dialog-field">
            <span>{t('compare.dialog.era')}</span>
            <select
              className="ctl-select"
              value={form.era}
              onChange={(e) => set({ era: e.currentTarget.value === 'modern' ? 'modern' : 'classic' })}
            >
              <option value="classic">{t('compare.dialog.era.classic')}</option>
              <option value="modern">{t('compare.dialog.era.modern')}</option>
            </select>
          </label>
        )}
        {kind === 'setting' && (
          <div className="cmp-dialog-row">
            <label className="cmp-dialog-field">
              <span>{t('compare.dialog.setting')}</span>
              <select
                className="ctl-select"
                value={form.setting}
                onChange={(e) => {
                  const name = DIALOG_SETTING_NAMES.find((n) => n === e.currentTarget.value);
                  if (name !== undefined) set({ setting: name });
                }}
              >
                {DIALOG_SETTING_NAMES.map((n) => (
                  <option key={n} value={n}>
                    {t(DIALOG_SETTINGS[n].label)}
                  </option>
                ))}
              </select>
            </label>
            <label className="cmp-dialog-field">
              <span>{t('compare.dialog.value')}</span>
              <input
                type="text"
                inputMode="numeric"
                value={form.value}
                onChange={(e) => set({ value: e.currentTarget.value })}
              />
            </label>
          </div>
        )}
        {kind === 'mistakes' && (
          <fieldset className="cmp-dialog-mistakes">
            <legend>{t('compare.dialog.mistakes')}</legend>
            {MISTAKE_NAMES.map((m) => (
              <label key={m} className="cmp-dialog-kind">
                <input
                  type="checkbox"
                  checked={form.mistakes[m]}
                  onChange={(e) => set({ mistakes: { ...form.mistakes, [m]: e.currentTarget.checked } })}
                />
                {t(`links.sb.mistake.${m}`)}
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'seed' && (
          <label className="cmp-dialog-field">
            <span>{t('compare.dialog.seed')}</span>
            <input
              type="text"
              inputMode="numeric"
              value={form.seed}
              onChange={(e) => set({ seed: e.currentTarget.value })}
            />
          </label>
        )}
        {kind === 'fork' && frame !== null && (
          <div className="cmp-dialog-fork">
            <p>{t('compare.dialog.fork', { step })}</p>
            <InterventionsPanel
              frame={frame}
              disabled={busy}
              onIntervene={(action: InterventionAction) => void open({ kind: 'fork', step, action })}
            />
          </div>
        )}
        {error !== null && (
          <p className="cmp-dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="cmp-dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('compare.dialog.cancel')}
          </button>
          {kind !== 'fork' && (
            <button type="submit" className="btn cmp-dialog-open" disabled={busy}>
              {t('compare.dialog.open')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
