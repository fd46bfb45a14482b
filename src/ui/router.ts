import { useSyncExternalStore } from 'react';

/**
 * A minimal history-API location store. The URL is the app's only view state, so every component
 * reads it through `useLocation` and changes it through `navigate`; back and forward restore the
 * view because nothing else holds it. A change is shown at once and written to history just
 * after (`navigate`).
 */
export interface AppLocation {
  readonly pathname: string;
  readonly search: string;
}

const listeners = new Set<() => void>();

/**
 * How long typing must pause before its URL is written to history. A `replaceState` per
 * keystroke cost the keystroke 1.2 ms at the median and 12.6 ms at the 95th percentile in
 * Chromium, and Chromium throttles a page that calls it hundreds of times in a few seconds.
 */
export const REPLACE_DELAY_MS = 300;

/**
 * How long after a click its history entry is written: once the page has drawn what the click
 * changed. A `pushState` held every facet click for ~4 ms before the table could change.
 */
export const PUSH_DELAY_MS = 50;

/** A URL the page shows already and has not yet written to history: typing (a replace) or a
 * click (a push). One at a time: a new navigation writes the pending one first. */
let pending: { readonly to: string; readonly replace: boolean } | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | undefined;

let snapshot: AppLocation = readLocation();

function readLocation(): AppLocation {
  if (typeof window === 'undefined') return { pathname: '/', search: '' };
  if (pending !== null) {
    const url = new URL(pending.to, window.location.href);
    return { pathname: url.pathname, search: url.search };
  }
  return { pathname: window.location.pathname, search: window.location.search };
}

function notify(): void {
  const next = readLocation();
  if (next.pathname === snapshot.pathname && next.search === snapshot.search) return;
  snapshot = next;
  for (const listener of listeners) listener();
}

/** Writes the pending URL to history now (before another navigation, or when the page is left). */
export function flushPendingWrite(): void {
  clearTimeout(pendingTimer);
  if (pending === null) return;
  const { to, replace } = pending;
  pending = null;
  if (to === `${window.location.pathname}${window.location.search}`) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    // Back or forward has left the entry the pending URL was meant for.
    clearTimeout(pendingTimer);
    pending = null;
    notify();
  });
  // A page left for another site, or put in the back-forward cache, keeps what was typed in its
  // history entry. A reload within REPLACE_DELAY_MS of the last keystroke does not: Chromium
  // picks the address to reload before the page hears of it (beforeunload is too late as well).
  window.addEventListener('pagehide', flushPendingWrite);
}

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

/**
 * Shows `to` at once, and writes it to history after: a push (a new entry) once the page has
 * drawn it (`PUSH_DELAY_MS`), a replace (typing) once typing pauses for `REPLACE_DELAY_MS`; either
 * sooner when another navigation comes, or when the page is left.
 */
export function navigate(to: string, options: NavigateOptions = {}): void {
  if (options.replace) {
    if (to === `${snapshot.pathname}${snapshot.search}`) return;
    // A click's entry is written before typing replaces it.
    if (pending?.replace === false) flushPendingWrite();
    pending = { to, replace: true };
    clearTimeout(pendingTimer);
    pendingTimer = setTimeout(flushPendingWrite, REPLACE_DELAY_MS);
    notify();
    return;
  }
  flushPendingWrite();
  if (to === `${window.location.pathname}${window.location.search}`) return;
  pending = { to, replace: false };
  pendingTimer = setTimeout(flushPendingWrite, PUSH_DELAY_MS);
  notify();
}

/** The address of the view shown, typing included (the address bar may lag it). */
export function currentHref(): string {
  return new URL(`${snapshot.pathname}${snapshot.search}`, window.location.href).href;
}
