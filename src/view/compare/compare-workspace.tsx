/**
 * The compare view (issue 13): two runs, each in its own engine and store, shown as two figures (side
 * by side on a very wide screen, stacked otherwise) with one transport that steps both (sticky at the
 * bottom of the screen), the built-in comparison's title, what to look for and its narration, the
 * "what differs" line, the differences with their summaries, and both traces interleaved by time.
 * `compact` is embed mode: the two figures and the transport only (no header, no inspectors).
 */
import { type ReactNode, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Side } from '../../compare/types';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import type { Comparison } from '../../scenarios/comparisons/types';
import type { CompareState } from '../../store/compare/types';
import { SimStoreProvider } from '../../store/react';
import type { SimState } from '../../store/types';
import { ErrorBanner, ThemeSwitch, useDocumentTheme, useShortcuts } from '../controls';
import type { ShortcutHandlers } from '../controls/shortcuts';
import { textIn } from '../lessons/lesson-text';
import { LanguageSwitch } from '../shell/language-switch';
import { BothLog } from './both-log';
import { useCompare, useCompareStoreApi } from './compare-context';
import { loadCompareLinks, shareInputsOfCompare, warmCompareLinks } from './compare-links';
import { CompareSide } from './compare-side';
import { CompareTransport } from './compare-transport';
import { ComparisonCheck } from './comparison-check';
import { SideDetails } from './side-details';
import { compareSpeedStep, differsText } from './view-model';
import '../shell/embed.css';
import './compare.css';

export interface CompareWorkspaceProps {
  /** The built-in comparison on screen (its texts), if any. */
  readonly comparison: Comparison | null;
  readonly compact?: boolean;
  /** A notice's offer (a bad link: open the default page instead). */
  readonly onOffer?: (offer: 'default-lesson' | 'default-scenario') => void;
}

const selectTheme = (s: SimState) => s.theme;
const selectSetup = (s: CompareState) => s.setup;
const selectError = (s: CompareState) => s.error;

/** The page's keyboard shortcuts, on the compare store (Space, arrows, Home, + and -). */
function useCompareShortcuts(): void {
  const api = useCompareStoreApi();
  const handlers = useMemo<ShortcutHandlers>(() => {
    const s = () => api.getState();
    return {
      togglePlay: () => s().togglePlay(),
      stepForward: () => void s().stepForward(),
      stepBack: () => void s().stepBack(),
      first: () => void s().seek(0),
      speedUp: () => s().setSpeed(compareSpeedStep(s().speed, 1)),
      speedDown: () => s().setSpeed(compareSpeedStep(s().speed, -1)),
      nextApiEvent: () => void s().nextDifference(),
    };
  }, [api]);
  useShortcuts(handlers);
}

export function CompareWorkspace({ comparison, compact = false, onOffer }: CompareWorkspaceProps): ReactNode {
  const lang = useLang();
  const api = useCompareStoreApi();
  const theme = useStore(api.sides.left, selectTheme);
  const setup = useCompare(selectSetup);
  const error = useCompare(selectError);
  useDocumentTheme(theme);
  useCompareShortcuts();
  const setTheme = (th: SimState['theme']): void => {
    api.sides.left.getState().setTheme(th);
    api.sides.right.getState().setTheme(th);
  };
  const sides: readonly Side[] = ['left', 'right'];
  const intro = comparison !== null && (
    <div className="cmp-intro" data-testid="compare-intro">
      <h2 className="cmp-title">
        {t('compare.builtIn', { n: comparison.number, title: textIn(comparison.title, lang) })}
      </h2>
      <p className="cmp-look">
        <strong>{t('compare.lookFor')}</strong> {textIn(comparison.lookFor, lang)}
      </p>
      <ComparisonCheck comparison={comparison} />
      {!compact && (
        <details className="cmp-narration">
          <summary>{t('compare.narration')}</summary>
          <p>{textIn(comparison.narration, lang)}</p>
        </details>
      )}
    </div>
  );

  return (
    <div
      className={`cmp-workspace${compact ? ' is-embed' : ''}`}
      data-align={setup?.align ?? ''}
      data-embed={compact ? 'true' : undefined}
      data-testid="compare-workspace"
    >
      {!compact && (
        <header className="app-header cmp-header">
          <h1 className="app-title">{t('shell.title')}</h1>
          <span className="cmp-heading">{t('compare.heading')}</span>
          <span className="app-header-spacer" />
          <a className="btn cmp-exit" href="./" title={t('compare.exit.hint')}>
            {t('compare.exit')}
          </a>
          <LanguageSwitch />
          <ThemeSwitch theme={theme} onChange={setTheme} />
        </header>
      )}
      <main className="cmp-main" key={lang}>
        {compact && <h1 className="visually-hidden">{t('compare.heading')}</h1>}
        {error !== null && <ErrorBanner error={error} onDismiss={api.getState().dismissError} />}
        {intro}
        {setup !== null && (
          <p className="cmp-differs" data-testid="compare-differs">
            <strong>{t('compare.differs.label')}</strong> {differsText(setup, comparison)}
          </p>
        )}
        <div className="cmp-sides">
          {sides.map((side) => (
            <SimStoreProvider key={side} store={api.sides[side]}>
              <CompareSide side={side} onOffer={onOffer} />
            </SimStoreProvider>
          ))}
        </div>
        <CompareTransport compact={compact} />
        {!compact && <SideDetails />}
        {!compact && <BothLog />}
      </main>
      {compact && (
        <footer className="embed-footer cmp-embed-footer">
          <span className="embed-brand">{t('shell.title')}</span>
          <button
            type="button"
            className="btn"
            onPointerEnter={warmCompareLinks}
            onFocus={warmCompareLinks}
            onClick={() => {
              const inputs = shareInputsOfCompare(api);
              const base = window.location.href;
              void loadCompareLinks().then(
                (m) => window.open(m.compareFullPageUrl(inputs, base), '_blank', 'noopener'),
                () => window.open(base.replace(/[?#].*$/, ''), '_blank', 'noopener'),
              );
            }}
          >
            {t('links.embed.openFull')}
          </button>
        </footer>
      )}
    </div>
  );
}
