/**
 * TEST ONLY: a compare store holding fixed state (static rendering reads a store's initial state), each
 * side a SimStore with a real frame of the default story computed in Node; actions do nothing.
 */
import { createStore } from 'zustand/vanilla';
import type { Difference } from '../../compare/types';
import type { CompareState, CompareStore } from '../../store/compare/types';
import type { SimState, SimStore } from '../../store/types';
import { loadLibraryScenario, runToSteps } from '../inspectors/test-fixture';

const idle = (): void => {};
const idleAsync = async (): Promise<void> => {};

export const FIXTURE_FRAMES = runToSteps(loadLibraryScenario('default'), [0, 12, 40]).frames;

export function sideStore(fields: Partial<SimState>): SimStore {
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
    error: null,
    scenario: {
      name: 'default',
      title: 'The sample-controller at work',
      description: '',
      seed: 42,
      era: 'classic',
    },
    notices: [],
    theme: 'light',
    source: { kind: 'library', name: 'default' },
    interventions: [],
    fileLesson: null,
    select: idle,
    dismissError: idle,
    setTheme: idle,
    fetchRecords: async () => null,
    fetchHistory: async () => null,
    ...fields,
  } as unknown as SimState;
  return createStore<SimState>()(() => state) as SimStore;
}

export function compareStore(
  fields: Partial<CompareState>,
  left: Partial<SimState>,
  right: Partial<SimState>,
): CompareStore {
  const state = {
    setup: null,
    align: 'time',
    position: 0,
    playing: false,
    speed: 1,
    search: {
      status: 'idle',
      differences: [],
      searchedTo: { left: 0, right: 0 },
      current: null,
      message: null,
    },
    failed: [],
    error: null,
    open: async () => true,
    vary: async () => true,
    setAlign: idleAsync,
    stepForward: idleAsync,
    stepBack: idleAsync,
    seek: idleAsync,
    play: idle,
    pause: idle,
    togglePlay: idle,
    setSpeed: idle,
    nextDifference: async () => false,
    previousDifference: async () => false,
    showDifference: idleAsync,
    dismissError: idle,
    restartSide: idleAsync,
    dispose: idle,
    ...fields,
  } as CompareState;
  const store = createStore<CompareState>()(() => state);
  return Object.assign(store, { sides: { left: sideStore(left), right: sideStore(right) } });
}

export function difference(leftStep: number, rightStep: number, time: number): Difference {
  return {
    kind: 'record',
    leftStep,
    rightStep,
    time,
    key: 'default/example-foo',
    summary: {
      kind: 'record',
      key: 'default/example-foo',
      left: [{ message: 'deltafifo.pop', type: 'Replaced', count: 3 }],
      right: [{ message: 'realfifo.pop-batch', type: 'ReplacedAll', count: 1 }],
      param: null,
    },
  };
}
