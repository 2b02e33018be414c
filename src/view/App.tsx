// The app: the engine runs in a Web Worker behind the bridge; the zustand store holds the view; the
// workspace draws the figure, the controls and the inspectors. A top-level error boundary turns a render
// error into a message instead of a blank page.
import {
  Component,
  type ErrorInfo,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createWorkerClient } from '../bridge/worker-client';
import { t } from '../i18n';
import { createSimStore, type SimStore } from '../store';
import { SimStoreProvider } from '../store/react';
import { DEFAULT_LESSON_ID } from './lessons/catalog';
import { runBoot } from './links/boot';
import type { BootPlan } from './links/boot-plan';
import { FALLBACK_SOURCE, planFromUrl, preparePageBoot } from './links/page-boot';
import { EmbedWorkspace } from './shell/embed-workspace';
import { Workspace } from './shell/workspace';
import './theme.css';
import './shell/shell.css';

/**
 * One engine (in a Web Worker) and one store for the page. The URL decides what opens first (a shared
 * link, a lesson, a library scenario, embed mode: links/page-boot.ts), read before the first paint. A
 * `#v1.…` link is decoded by the link codec, loaded on demand: until then a loading line shows.
 */
export function App(): ReactNode {
  const [initial] = useState(() => preparePageBoot().plan);
  const [plan, setPlan] = useState<BootPlan | null>(() => (initial instanceof Promise ? null : initial));
  // The single-run store (and its Worker) is made only for a single-run plan: a comparison has its own two.
  const needSingle = plan !== null && plan.compare === undefined;
  const store = useMemo(() => (needSingle ? singleStore() : null), [needSingle]);
  const booted = useRef<BootPlan | null>(null);
  // The newest plan asked for wins (a link pasted while another is still being decoded).
  const asked = useRef(0);
  const follow = useCallback((next: BootPlan | Promise<BootPlan>) => {
    const n = ++asked.current;
    if (!(next instanceof Promise)) {
      setPlan(next);
      return;
    }
    void next.then((p) => {
      if (asked.current === n) setPlan(p);
    });
  }, []);
  useEffect(() => {
    if (initial instanceof Promise) follow(initial);
  }, [initial, follow]);
  useEffect(() => {
    // The store lives as long as the page; React StrictMode runs effects twice, each plan runs once.
    if (plan === null || store === null || plan.compare !== undefined || booted.current === plan) return;
    booted.current = plan;
    void runBoot(store, plan, FALLBACK_SOURCE, DEFAULT_LESSON_ID);
  }, [store, plan]);
  useEffect(() => {
    // A link pasted into the address bar of this page changes only the fragment: open it too.
    const onHash = (): void => {
      if (window.location.hash.length > 1) follow(planFromUrl());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [follow]);
  if (plan === null) return <p className="app-loading">{t('shell.loading')}</p>;
  if (plan.compare !== undefined) {
    return (
      <Suspense fallback={<p className="app-loading">{t('shell.loading')}</p>}>
        <CompareRoot plan={plan} />
      </Suspense>
    );
  }
  if (store === null) return <p className="app-loading">{t('shell.loading')}</p>;
  return <SimStoreProvider store={store}>{plan.embed ? <EmbedWorkspace /> : <Workspace />}</SimStoreProvider>;
}

/** The compare view, loaded when the page opens a comparison (not part of the first load). */
const CompareRoot = lazy(() => import('./compare/compare-root').then((m) => ({ default: m.CompareRoot })));

let single: SimStore | null = null;
/** The page's one single-run store, made on first need (StrictMode renders twice: still one store). */
function singleStore(): SimStore {
  single ??= createSimStore(createWorkerClient());
  return single;
}

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/** Top-level error boundary: a render error anywhere below shows a message, not a blank page. */
export class AppErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Informer Lab crashed while rendering', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) {
      return this.props.children;
    }
    return (
      <div className="app-crash" role="alert">
        <h1>Informer Lab hit an error</h1>
        <p>Something went wrong while drawing the page. Reloading usually helps.</p>
        <pre className="app-crash-detail">{error.message}</pre>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
