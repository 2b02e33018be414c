/**
 * The compare page's root (loaded on demand when the page's plan has a comparison: `?compare=<id>` or
 * a `#v2.` link): it makes the compare store, two engines in two Workers (one per side, so a crash on
 * one side leaves the other playing) and the comparer, runs the plan (links/boot.ts `runCompareBoot`:
 * both sessions, the alignment, the digests checked per side), and renders the compare workspace
 * (compact in embed mode). A plan that cannot be opened leaves the page on the default story instead.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { createWorkerClient } from '../../bridge/worker-client';
import { createComparer } from '../../compare';
import { comparisonById } from '../../scenarios/comparisons';
import { createCompareStore } from '../../store/compare/compare-store';
import { runCompareBoot } from '../links/boot';
import type { BootPlan } from '../links/boot-plan';
import { offerSource } from '../links/page-boot';
import { CompareStoreProvider } from './compare-context';
import { CompareWorkspace } from './compare-workspace';

export function CompareRoot({ plan }: { readonly plan: BootPlan }): ReactNode {
  const [store] = useState(() =>
    createCompareStore({ makeClient: createWorkerClient, makeComparer: (input) => createComparer(input) }),
  );
  const booted = useRef<BootPlan | null>(null);
  useEffect(() => {
    // React StrictMode runs effects twice: each plan runs once.
    if (booted.current === plan) return;
    booted.current = plan;
    void runCompareBoot(store, plan);
  }, [store, plan]);
  const id = plan.compare?.comparisonId;
  const comparison = id === undefined ? null : (comparisonById(id) ?? null);
  const onOffer = (offer: 'default-lesson' | 'default-scenario'): void => {
    // Leaving the comparison for the default: the single-run page at what the offer names.
    const src = offerSource(offer);
    window.location.assign(src.kind === 'lesson' ? `./?lesson=${encodeURIComponent(src.id)}` : './');
  };
  return (
    <CompareStoreProvider store={store}>
      <CompareWorkspace comparison={comparison} compact={plan.embed} onOffer={onOffer} />
    </CompareStoreProvider>
  );
}
