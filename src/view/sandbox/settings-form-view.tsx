/**
 * The sandbox's settings form: groups of labelled inputs (durations take "2s", "250ms" or a number of
 * ms), the rate limiter's type with its own fields, and the controller-mistake switches. Messages come
 * from the scenario validator and sit under their field (aria-invalid + aria-describedby).
 */
import type { ReactNode } from 'react';
import { ERAS, MISTAKE_NAMES } from '../../engine/model/scenario';
import { t } from '../../i18n';
import { Field } from '../controls/field';
import {
  ERA_FIELD,
  FIELD_GROUPS,
  type FieldSpec,
  LIMITER_FIELDS,
  LIMITER_TYPES,
  type LimiterType,
  type SettingsDraft,
} from './settings-form';

export interface SettingsFormViewProps {
  readonly draft: SettingsDraft;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (draft: SettingsDraft) => void;
  /** A built-in lesson is on screen: its era is its own, so the era field is shown but not editable. */
  readonly eraLocked?: boolean;
}

export function SettingsFormView({ draft, errors, onChange, eraLocked }: SettingsFormViewProps): ReactNode {
  const input = (f: FieldSpec): ReactNode =>
    f.kind === 'bool' ? (
      <label key={f.id} className="sb-check">
        <input
          type="checkbox"
          checked={draft.values[f.id] === 'true'}
          data-field={f.id}
          onChange={(e) =>
            onChange({ ...draft, values: { ...draft.values, [f.id]: String(e.currentTarget.checked) } })
          }
        />
        <span>{t(f.label)}</span>
      </label>
    ) : (
      <Field key={f.id} label={t(f.label)} error={errors[f.id]}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="ctl-input sb-input"
            type="text"
            inputMode={f.kind === 'duration' || f.kind === 'int' ? 'numeric' : 'decimal'}
            value={draft.values[f.id] ?? ''}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-field={f.id}
            onChange={(e) =>
              onChange({ ...draft, values: { ...draft.values, [f.id]: e.currentTarget.value } })
            }
          />
        )}
      </Field>
    );
  return (
    <div className="sb-form">
      <p className="sb-note">{t('links.sb.hint.duration')}</p>
      <fieldset className="sb-group">
        <legend>{t('links.sb.group.era')}</legend>
        <div className="sb-fields">
          <div className="sb-wide">
            <Field label={t('links.sb.f.era')} error={errors[ERA_FIELD]}>
              {({ id, describedBy, invalid }) => (
                <select
                  id={id}
                  className="ctl-select sb-input"
                  value={draft.values[ERA_FIELD] ?? draft.base.era}
                  disabled={eraLocked === true}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  data-field={ERA_FIELD}
                  onChange={(e) =>
                    onChange({ ...draft, values: { ...draft.values, [ERA_FIELD]: e.currentTarget.value } })
                  }
                >
                  {ERAS.map((era) => (
                    <option key={era} value={era}>
                      {t(`links.sb.era.${era}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {eraLocked === true && <p className="sb-note">{t('links.sb.era.lesson')}</p>}
          </div>
        </div>
      </fieldset>
      {FIELD_GROUPS.map((g) => (
        <fieldset key={g.id} className="sb-group">
          <legend>{t(`links.sb.group.${g.id}`)}</legend>
          <div className="sb-fields">{g.fields.map(input)}</div>
        </fieldset>
      ))}
      <fieldset className="sb-group">
        <legend>{t('links.sb.group.rateLimiter')}</legend>
        <div className="sb-fields">
          <div className="sb-wide">
            <Field label={t('links.sb.f.limiterType')} error={errors.rateLimiter}>
              {({ id, describedBy, invalid }) => (
                <select
                  id={id}
                  className="ctl-select sb-input"
                  value={draft.limiter}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onChange={(e) => onChange({ ...draft, limiter: e.currentTarget.value as LimiterType })}
                >
                  {LIMITER_TYPES.filter((l) => l !== 'maxOf' || draft.base.rateLimiter.type === 'maxOf').map(
                    (l) => (
                      <option key={l} value={l}>
                        {t(`links.sb.limiter.${l}`)}
                      </option>
                    ),
                  )}
                </select>
              )}
            </Field>
          </div>
          {LIMITER_FIELDS[draft.limiter].map(input)}
        </div>
      </fieldset>
      <fieldset className="sb-group">
        <legend>{t('links.sb.group.mistakes')}</legend>
        <div className="sb-checks">
          {MISTAKE_NAMES.map((m) => (
            <label key={m} className="sb-check">
              <input
                type="checkbox"
                checked={draft.mistakes[m]}
                onChange={(e) =>
                  onChange({ ...draft, mistakes: { ...draft.mistakes, [m]: e.currentTarget.checked } })
                }
              />
              <span>
                <code>{m}</code> {t(`links.sb.mistake.${m}`)}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
