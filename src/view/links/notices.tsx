/**
 * Notices above the workspace (store `notices`): a link that could not be opened, a replay that differs
 * from what the link's author saw, warnings. Errors are alerts, the rest polite status messages. Their
 * text comes from the i18n tables; `detail` (which may quote link text) is rendered as plain text.
 */
import { memo, type ReactNode } from 'react';
import { t } from '../../i18n';
import { selectNotices } from '../../store';
import { useSimStore, useSimStoreApi } from '../../store/react';
import type { AppNotice } from '../../store/types';
import './links.css';

export interface NoticesProps {
  /** Opens what a notice offers (the default lesson, or the default scenario). */
  readonly onOffer: (offer: NonNullable<AppNotice['offer']>, notice: AppNotice) => void;
}

export const Notices = memo(function Notices({ onOffer }: NoticesProps): ReactNode {
  const notices = useSimStore(selectNotices);
  const store = useSimStoreApi();
  if (notices.length === 0) return null;
  return (
    <div className="lnk-notices">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`lnk-notice is-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
          data-testid={`notice-${n.id}`}
        >
          <div className="lnk-notice-body">
            <p className="lnk-notice-text">
              <strong className="lnk-notice-tone">{t(`links.tone.${n.tone}`)}</strong> {t(n.key, n.params)}
            </p>
            {n.detail !== undefined && (
              <p className="lnk-notice-detail">
                {t('links.notice.detail')} <span>{n.detail}</span>
              </p>
            )}
          </div>
          <div className="lnk-notice-actions">
            {n.offer !== undefined && (
              <button
                type="button"
                className="btn lnk-primary"
                onClick={() => {
                  store.getState().dismissNotice(n.id);
                  onOffer(n.offer!, n);
                }}
              >
                {t(n.offer === 'default-lesson' ? 'links.offer.lesson' : 'links.offer.scenario')}
              </button>
            )}
            <button type="button" className="btn" onClick={() => store.getState().dismissNotice(n.id)}>
              {t('links.notice.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
});
