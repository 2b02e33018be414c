// Browser entry point: mounts the app under a top-level error boundary so that a render error
// shows a message instead of a blank page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, AppErrorBoundary } from './view/App';
import './view/app.css';

const rootElement = document.getElementById('root');
if (!rootElement) {
  throw new Error('Informer Lab: #root element missing from index.html');
}

createRoot(rootElement).render(
  <StrictMode>
    <AppErrorBoundary>
      <App />
    </AppErrorBoundary>
  </StrictMode>,
);
