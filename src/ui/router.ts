import { useSyncExternalStore } from 'react';

/**
 * A minimal history-API location store. The URL is the app's only view state, so every component
 * reads it through `useLocation` and changes it through `navigate`; back and forward restore the
 * view because nothing else holds it.
 */
export interface AppLocation {
  readonly pathname: string;
  readonly search: string;
}

const listeners = new Set<() => void>();
let snapshot: AppLocation = readLocation();

function readLocation(): AppLocation {
  if (typeof window === 'undefined') return { pathname: '/', search: '' };
  return { pathname: window.location.pathname, search: window.location.search };
}

function notify(): void {
  const next = readLocation();
  if (next.pathname === snapshot.pathname && next.search === snapshot.search) return;
  snapshot = next;
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): AppLocation {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => snapshot,
  );
}

export interface NavigateOptions {
  /** Replace the current history entry (typing in the search box) instead of adding one. */
  readonly replace?: boolean;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  const current = `${window.location.pathname}${window.location.search}`;
  if (to === current) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}
