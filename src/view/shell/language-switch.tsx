/**
 * The page's language: a native <select> labelled "Language" / "语言". Each option shows the language's
 * own name (English, 简体中文) and carries its `lang`, so a screen reader pronounces it right. Choosing
 * one calls `setLanguage`: `t()` switches, `<html lang>` follows and every `useLang()` re-renders.
 */
import { memo, type ReactNode, useId } from 'react';
import { LANG_NAMES, LANGS, type Lang, parseLang, setLanguage, t } from '../../i18n';
import { useLang } from '../../i18n/react';
import '../controls/controls.css';

export interface LanguageSwitchProps {
  /** Called after the language changed (e.g. to put it in the URL). */
  readonly onChange?: (lang: Lang) => void;
}

export const LanguageSwitch = memo(function LanguageSwitch({ onChange }: LanguageSwitchProps): ReactNode {
  const id = useId();
  const lang = useLang();
  return (
    <span className="ctl-field app-language">
      <label htmlFor={id} className="ctl-field-label">
        {t('shell.language')}
      </label>
      <select
        id={id}
        className="ctl-select"
        value={lang}
        title={t('shell.language.hint')}
        onChange={(e) => {
          const next = parseLang(e.currentTarget.value);
          if (next === null) return;
          setLanguage(next);
          onChange?.(next);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
});
