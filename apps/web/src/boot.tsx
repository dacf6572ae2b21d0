import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider, type SSRData } from 'urql';
import { App } from './App.js';
import { ServerRenderProvider } from './render-context.js';
import { SessionProvider } from './session.js';
import { createUrqlClient } from './urql.js';

/** What the server fetched to render this page (see entry-server.tsx); absent when it sent no rendered page. */
function serverData(): { origin: string; urql: SSRData } | null {
  const script = document.getElementById('synapse-data');
  return script?.textContent ? (JSON.parse(script.textContent) as { origin: string; urql: SSRData }) : null;
}

const data = serverData();
// The origin the server rendered with (its public address), so absolute links are the same after hydration.
const render = { origin: data?.origin ?? window.location.origin, status: 200, location: null };
const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <ServerRenderProvider value={render}>
      <Provider value={createUrqlClient(data?.urql)}>
        <SessionProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </Provider>
    </ServerRenderProvider>
  </StrictMode>
);
// A server-rendered page is taken over where it stands (no flash, no second fetch); otherwise rendered here.
if (data) hydrateRoot(root, app);
else createRoot(root).render(app);
