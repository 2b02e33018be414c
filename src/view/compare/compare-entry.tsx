/**
 * The main page's "Compare…" (the side panel, under the interventions: the header has no room left at
 * 1440 px): a line saying what it does and the button. The dialog, with the variation logic and the
 * link codec it needs, loads on the first click (the page's first load does not carry it).
 */
import { lazy, memo, type ReactNode, Suspense, useState } from 'react';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import './compare-entry.css';

const CompareDialog = lazy(() => import('./compare-dialog').then((m) => ({ default: m.CompareDialog })));

export const CompareEntry = memo(function CompareEntry({
  disabled,
}: {
  readonly disabled?: boolean;
}): ReactNode {
  useLang();
  const [open, setOpen] = useState(false);
  return (
    <div className="cmp-entry">
      <span className="cmp-entry-text">{t('compare.entry.hint')}</span>
      <button
        type="button"
        className="btn"
        disabled={disabled}
        aria-haspopup="dialog"
        title={t('compare.entry.hint')}
        onClick={() => setOpen(true)}
      >
        {t('compare.entry')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <CompareDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
});
