/**
 * Embed mode (a link's `embed` field, or `?embed=1`): only the controls, the figure and the narration
 * (with the lesson's, when a lesson is open), sized for an iframe on a course page: fluid width, a
 * sensible minimum height, no header (its one heading, naming the scenario, is for assistive technology
 * only). "Open in Informer Lab" opens the same step in the full page.
 */
import { type ReactNode, useMemo } from 'react';
import { Figure } from '../../diagram';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import {
  selectError,
  selectFatal,
  selectFrame,
  selectHelpOpen,
  selectPlaying,
  selectScenario,
  selectSelectedKey,
  selectSpeed,
  selectTheme,
} from '../../store';
import { useSimStore, useSimStoreApi } from '../../store/react';
import {
  createShortcutHandlers,
  ErrorBanner,
  FatalBanner,
  HelpDialog,
  useDocumentTheme,
  useShortcuts,
} from '../controls';
import { LessonPanel } from '../lessons/lesson-panel';
import { useScenarioTitle } from '../lessons/scenario-title';
import { shareInputsOf } from '../links/copy-link';
import { loadedShare, loadShare, warmShare } from '../links/load-share';
import { Notices } from '../links/notices';
import { offerSource } from '../links/page-boot';
import { PacedNarrationPanel } from '../narration';
import { EraLabel } from './era-badge';
import { PlaybackBar } from './playback-bar';
import { stepDurationMs, useReducedMotion } from './use-step-progress';
import './embed.css';

export function EmbedWorkspace(): ReactNode {
  const lang = useLang();
  const store = useSimStoreApi();
  const frame = useSimStore(selectFrame);
  const playing = useSimStore(selectPlaying);
  const speed = useSimStore(selectSpeed);
  const selectedKey = useSimStore(selectSelectedKey);
  const theme = useSimStore(selectTheme);
  const helpOpen = useSimStore(selectHelpOpen);
  const error = useSimStore(selectError);
  const fatal = useSimStore(selectFatal);
  const scenario = useSimStore(selectScenario);
  const scenarioTitle = useScenarioTitle(scenario?.title ?? '');
  const reducedMotion = useReducedMotion();
  useDocumentTheme(theme);
  const handlers = useMemo(
    () =>
      createShortcutHandlers(
        () => store.getState(),
        () => store.getState().select(null),
      ),
    [store],
  );
  useShortcuts(handlers);
  const s = store.getState();

  const openFull = (): void => {
    const inputs = shareInputsOf(store.getState());
    const base = window.location.href;
    const open = (url: string): void => void window.open(url, '_blank', 'noopener');
    // The link codec loads on demand (usually already there: the pointer or the focus started it).
    const loaded = loadedShare();
    if (loaded !== null) {
      open(loaded.fullPageUrl(inputs, base));
      return;
    }
    void loadShare().then(
      (m) => open(m.fullPageUrl(inputs, base)),
      () => open(base.replace(/[?#].*$/, '')),
    );
  };

  return (
    <div
      className="workspace embed-workspace"
      data-step={frame?.step ?? ''}
      data-digest={frame?.digest ?? ''}
      data-embed="true"
    >
      <main className="embed-main" key={lang}>
        {/* The embed's heading names what it plays (the host page has its own title). */}
        <h1 className="visually-hidden">
          {scenario === null ? t('shell.loading') : t('shell.scenario', { title: scenarioTitle })}
        </h1>
        <Notices onOffer={(offer) => void s.load(offerSource(offer))} />
        {fatal !== null && <FatalBanner message={fatal} onRestart={() => void s.restart()} />}
        {error !== null && <ErrorBanner error={error} onDismiss={s.dismissError} />}
        <PlaybackBar />
        {frame === null ? (
          <p className="app-loading">{t('shell.loading')}</p>
        ) : (
          <div className="embed-grid">
            <section className="figure-pane" aria-label={t('shell.figure.label')}>
              <Figure
                frame={frame}
                records={frame.records}
                animationMs={stepDurationMs(speed, playing)}
                selectedKey={selectedKey}
                onSelectKey={(key) => s.select(key)}
                reducedMotion={reducedMotion}
              />
            </section>
            <aside className="embed-side" aria-label={t('shell.side.lesson')}>
              <LessonPanel compact />
              <PacedNarrationPanel
                records={frame.records}
                frame={frame}
                live={!playing || speed === 0.25 || speed === 0.5 || speed === 1}
              />
            </aside>
          </div>
        )}
      </main>
      <footer className="embed-footer">
        <span className="embed-brand">{t('shell.title')}</span>
        <EraLabel />
        <button
          type="button"
          className="btn"
          onPointerEnter={warmShare}
          onPointerDown={warmShare}
          onFocus={warmShare}
          onClick={openFull}
        >
          {t('links.embed.openFull')}
        </button>
      </footer>
      <HelpDialog open={helpOpen} onClose={() => s.setHelpOpen(false)} />
    </div>
  );
}
