/** Light / dark / system theme choice: a labelled radio group styled as a segmented control. */
import { memo, type ReactNode, useId } from 'react';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { THEMES, type Theme } from './theme';
import './controls.css';

export interface ThemeSwitchProps {
  readonly theme: Theme;
  readonly onChange: (theme: Theme) => void;
}

const LABEL: Readonly<Record<Theme, string>> = {
  light: 'shell.theme.light',
  dark: 'shell.theme.dark',
  system: 'shell.theme.system',
};

export const ThemeSwitch = memo(function ThemeSwitch({ theme, onChange }: ThemeSwitchProps): ReactNode {
  useLang(); // memoised: re-render on a language change (it sits outside the subtree a change remounts)
  const name = useId();
  return (
    <fieldset className="ctl-segmented">
      <legend className="ctl-sr-only">{t('shell.theme')}</legend>
      {THEMES.map((th) => (
        <label key={th} className="ctl-segment" title={t('shell.theme.hint')}>
          <input type="radio" name={name} value={th} checked={theme === th} onChange={() => onChange(th)} />
          <span>{t(LABEL[th])}</span>
        </label>
      ))}
    </fieldset>
  );
});
