import { createContext, type ReactNode, useContext } from 'react';
import { useQuery } from 'urql';
import { SessionDocument, type SessionQuery, type ViewerMemberFragment } from './generated/graphql.js';

/**
 * The session's CSRF token, sent with every request (the API needs it on mutations made with the session
 * cookie). It is read from `currentSession`, which another site cannot read, so only this client has it.
 */
let csrfToken = '';

export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export interface Session {
  /** Null when signed out. */
  member: ViewerMemberFragment | null;
  unreadNotifications: number;
  signInMethods: SessionQuery['signInMethods'] | null;
  /** True until the first answer, so pages do not flash "sign in" at signed-in people. */
  loading: boolean;
  /** Fetches the session again (after a change to the member or their notifications). */
  refresh: () => void;
  /** Editors and admins of an organisation can start and adapt experiments. */
  canPublish: boolean;
}

const SessionContext = createContext<Session>({
  member: null,
  unreadNotifications: 0,
  signInMethods: null,
  loading: true,
  refresh: () => {},
  canPublish: false,
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching }, reexecute] = useQuery({ query: SessionDocument });
  // Kept for the browser's requests only: a server rendering many visitors' pages must not hold one's token.
  if (typeof window !== 'undefined') csrfToken = data?.currentSession?.csrfToken ?? '';
  const member = data?.currentSession?.member ?? null;
  const session: Session = {
    member,
    unreadNotifications: data?.unreadNotificationCount ?? 0,
    signInMethods: data?.signInMethods ?? null,
    loading: fetching && !data,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
    canPublish: Boolean(member?.organisation && (member.role === 'EDITOR' || member.role === 'ADMIN')),
  };
  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}

/** After signing out, start afresh so no signed-in data stays in the page's cache. */
export function reloadSignedOut(): void {
  csrfToken = '';
  window.location.assign('/');
}
