import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App, preloadPage } from './App';
import { prefetchMe } from './auth/authProvider';
import { restoreSavedLocale } from './i18n/i18nProvider';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing in index.html');

// A reload or a bookmark with a session: `/me` and the page's chunk load side by side, not one
// after the other behind React's first render.
if (prefetchMe()) preloadPage(window.location.hash);

// Chinese (the default) renders at once; a saved English choice first fetches its catalog.
void restoreSavedLocale().then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
