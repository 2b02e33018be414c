/**
 * The compare page's root (loaded on demand when the page opens a comparison): it makes the compare
 * store, two engines in two Workers (one per side, so a crash on one side leaves the other playing)
 * and the comparer, runs the boot (the comparison link or `?compare=<id>`), and renders the compare
 * workspace (compact in embed mode). The store lives as long as this root.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { createWorkerClient } from '../../bridge/worker-client';
import { createComparer } from '../../compare';
import type { Comparison } from '../../scenarios/comparisons/types';
import { createCompareStore } from '../../store/compare/compare-store';
import type { CompareStore } from '../../store/compare/types';
import { CompareStoreProvider } from './compare-context';
import { CompareWorkspace } from './compare-workspace';

export interface CompareRootProps {
  /** Opens what the page asked for in the new store (notices and errors go to the stores). */
  readonly boot: (store: CompareStore) => Promise<void>;
  readonly comparison: Comparison | null;
  readonly embed: boolean;
  readonly onOffer?: (offer: 'default-lesson' | 'default-scenario') => void;
}

export function CompareRoot({ boot, comparison, embed, onOffer }: CompareRootProps): ReactNode {
  const [store] = useState(() =>
    createCompareStore({ makeClient: createWorkerClient, makeComparer: (input) => createComparer(input) }),
  );
  const booted = useRef<CompareRootProps['boot'] | null>(null);
  useEffect(() => {
    // React StrictMode runs effects twice: each boot runs once.
    if (booted.current === boot) return;
    booted.current = boot;
    void boot(store);
  }, [store, boot]);
  return (
    <CompareStoreProvider store={store}>
      <CompareWorkspace
        comparison={comparison}
        compact={embed}
        {...(onOffer === undefined ? {} : { onOffer })}
      />
    </CompareStoreProvider>
  );
}
