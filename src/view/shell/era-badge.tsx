/**
 * The header's era badge (issue 12): it names the mode the run models and the versions ("classic ·
 * client-go 1.26 · kube-apiserver 1.26"; the exact versions are in its title and its panel), and it is
 * the era switch: a button that opens a small non-modal panel explaining the mode, with "Reload in the
 * other mode" (the same story at step 0; ./era-switch.ts) and, when there are interventions, the warning
 * that they will be dropped, before anything happens. In a lesson the panel says the era is the lesson's
 * and offers no switch. Escape or Cancel closes the panel and gives the focus back to the badge.
 * `EraLabel` is the badge alone, for the embed player's footer (no switch there).
 */
import { memo, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Era } from '../../engine/model/scenario';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { useSimStore, useSimStoreApi } from '../../store/react';
import { eraSwitchState, parseWithScenarioReader, switchEra } from './era-switch';

const selectEraView = (s: Parameters<typeof eraSwitchState>[0]) => {
  const st = eraSwitchState(s);
  return {
    kind: st.kind,
    era: st.kind === 'unloaded' ? null : st.era,
    to: st.kind === 'offered' ? st.to : null,
    drops: st.kind === 'offered' ? st.drops : 0,
  };
};

/** The era as a badge (no switch): the embed footer. */
export const EraLabel = memo(function EraLabel(): ReactNode {
  useLang();
  const era = useSimStore((s) => s.scenario?.era ?? null);
  if (era === null) return null;
  return (
    <span
      className="app-badge"
      data-testid="fidelity-badge"
      data-era={era}
      title={t(`shell.era.title.${era}`)}
    >
      {t(`shell.era.badge.${era}`)}
    </span>
  );
});

export const EraBadge = memo(function EraBadge(): ReactNode {
  useLang(); // memoised: re-render on a language change (the header is not remounted by one)
  const id = useId();
  const store = useSimStoreApi();
  const view = useSimStore(useShallow(selectEraView));
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  const first = useRef<HTMLButtonElement | null>(null);
  const wrap = useRef<HTMLDivElement | null>(null);

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const onDown = (e: PointerEvent): void => {
      if (wrap.current !== null && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  if (view.era === null) return null;
  const era: Era = view.era;

  const doSwitch = async (): Promise<void> => {
    setBusy(true);
    try {
      const parse = await parseWithScenarioReader();
      await switchEra(store, parse);
    } finally {
      setBusy(false);
      close(true);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the panel closes it
    <div
      className="app-era"
      ref={wrap}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close(true);
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="app-badge app-era-badge"
        data-era={era}
        title={t(`shell.era.title.${era}`)}
        aria-expanded={open}
        aria-haspopup="dialog"
        {...(open ? { 'aria-controls': `${id}-panel` } : {})}
        onClick={() => setOpen((o) => !o)}
      >
        <span data-testid="fidelity-badge">{t(`shell.era.badge.${era}`)}</span>
        <span className="app-era-caret" aria-hidden="true">
          ⇄
        </span>
        <span className="visually-hidden"> ({t('shell.era.change')})</span>
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          className="app-era-panel"
          role="dialog"
          aria-labelledby={`${id}-title`}
          data-testid="era-panel"
        >
          <h2 id={`${id}-title`} className="app-era-title">
            {t('shell.era.panel')}
          </h2>
          <p>{t(`shell.era.about.${era}`)}</p>
          {view.kind === 'lesson' || view.to === null ? (
            <>
              <p className="app-era-note">{t(`shell.era.lesson.${era}`)}</p>
              <div className="app-era-actions">
                <button ref={first} type="button" className="btn" onClick={() => close(true)}>
                  {t('shell.era.close')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p>{t(`shell.era.explain.${view.to}`)}</p>
              {view.drops > 0 && (
                <p className="app-era-warn" data-testid="era-drops">
                  {t('shell.era.drops', { count: view.drops })}
                </p>
              )}
              <div className="app-era-actions">
                <button
                  ref={first}
                  type="button"
                  className="btn lnk-primary"
                  disabled={busy}
                  data-testid="era-switch"
                  onClick={() => void doSwitch()}
                >
                  {t(`shell.era.to.${view.to}`)}
                </button>
                <button type="button" className="btn" onClick={() => close(true)}>
                  {t('shell.era.cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
});
