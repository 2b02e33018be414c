/**
 * Hooks over one side's own SimStore, reached through the compare store (no per-side provider needed:
 * the shared transport sits outside both sides' <SimStoreProvider>).
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Side } from '../../compare/types';
import type { SimState } from '../../store/types';
import { useCompareStoreApi } from './compare-context';
import type { SideView } from './view-model';

/** Subscribes to a shallow-compared object selected from one side's store. */
export function useSideSelector<T extends object>(side: Side, selector: (s: SimState) => T): T {
  return useStore(useCompareStoreApi().sides[side], useShallow(selector));
}

const selectSideView = (s: SimState): SideView | Record<string, never> =>
  s.frame === null ? {} : { step: s.frame.step, time: s.frame.time, known: s.known, ended: s.ended };

/** The side's step, time, known steps and end (null before its first frame). */
export function useSideView(side: Side): SideView | null {
  const v = useSideSelector(side, selectSideView);
  return 'step' in v ? (v as SideView) : null;
}
