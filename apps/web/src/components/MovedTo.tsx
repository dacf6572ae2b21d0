import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { usePermanentRedirect } from '../render-context.js';

/** This address has moved for good to `to`: the server answers 301, the browser goes there without a history entry. */
export function MovedTo({ to }: { to: string }) {
  usePermanentRedirect(to);
  const navigate = useNavigate();
  useEffect(() => {
    navigate(to, { replace: true });
  }, [navigate, to]);
  return null;
}
