/**
 * React access to the sim store: a context, a provider and narrow hooks. Components select fields with
 * the module-level selectors of selectors.ts:
 *   const cursor = useSimStore(selectCursor);
 *   const play = useSimStore((s) => s.play); // actions are stable functions
 */
import { createContext, createElement, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { SimState, SimStore } from './types';

export const SimStoreContext = createContext<SimStore | null>(null);

export interface SimStoreProviderProps {
  readonly store: SimStore;
  readonly children?: ReactNode;
}

export function SimStoreProvider({ store, children }: SimStoreProviderProps): ReactNode {
  return createElement(SimStoreContext.Provider, { value: store }, children);
}

/** The store itself (for actions in event handlers: `api.getState().seek(n)`). */
export function useSimStoreApi(): SimStore {
  const store = useContext(SimStoreContext);
  if (store === null) throw new Error('useSimStore must be used inside <SimStoreProvider>');
  return store;
}

/** Subscribes to one slice of the state; re-renders when the selected value changes (Object.is). */
export function useSimStore<T>(selector: (s: SimState) => T): T {
  return useStore(useSimStoreApi(), selector);
}
