// App chrome. For now a title, a one-line description and the fidelity badge; the client-go
// figure, toolbar and timeline will mount inside <main> later.
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** The client-go behaviour the simulator models by default (spec "Era A"). */
export const FIDELITY_BADGE = 'classic DeltaFIFO, client-go 1.26–1.32';

export function App(): ReactNode {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Informer Lab</h1>
        <span className="app-badge" data-testid="fidelity-badge">
          {FIDELITY_BADGE}
        </span>
      </header>
      <main className="app-main">
        <p className="app-lede">
          A step-through simulator of Kubernetes client-go controllers that runs in your browser: a simulated
          API server feeds Reflector → DeltaFIFO → Indexer → event handlers → Workqueue → workers.
        </p>
      </main>
    </div>
  );
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
