// The app: the engine runs in a Web Worker behind the bridge; the zustand store holds the view; the
// workspace draws the figure, the controls and the inspectors. A top-level error boundary turns a render
// error into a message instead of a blank page.
import { Component, type ErrorInfo, type ReactNode, useEffect, useState } from 'react';
import { createWorkerClient } from '../bridge';
import { createSimStore } from '../store';
import { SimStoreProvider } from '../store/react';
import { Workspace } from './shell/workspace';
import './theme.css';
import './shell/shell.css';

/** One engine (in a Web Worker) and one store for the page. */
export function App(): ReactNode {
  const [store] = useState(() => createSimStore(createWorkerClient()));
  useEffect(() => {
    // The store lives as long as the page (React StrictMode may run this twice: the second load wins).
    void store.getState().load({ kind: 'library', name: 'default' });
  }, [store]);
  return (
    <SimStoreProvider store={store}>
      <Workspace />
    </SimStoreProvider>
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
