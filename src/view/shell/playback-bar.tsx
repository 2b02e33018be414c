/**
 * The playback bar: the transport toolbar and the timeline scrubber, connected to the sim store. The
 * page (workspace.tsx) and the embed shell (embed-workspace.tsx) both show it; each part reads what it
 * needs from the store of the surrounding <SimStoreProvider> through module-level selectors (shallow-
 * compared with `useShallow`, so a part re-renders only when one of its own fields changes) and calls
 * the store's actions itself. Transport and Timeline stay props-driven components of ../controls. The
 * bar is a named region ("Playback"), so its controls sit in a landmark in the page and in embed mode.
 */
import { memo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import { type SimState, selectClockTime } from '../../store';
import { useSimStore, useSimStoreApi } from '../../store/react';
import { Timeline, Transport } from '../controls';

/** Nothing loaded yet, or the engine stopped: the controls are disabled. */
const isDisabled = (s: SimState): boolean => s.frame === null || s.fatal !== null;

/** What the transport toolbar shows (a fresh object each call: compared shallowly). */
const selectTransport = (s: SimState) => ({
  step: s.frame?.step ?? 0,
  time: selectClockTime(s),
  known: s.known,
  ended: s.ended,
  playing: s.playing,
  speed: s.speed,
  selectedKey: s.selectedKey,
  disabled: isDisabled(s),
});

/** What the timeline shows (`marks` is a stable reference while unchanged). */
const selectTimeline = (s: SimState) => ({
  step: s.frame?.step ?? 0,
  time: s.frame?.time ?? 0,
  known: s.known,
  ended: s.ended,
  marks: s.marks,
  disabled: isDisabled(s),
});

/** The fast-forward note's numbers, or null when nothing was skipped or playback is paused. */
const selectSkippedNote = (s: SimState) =>
  s.skipped !== null && s.playing
    ? { records: s.skipped.records, steps: s.skipped.toStep - s.skipped.fromStep }
    : null;

function StoreTransport(): ReactNode {
  const api = useSimStoreApi();
  const view = useSimStore(useShallow(selectTransport));
  const s = api.getState();
  return (
    <Transport
      {...view}
      onTogglePlay={s.togglePlay}
      onStepBack={s.stepBack}
      onStepForward={s.stepForward}
      onRunUntil={(u) => void api.getState().runUntil(u)}
      onSpeedChange={s.setSpeed}
      onHelp={() => api.getState().setHelpOpen(true)}
    />
  );
}

function StoreTimeline(): ReactNode {
  const api = useSimStoreApi();
  const view = useSimStore(useShallow(selectTimeline));
  const s = api.getState();
  return <Timeline {...view} onSeek={s.seek} onSeekTime={s.seekTime} />;
}

function SkippedNote(): ReactNode {
  const note = useSimStore(useShallow(selectSkippedNote));
  if (note === null) return null;
  return <p className="skipped-note">{t('shell.skipped', note)}</p>;
}

export interface PlaybackBarProps {
  /** Show what a fast-forward jump skipped while playing (the page does; the embed has no room). */
  readonly showSkipped?: boolean;
}

export const PlaybackBar = memo(function PlaybackBar({ showSkipped = false }: PlaybackBarProps): ReactNode {
  return (
    <section className="controls-bar" aria-label={t('shell.playback')}>
      <StoreTransport />
      <StoreTimeline />
      {showSkipped && <SkippedNote />}
    </section>
  );
});
