/** The header's "Lesson / Sandbox" switch: a labelled radio group styled as a segmented control. */
import { memo, type ReactNode, useId } from 'react';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { selectMode } from '../../store';
import { useSimStore, useSimStoreApi } from '../../store/react';
import type { PanelMode } from '../../store/types';
import '../controls/controls.css';

const MODES: readonly PanelMode[] = ['lesson', 'sandbox'];

export const ModeSwitch = memo(function ModeSwitch(): ReactNode {
  useLang(); // memoised: re-render on a language change (it sits outside the subtree a change remounts)
  const name = useId();
  const mode = useSimStore(selectMode);
  const store = useSimStoreApi();
  return (
    <fieldset className="ctl-segmented sb-mode" data-testid="mode-switch">
      <legend className="ctl-sr-only">{t('links.mode')}</legend>
      {MODES.map((m) => (
        <label key={m} className="ctl-segment" title={t(`links.mode.${m}.hint`)}>
          <input
            type="radio"
            name={name}
            value={m}
            checked={mode === m}
            onChange={() => store.getState().setMode(m)}
          />
          <span>{t(`links.mode.${m}`)}</span>
        </label>
      ))}
    </fieldset>
  );
});
