/**
 * The page once a scenario is loaded: the header (banner), then the main landmark. On a wide screen its
 * first screenful is the stage (transport + timeline over the figure, sized to the viewport's height
 * left under the header: shell.css) with the side panel beside it (lesson or faults, narration, key
 * history, interventions; it scrolls on its own), and below them the sandbox and the inspectors. On a
 * narrow screen everything stacks in that order, figure first. Everything reads the store through
 * narrow selectors; nothing here simulates.
 */
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { exportPng, exportSvg, Figure } from '../../diagram';
import type { RecordView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { initLanguage } from '../../i18n/browser';
import { useLang } from '../../i18n/react';
import {
  selectError,
  selectFatal,
  selectFrame,
  selectHelpOpen,
  selectMode,
  selectPlaying,
  selectScenario,
  selectSelectedKey,
  selectSpeed,
  selectTheme,
} from '../../store';
import { useSimStore, useSimStoreApi } from '../../store/react';
import { CompareEntry } from '../compare/compare-entry';
import {
  createShortcutHandlers,
  ErrorBanner,
  FatalBanner,
  HelpDialog,
  InterventionsPanel,
  ThemeSwitch,
  useDocumentTheme,
  useShortcuts,
} from '../controls';
import { KeyHistory, recordsToJsonl } from '../event-log';
import { LessonPanel } from '../lessons/lesson-panel';
import { useScenarioTitle } from '../lessons/scenario-title';
import { CopyLinkButton } from '../links/copy-link';
import { Notices } from '../links/notices';
import { clearPageUrl, offerSource } from '../links/page-boot';
import { PacedNarrationPanel } from '../narration';
import { FaultBar } from '../sandbox/fault-bar';
import { SandboxPanel } from '../sandbox/lazy-sandbox-panel';
import { ModeSwitch } from '../sandbox/mode-switch';
import { download } from './download';
import { EraBadge } from './era-badge';
import { InspectorTabs } from './inspector-tabs';
import { LanguageSwitch } from './language-switch';
import { LazyDetails } from './lazy-details';
import { PlaybackBar } from './playback-bar';
import { useHeaderHeight } from './use-header-height';
import { useInspectorData } from './use-inspector-data';
import { stepDurationMs, useReducedMotion } from './use-step-progress';

export function Workspace(): ReactNode {
  useState(initLanguage); // the URL's lang, else the browser's, before the first paint
  const lang = useLang();
  const store = useSimStoreApi();
  const frame = useSimStore(selectFrame);
  const playing = useSimStore(selectPlaying);
  const speed = useSimStore(selectSpeed);
  const scenario = useSimStore(selectScenario);
  const selectedKey = useSimStore(selectSelectedKey);
  const theme = useSimStore(selectTheme);
  const helpOpen = useSimStore(selectHelpOpen);
  const error = useSimStore(selectError);
  const fatal = useSimStore(selectFatal);
  const mode = useSimStore(selectMode);
  const scenarioTitle = useScenarioTitle(scenario?.title ?? '');
  const reducedMotion = useReducedMotion();
  const svgRef = useRef<SVGSVGElement | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const headerRef = useRef<HTMLElement | null>(null);
  useHeaderHeight(rootRef, headerRef);
  const { tabs, history } = useInspectorData(store, frame, selectedKey, playing, 'apiserver');

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

  const step = frame?.step ?? 0;

  // Stable callbacks, so that the memoised header, notices and help dialog skip the per-frame render.
  const onOffer = useCallback(
    (offer: Parameters<typeof offerSource>[0]) => {
      clearPageUrl();
      void store.getState().load(offerSource(offer));
    },
    [store],
  );
  const closeHelp = useCallback(() => store.getState().setHelpOpen(false), [store]);
  const exportLog = useCallback((recs: readonly RecordView[]) => {
    download('informer-lab-events.jsonl', recordsToJsonl(recs), 'application/x-ndjson');
  }, []);
  const exportFigureSvg = (): void => {
    if (svgRef.current) download('informer-lab-figure.svg', exportSvg(svgRef.current), 'image/svg+xml');
  };
  const exportFigurePng = (): void => {
    if (svgRef.current) void exportPng(svgRef.current).then((b) => download('informer-lab-figure.png', b));
  };
  const exportYaml = (): void => {
    void store
      .getState()
      .exportScenario()
      .then((y) => {
        if (y !== null) download(`${scenario?.name ?? 'scenario'}.yaml`, y, 'application/yaml');
      });
  };

  const s = store.getState();
  return (
    <div
      ref={rootRef}
      className={`workspace is-${mode}`}
      data-step={frame?.step ?? ''}
      data-digest={frame?.digest ?? ''}
    >
      <header className="app-header" ref={headerRef}>
        <h1 className="app-title">{t('shell.title')}</h1>
        <EraBadge />
        {scenario !== null && (
          <span
            className="app-scenario"
            title={`${t('shell.scenario', { title: scenarioTitle })} · ${t('shell.seed', { seed: scenario.seed })}`}
          >
            {t('shell.scenario', { title: scenarioTitle })} · {t('shell.seed', { seed: scenario.seed })}
          </span>
        )}
        <ModeSwitch />
        <span className="app-header-spacer" />
        <CopyLinkButton disabled={frame === null} />
        <button type="button" className="btn" onClick={exportYaml} disabled={frame === null}>
          {t('shell.export.yaml')}
        </button>
        <LanguageSwitch />
        <ThemeSwitch theme={theme} onChange={s.setTheme} />
      </header>

      {/* A language change remounts what is below the header, memoised figure layers included. */}
      <main className="workspace-main" key={lang}>
        <div className="workspace-stage">
          <Notices onOffer={onOffer} />
          {fatal !== null && <FatalBanner message={fatal} onRestart={() => void s.restart()} />}
          {error !== null && <ErrorBanner error={error} onDismiss={s.dismissError} />}
          <PlaybackBar showSkipped />
          {frame === null ? (
            <p className="app-loading">{t('shell.loading')}</p>
          ) : (
            <section className="figure-pane" aria-label={t('shell.figure.label')}>
              <Figure
                frame={frame}
                records={frame.records}
                animationMs={stepDurationMs(speed, playing)}
                selectedKey={selectedKey}
                onSelectKey={tabs.onSelectKey}
                reducedMotion={reducedMotion}
                svgRef={svgRef}
              />
              {/* Compact, so that on a wide screen it fits the figure's empty corner under its title. */}
              <fieldset className="figure-actions">
                <legend className="visually-hidden">{t('shell.export.figure')}</legend>
                <button type="button" className="btn" onClick={exportFigureSvg} title={t('shell.export.svg')}>
                  SVG
                </button>
                <button type="button" className="btn" onClick={exportFigurePng} title={t('shell.export.png')}>
                  PNG
                </button>
              </fieldset>
            </section>
          )}
        </div>
        {frame !== null && (
          <aside className="side-pane" aria-label={t(`shell.side.${mode}`)}>
            {mode === 'sandbox' ? <FaultBar disabled={fatal !== null} /> : <LessonPanel />}
            <PacedNarrationPanel
              records={frame.records}
              frame={frame}
              live={!playing || speed === 0.25 || speed === 0.5 || speed === 1}
            />
            {history !== null && (
              <KeyHistory
                keyName={history.key}
                records={history.records}
                onClose={() => s.select(null)}
                currentStep={step}
              />
            )}
            <LazyDetails className="interventions-box" summary={t('shell.tab.interventions')}>
              <InterventionsPanel
                frame={frame}
                onIntervene={(a) => void s.intervene(a)}
                disabled={playing || fatal !== null}
              />
            </LazyDetails>
            <CompareEntry disabled={fatal !== null} />
          </aside>
        )}
        {frame !== null && mode === 'sandbox' && (
          <div className="sandbox-pane">
            <SandboxPanel />
          </div>
        )}
        {frame !== null && (
          <div className="inspector-pane">
            <InspectorTabs
              // Each inspector defers the frame itself (view/inspectors/deferred.tsx): it may lag the
              // figure while React is busy, and only it re-renders when it catches up.
              frame={frame}
              {...tabs}
              selectedKey={selectedKey}
              onExportLog={exportLog}
            />
          </div>
        )}
      </main>
      <HelpDialog open={helpOpen} onClose={closeHelp} />
    </div>
  );
}
