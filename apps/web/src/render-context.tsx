import { createContext, useContext } from 'react';

/**
 * What the server that renders a page knows of the request, and what the page tells it back: the status
 * code (404 for something unknown, 410 for something withdrawn) and where a moved page now lives (301).
 * In the browser the same context carries the origin the server rendered with, and status changes go nowhere.
 */
export interface ServerRender {
  /** The site's origin, without a trailing slash: https://synapse.example */
  origin: string;
  status: number;
  /** Set when the page has moved for good (a changed slug): the server answers 301 with this address. */
  location: string | null;
}

const ServerRenderContext = createContext<ServerRender | null>(null);

export const ServerRenderProvider = ServerRenderContext.Provider;

/** The site's origin, for absolute addresses (canonical links, shared links, schema.org). */
export function useOrigin(): string {
  const server = useContext(ServerRenderContext);
  return server ? server.origin : window.location.origin;
}

/** Tells the server which status code this page answers with (null: no change). Does nothing in the browser. */
export function useHttpStatus(status: number | null): void {
  const server = useContext(ServerRenderContext);
  if (server && status !== null) server.status = status;
}

/** Tells the server the page has moved for good to `to` (a path): it answers 301. */
export function usePermanentRedirect(to: string | null): void {
  const server = useContext(ServerRenderContext);
  if (server && to) {
    server.status = 301;
    server.location = to;
  }
}
