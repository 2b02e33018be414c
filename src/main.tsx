// Browser entry point: mounts the app under a top-level error boundary so that a render error
// shows a message instead of a blank page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLanguage } from './i18n';
import { detectLanguage } from './i18n/browser';
import { App, AppErrorBoundary } from './view/App';
import './view/app.css';

const rootElement = document.getElementById('root');
if (!rootElement) {
  throw new Error('Informer Lab: #root element missing from index.html');
}

const root = rootElement;

function render(): void {
  createRoot(root).render(
    <StrictMode>
      <AppErrorBoundary>
        <App />
      </AppErrorBoundary>
    </StrictMode>,
  );
}

// The starting language's strings first (a Chinese page fetches its pack), so the first paint is in it;
// if that fetch fails the page starts in English rather than not at all.
loadLanguage(detectLanguage()).then(render, render);
