/**
 * The keyboard shortcuts dialog: role=dialog, aria-modal, labelled by its heading, focus trapped
 * inside and returned on close; Escape, the Close button or a click on the backdrop close it.
 */
import { memo, type ReactNode, useId } from 'react';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { Modal } from './modal';
import { SHORTCUT_HELP } from './shortcuts';
import './controls.css';

export interface HelpDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

export const HelpDialog = memo(function HelpDialog({ open, onClose }: HelpDialogProps): ReactNode {
  useLang(); // memoised: re-render on a language change (it sits outside the subtree a change remounts)
  const titleId = useId();
  const descId = useId();
  if (!open) return null;
  return (
    <Modal
      onClose={onClose}
      labelledBy={titleId}
      describedBy={descId}
      // "?" toggles the dialog: it closes it from inside too.
      onKey={(e) => {
        if (e.key === '?') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="ctl-dialog-head">
        <h2 id={titleId} className="ctl-dialog-title">
          {t('controls.help.title')}
        </h2>
        <button type="button" className="ctl-button" onClick={onClose}>
          {t('controls.help.close')}
        </button>
      </div>
      <p id={descId} className="ctl-dialog-desc">
        {t('controls.help.intro')}
      </p>
      <table className="ctl-shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('controls.help.keys')}</th>
            <th scope="col">{t('controls.help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_HELP.map((row) => (
            <tr key={row.command}>
              <td>
                {row.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="ctl-plus"> + </span>}
                    <kbd className="ctl-kbd">{t(k)}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(row.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
});
