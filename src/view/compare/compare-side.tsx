/**
 * One side of the compare view, rendered under that side's own <SimStoreProvider> (so the figure, the
 * inspectors and the key history are the single-run components, unchanged): its label (Left / Right,
 * the era badge, the scenario and seed, its step), a track of its own steps with a mark at each
 * difference's step on this side, the figure, and below it the side's inspectors and key history. A
 * side whose engine failed shows the failure and "Restart this side"; the other side is not touched.
 *
 * The container carries `data-compare-side` and `data-step` / `data-digest` of the frame on screen
 * (the bench and the e2e journeys read them, as `.workspace[data-step]` on the main page).
 */
import { memo, type ReactNode, useCallback } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Side } from '../../compare/types';
import { Figure } from '../../diagram';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { type SimState, selectError, selectFatal, selectFrame, selectSelectedKey } from '../../store';
import type { CompareState } from '../../store/compare/types';
import { useSimStore, useSimStoreApi } from '../../store/react';
import { ErrorBanner } from '../controls';
import { useScenarioTitle } from '../lessons/scenario-title';
import { Notices } from '../links/notices';
import { stepDurationMs, useReducedMotion } from '../shell/use-step-progress';
import { useCompare, useCompareStoreApi } from './compare-context';
import { along, atDifference, differenceStep, differenceTitle } from './view-model';

const selectPlayback = (s: CompareState) => ({ playing: s.playing, speed: s.speed });
const selectStep = (s: SimState): number | null => s.frame?.step ?? null;
const selectLabel = (s: SimState) => ({
  era: s.scenario?.era ?? null,
  title: s.scenario?.title ?? '',
  seed: s.scenario?.seed ?? null,
  known: s.known,
  ended: s.ended,
});

export interface CompareSideProps {
  readonly side: Side;
  /** A notice's offer (a link that could not be opened: the default instead). */
  readonly onOffer?: ((offer: 'default-lesson' | 'default-scenario') => void) | undefined;
}

export const CompareSide = memo(function CompareSide({ side, onOffer }: CompareSideProps): ReactNode {
  useLang();
  const store = useSimStoreApi();
  const compare = useCompareStoreApi();
  const frame = useSimStore(selectFrame);
  const fatal = useSimStore(selectFatal);
  const error = useSimStore(selectError);
  const selectedKey = useSimStore(selectSelectedKey);
  const label = useSimStore(useShallow(selectLabel));
  const title = useScenarioTitle(label.title);
  const playback = useCompare(useShallow(selectPlayback));
  const differences = useCompare((s) => s.search.differences);
  const current = useCompare((s) => s.search.current);
  const reducedMotion = useReducedMotion();
  const onSelectKey = useCallback((key: string) => store.getState().select(key), [store]);
  const sideName = t(`compare.side.${side}`);
  const step = frame?.step ?? null;
  const d = current === null ? undefined : differences[current];
  const otherStep = useStore(compare.sides[side === 'left' ? 'right' : 'left'], selectStep);
  const here = atDifference(d, side === 'left' ? step : otherStep, side === 'left' ? otherStep : step);
  const trackMax = Math.max(1, label.known, step ?? 0);

  return (
    <section
      className={`cmp-side is-${side}${here ? ' is-at-difference' : ''}`}
      data-compare-side={side}
      data-step={step ?? ''}
      data-digest={frame?.digest ?? ''}
      aria-label={t('compare.side.region', { side: sideName })}
    >
      <header className="cmp-side-head">
        <h2 className="cmp-side-name">{sideName}</h2>
        {label.era !== null && (
          <span className="app-badge" data-era={label.era} title={t(`shell.era.title.${label.era}`)}>
            {t(`shell.era.badge.${label.era}`)}
          </span>
        )}
        {label.title !== '' && (
          <span className="cmp-side-title" title={title}>
            {title}
          </span>
        )}
        {label.seed !== null && (
          <span className="cmp-side-meta">{t('compare.side.seed', { seed: label.seed })}</span>
        )}
        <span className="cmp-side-step" data-testid={`compare-step-${side}`}>
          {step === null ? '' : t('compare.side.step', { step })}
        </span>
        {here && <span className="cmp-side-flag">{t('compare.side.atDifference')}</span>}
      </header>
      <div className="cmp-track" aria-hidden="true">
        <span className="cmp-track-fill" style={{ width: `${along(step ?? 0, trackMax) * 100}%` }} />
        {differences.map((diff, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows; its order is its identity
            key={i}
            className={i === current ? 'cmp-track-mark is-current' : 'cmp-track-mark'}
            style={{ left: `${along(differenceStep(diff, side), trackMax) * 100}%` }}
            title={differenceTitle(diff, i)}
          />
        ))}
      </div>
      {/* This side's notices (a link's warnings, a replay that differs from the link's frame). */}
      <Notices onOffer={(offer) => onOffer?.(offer)} />
      {fatal !== null ? (
        <div className="ctl-banner ctl-banner-fatal cmp-crash" role="alert">
          <p className="ctl-banner-text">
            <strong>{t('compare.side.crashed')}</strong> <span className="ctl-banner-message">{fatal}</span>{' '}
            <span>{t('compare.side.others')}</span>
          </p>
          <button
            type="button"
            className="ctl-button ctl-primary"
            onClick={() => void compare.getState().restartSide(side)}
          >
            {t('compare.side.restart')}
          </button>
        </div>
      ) : (
        error !== null && <ErrorBanner error={error} onDismiss={store.getState().dismissError} />
      )}
      {frame === null ? (
        fatal === null && <p className="app-loading">{t('compare.loading')}</p>
      ) : (
        <div className="cmp-figure figure-pane">
          <Figure
            frame={frame}
            records={frame.records}
            animationMs={stepDurationMs(playback.speed, playback.playing)}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
            reducedMotion={reducedMotion}
          />
        </div>
      )}
    </section>
  );
});
