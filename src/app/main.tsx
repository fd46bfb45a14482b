import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { startupSettled } from './startup';
import './app.css';

performance.mark('app:start');
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

if (import.meta.env.PROD) {
  // Registered once the lists are shown and indexed: the offline worker must never delay the page.
  void startupSettled
    .then(() => import('./register-service-worker'))
    .then(({ registerServiceWorker }) => registerServiceWorker());
}
