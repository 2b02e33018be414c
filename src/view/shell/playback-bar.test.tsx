// The playback bar reads the store itself: rendered inside a <SimStoreProvider> (static markup, no DOM),
// it shows the store's step, known steps, marks and fast-forward note, and disables itself while nothing
// is loaded or the engine stopped, the same for the page and the embed.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Frame } from '../../engine/model/frame';
import { t } from '../../i18n';
import type { SimState, SimStore } from '../../store';
import { SimStoreProvider } from '../../store/react';
import { stepLabel } from '../controls';
import { loadLibraryScenario, runToSteps } from '../inspectors/test-fixture';
import { PlaybackBar } from './playback-bar';

const FRAME: Frame = runToSteps(loadLibraryScenario('default'), [7]).frames[0]!;

/** A store holding `fields` (static rendering reads a store's initial state); actions do nothing. */
function storeWith(fields: Partial<SimState>): SimStore {
  const idle = (): void => {};
  const state = {
    frame: null,
    known: 0,
    ended: false,
    playing: false,
    speed: 2,
    marks: [],
    skipped: null,
    selectedKey: null,
    fatal: null,
    togglePlay: idle,
    stepBack: idle,
    stepForward: idle,
    runUntil: idle,
    setSpeed: idle,
    setHelpOpen: idle,
    seek: idle,
    seekTime: idle,
    ...fields,
  } as unknown as SimState;
  return createStore<SimState>()(() => state) as SimStore;
}

function render(fields: Partial<SimState>, showSkipped = false): string {
  return renderToStaticMarkup(
    <SimStoreProvider store={storeWith(fields)}>
      <PlaybackBar showSkipped={showSkipped} />
    </SimStoreProvider>,
  );
}

const disabledCount = (html: string): number => html.split('disabled=""').length - 1;

describe('PlaybackBar', () => {
  it('shows the step on screen, the known steps and the marks from the store', () => {
    const html = render({ frame: FRAME, known: 12, marks: [{ step: 3, time: 100, kind: 'fault' }] });
    expect(FRAME.step).toBe(7);
    expect(html).toContain('class="controls-bar"');
    expect(html).toContain(stepLabel(7, 12, false));
    expect(html).toMatch(/type="range"[^>]*aria-label="Timeline"[^>]*max="12"[^>]*value="7"/);
    expect(html).toContain('ctl-mark-fault');
    expect(html).toContain(`>${t('controls.play')}<`);
    expect(disabledCount(html)).toBe(0);
  });

  it('says pause while playing and stops at the end of an ended run', () => {
    expect(render({ frame: FRAME, known: 12, playing: true })).toContain(`>${t('controls.pause')}<`);
    const atEnd = render({ frame: FRAME, known: 7, ended: true });
    expect(atEnd).toContain(stepLabel(7, 7, true));
    // Play, step forward, next API event and run until are disabled; step back, speed, help, the
    // scrub mode toggle and the slider are not.
    expect(disabledCount(atEnd)).toBe(4);
  });

  it('is disabled while nothing is loaded or after the engine failed', () => {
    const empty = render({});
    const failed = render({ frame: FRAME, known: 12, fatal: 'worker crashed' });
    for (const html of [empty, failed]) {
      // play, back, forward, next API event, run until, speed, slider; help and the mode toggle stay.
      expect(disabledCount(html)).toBe(7);
    }
  });

  it('shows what fast-forward skipped only while playing, and only where asked', () => {
    const skipped = { fromStep: 10, toStep: 40, records: 95, byArrow: {} };
    const note = t('shell.skipped', { records: 95, steps: 30 });
    expect(render({ frame: FRAME, known: 40, playing: true, skipped }, true)).toContain(note);
    expect(render({ frame: FRAME, known: 40, playing: false, skipped }, true)).not.toContain(note);
    expect(render({ frame: FRAME, known: 40, playing: true, skipped }, false)).not.toContain(note);
  });
});
