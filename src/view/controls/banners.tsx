/**
 * Banners for failures. `FatalBanner`: the simulation (worker) stopped; offers a restart.
 * `ErrorBanner`: a request failed without breaking the engine (e.g. a bad scenario); its details are
 * shown as a list of plain text lines. Both are alerts (announced when they appear); all text is
 * rendered as React text, never as HTML.
 */
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import './controls.css';

export interface FatalBannerProps {
  readonly message: string;
  readonly onRestart: () => void;
}

export function FatalBanner({ message, onRestart }: FatalBannerProps): ReactNode {
  return (
    <div className="ctl-banner ctl-banner-fatal" role="alert">
      <p className="ctl-banner-text">
        <strong>{t('shell.fatal.title')}</strong> <span className="ctl-banner-message">{message}</span>
      </p>
      <button type="button" className="ctl-button ctl-primary" onClick={onRestart}>
        {t('shell.fatal.restart')}
      </button>
    </div>
  );
}

export interface BannerError {
  readonly message: string;
  readonly details: readonly string[];
}

export interface ErrorBannerProps {
  readonly error: BannerError;
  readonly onDismiss: () => void;
}

/** At most this many detail lines are shown; the rest are counted. */
export const MAX_DETAIL_LINES = 50;

export function ErrorBanner({ error, onDismiss }: ErrorBannerProps): ReactNode {
  const shown = error.details.slice(0, MAX_DETAIL_LINES);
  const more = error.details.length - shown.length;
  return (
    <div className="ctl-banner ctl-banner-error" role="alert">
      <div className="ctl-banner-body">
        <p className="ctl-banner-text">
          <strong>{t('shell.error.title')}</strong>{' '}
          <span className="ctl-banner-message">{error.message}</span>
        </p>
        {shown.length > 0 && (
          <ul className="ctl-banner-details">
            {shown.map((line, i) => (
              // Lines may repeat; their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text lines
              <li key={i}>{line}</li>
            ))}
            {more > 0 && <li className="ctl-banner-more">{t('shell.error.more', { n: more })}</li>}
          </ul>
        )}
      </div>
      <button type="button" className="ctl-button" onClick={onDismiss}>
        {t('shell.error.dismiss')}
      </button>
    </div>
  );
}
