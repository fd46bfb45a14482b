/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the offline service worker (configured in vite.config.ts) from our own bundle: the
 * CSP forbids the inline registration script the plugin could inject instead. Production only,
 * so the dev server and the tests never run a worker that caches stale modules.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
