/**
 * The "Compare…" dialog's form, pure: what the learner picked (the kind of variation and its fields as
 * typed) → a Variation of the compare store (store/compare/types.ts), or the i18n key of what is wrong.
 * The engine still checks the varied session when the comparison opens (a setting it refuses is said
 * there); this only catches what the form itself can see.
 */
import type { ControllerMistakes, Era, Settings } from '../../engine/model/scenario';
import { MISTAKE_NAMES } from '../../engine/model/scenario';
import type { Variation } from '../../store/compare/types';

export const DIALOG_KINDS = ['era', 'setting', 'mistakes', 'seed', 'fork'] as const;
export type DialogKind = (typeof DIALOG_KINDS)[number];

/** The settings the dialog offers (whole numbers), with their least (and greatest) values. */
export const DIALOG_SETTINGS = {
  resyncPeriodMs: { min: 0, max: 86_400_000, label: 'compare.dialog.resyncMs' },
  workers: { min: 1, max: 16, label: 'links.sb.f.workers' },
  apiServerReplicas: { min: 1, max: 3, label: 'links.sb.f.apiServerReplicas' },
} as const satisfies Partial<Record<keyof Settings, { min: number; max: number; label: string }>>;
export type DialogSetting = keyof typeof DIALOG_SETTINGS;
export const DIALOG_SETTING_NAMES = Object.keys(DIALOG_SETTINGS) as DialogSetting[];

export interface DialogForm {
  readonly kind: Exclude<DialogKind, 'fork'>;
  readonly era: Era;
  readonly setting: DialogSetting;
  readonly value: string;
  readonly mistakes: ControllerMistakes;
  readonly seed: string;
}

export const NO_MISTAKES: ControllerMistakes = Object.fromEntries(
  MISTAKE_NAMES.map((m) => [m, false]),
) as unknown as ControllerMistakes;

/** The form's start: the other era than the run's, the current seed + 1. */
export function initialForm(era: Era, seed: number): DialogForm {
  return {
    kind: 'era',
    era: era === 'classic' ? 'modern' : 'classic',
    setting: 'resyncPeriodMs',
    value: '0',
    mistakes: { ...NO_MISTAKES, noDeepCopy: true },
    seed: String((seed + 1) >>> 0),
  };
}

export type FormResult =
  | { readonly ok: true; readonly variation: Variation }
  | { readonly ok: false; readonly error: string; readonly params?: Readonly<Record<string, number>> };

function wholeNumber(text: string, min: number, max: number): number | null {
  const s = text.trim();
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

export function variationOf(form: DialogForm): FormResult {
  switch (form.kind) {
    case 'era':
      return { ok: true, variation: { kind: 'era', era: form.era } };
    case 'setting': {
      const spec = DIALOG_SETTINGS[form.setting];
      const n = wholeNumber(form.value, spec.min, spec.max);
      if (n === null)
        return { ok: false, error: 'compare.dialog.invalidValue', params: { min: spec.min, max: spec.max } };
      return { ok: true, variation: { kind: 'setting', changes: { [form.setting]: n } } };
    }
    case 'mistakes':
      return { ok: true, variation: { kind: 'mistakes', mistakes: form.mistakes } };
    case 'seed': {
      const n = wholeNumber(form.seed, 0, 0xffffffff);
      if (n === null) return { ok: false, error: 'compare.dialog.invalidSeed' };
      return { ok: true, variation: { kind: 'seed', seed: n } };
    }
  }
}
