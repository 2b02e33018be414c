/**
 * The compare store (issue 13): two sessions, each in its own SimStore with its own engine Worker
 * (a crash on one side leaves the other playing), one transport that moves both, and the search for
 * where they part (src/compare, fed from each side's `trace` answers).
 *
 * The view renders each side under its own <SimStoreProvider store={left|right}> so every single-run
 * component (figure, inspectors, key history, narration) works per side unchanged; the shared
 * transport, the differences and the summary read this store through <CompareStoreProvider>.
 */
import type { StoreApi } from 'zustand';
import type { AlignMode, Difference, Side } from '../../compare/types';
import type { ControllerMistakes, Era, Settings } from '../../engine/model/scenario';
import type { InterventionAction, Session } from '../../engine/model/session';
import type { SimStore } from '../types';

/** What the right side changes relative to the left (the left is the base story). */
export type Variation =
  | { readonly kind: 'era'; readonly era: Era }
  | { readonly kind: 'setting'; readonly changes: Partial<Settings> }
  | { readonly kind: 'mistakes'; readonly mistakes: ControllerMistakes }
  | { readonly kind: 'seed'; readonly seed: number }
  /** The right side is the left's session forked at `step` with `action` (an intervention). */
  | { readonly kind: 'fork'; readonly step: number; readonly action: InterventionAction };

/** Both sessions and how they are stepped: what a comparison link carries. */
export interface CompareSetup {
  readonly left: Session;
  readonly right: Session;
  readonly align: AlignMode;
  /** The built-in comparison this came from (src/scenarios/comparisons), if any. */
  readonly comparisonId?: string;
}

export type SearchStatus =
  /** Nothing asked yet. */
  | 'idle'
  | 'searching'
  /** Differences listed up to the searched steps; asking for the next may search further. */
  | 'partial'
  /** Both runs ended within the search: the list is complete. */
  | 'complete'
  /** The search budget (steps per side computed ahead) ran out before another difference. */
  | 'frontier'
  | 'error';

export interface CompareSearchState {
  readonly status: SearchStatus;
  readonly differences: readonly Difference[];
  /** The last step searched per side. */
  readonly searchedTo: { readonly left: number; readonly right: number };
  /** The difference on screen (index into `differences`), null when the sides are elsewhere. */
  readonly current: number | null;
  /** status 'error': what failed (plain English from the bridge; the view words the status itself). */
  readonly message: string | null;
  /**
   * status 'frontier' because a side reached the engine's look-ahead cap (a `trace` window can be
   * computed at most HOST_LIMITS.computePerRequest steps past the steps already computed): asking again
   * finds nothing more until the sides are moved further on.
   */
  readonly lookAhead?: boolean;
}

/** Speeds of the shared transport: steps (or, aligned by time, distinct times) per second. */
export const COMPARE_SPEEDS = [0.5, 1, 2, 4, 10] as const;
export type CompareSpeed = (typeof COMPARE_SPEEDS)[number];

export interface CompareState {
  readonly setup: CompareSetup | null;
  readonly align: AlignMode;
  /**
   * The common position on screen: aligned by time, the virtual time (ms) both sides are shown at
   * (each side shows its last step at or before it); aligned by step, the step number.
   */
  readonly position: number;
  readonly playing: boolean;
  readonly speed: CompareSpeed;
  readonly search: CompareSearchState;
  /** A side whose engine failed (its own store has `fatal`); the other side keeps working. */
  readonly failed: readonly Side[];
  /** The last refused request of the compare store itself (bad setup), to show; null when none. */
  readonly error: { readonly message: string; readonly details: readonly string[] } | null;

  /** Opens both sessions (in parallel) and aligns them; false when either was refused (error set, nothing else changed). */
  open(setup: CompareSetup): Promise<boolean>;
  /** The right side becomes the left's session with one variation (fork: at its step). */
  vary(variation: Variation): Promise<boolean>;
  setAlign(mode: AlignMode): Promise<void>;
  stepForward(): Promise<void>;
  stepBack(): Promise<void>;
  /** Goes to a position (time or step, by the alignment). */
  seek(position: number): Promise<void>;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: CompareSpeed): void;
  /** Searches (further if needed) and shows the first difference after the one on screen; false when none was found. */
  nextDifference(): Promise<boolean>;
  /** Shows the difference before the one on screen; false when there is none. */
  previousDifference(): Promise<boolean>;
  /** Shows difference i of the list (both sides at its steps). */
  showDifference(index: number): Promise<void>;
  dismissError(): void;
  /** Restarts a failed side's engine and reopens its session at its step. */
  restartSide(side: Side): Promise<void>;
  dispose(): void;
}

export type CompareStore = StoreApi<CompareState> & {
  /** Each side's own store (frame, playback, inspectors' fetches). */
  readonly sides: { readonly left: SimStore; readonly right: SimStore };
};
