/**
 * React access to the compare store (src/store/compare): a context, its provider and a narrow hook.
 * Each side's own SimStore is reached through `useCompareStoreApi().sides[side]` and rendered under its
 * own <SimStoreProvider>, so the single-run components work per side unchanged.
 */
import { createContext, createElement, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { CompareState, CompareStore } from '../../store/compare/types';

export const CompareStoreContext = createContext<CompareStore | null>(null);

export function CompareStoreProvider({
  store,
  children,
}: {
  readonly store: CompareStore;
  readonly children?: ReactNode;
}): ReactNode {
  return createElement(CompareStoreContext.Provider, { value: store }, children);
}

/** The compare store itself (actions in event handlers, each side's store). */
export function useCompareStoreApi(): CompareStore {
  const store = useContext(CompareStoreContext);
  if (store === null) throw new Error('useCompare must be used inside <CompareStoreProvider>');
  return store;
}

/** Subscribes to one slice of the compare state (Object.is; wrap with useShallow for objects). */
export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(useCompareStoreApi(), selector);
}
