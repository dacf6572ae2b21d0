import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { Client, Provider, type SSRData, ssrExchange, fetchExchange } from 'urql';
import { App } from './App.js';
import { type ServerRender, ServerRenderProvider } from './render-context.js';
import { SessionProvider } from './session.js';
import { synapseCacheExchange } from './urql.js';

/** How the server answers a GraphQL request made while rendering (in the same process, as the caller). */
export type ExecuteGraphQL = (body: string) => Promise<{ status: number; body: string }>;

export interface RenderRequest {
  /** The path and query string asked for: /experiments/x?y */
  url: string;
  origin: string;
  execute: ExecuteGraphQL;
  /** Aborts a render that takes too long; the server then sends the page without server-rendered content. */
  signal?: AbortSignal;
}

export interface RenderedPage {
  /** The app's markup, for inside `<div id="root">`. */
  body: string;
  /** `<title>`, `<meta>` and `<link>` elements the page asked for, for the document's head. */
  head: string;
  /** The results the render fetched, for the browser's first render (hydration) to read instead of asking again. */
  data: SSRData;
  status: number;
  location: string | null;
}

/** React writes a page's title, meta and link elements before its markup: they belong in the head. */
const HOISTED = /^(?:<title>[^<]*<\/title>|<meta [^>]*\/>|<link [^>]*\/>)*/;

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let html = '';
  for await (const chunk of stream) html += chunk.toString();
  return html;
}

/**
 * Renders a page on the server with all its data: each query the page makes runs through `execute` and the
 * render waits for it (urql's suspense mode), so the HTML arrives complete.
 */
export async function render({ url, origin, execute, signal }: RenderRequest): Promise<RenderedPage> {
  const ssr = ssrExchange({ isClient: false });
  const client = new Client({
    url: `${origin}/graphql`,
    exchanges: [synapseCacheExchange(), ssr, fetchExchange],
    // The fetch exchange's requests are answered in this process, with the visitor's own session.
    fetch: async (_input, init) => {
      const answer = await execute(String(init?.body ?? ''));
      return new Response(answer.body, { status: answer.status, headers: { 'content-type': 'application/json' } });
    },
    suspense: true,
    requestPolicy: 'cache-first',
    preferGetMethod: false,
  });
  const server: ServerRender = { origin, status: 200, location: null };
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <ServerRenderProvider value={server}>
        <Provider value={client}>
          <SessionProvider>
            <StaticRouter location={url}>
              <App />
            </StaticRouter>
          </SessionProvider>
        </Provider>
      </ServerRenderProvider>
    </StrictMode>,
    { signal },
  );
  const html = await text(prelude);
  // Stopped part-way, the page would be incomplete: the server sends it for the browser to render instead.
  if (signal?.aborted) throw signal.reason;
  const head = HOISTED.exec(html)?.[0] ?? '';
  return { body: html.slice(head.length), head, data: ssr.extractData(), status: server.status, location: server.location };
}
