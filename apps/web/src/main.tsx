import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './shared/i18n/i18n';
import './app/global.css';
import { App } from './app/App';
import { preloadFor } from './app/pages';
import { session } from './shared/auth/session';

// Restore the session from the HttpOnly refresh cookie while the first page's code downloads.
void session.refresh();
preloadFor(window.location.pathname);

void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
