import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The production build's Content-Security-Policy: no inline script, no third-party origin of any
 * kind, so a query can never leave the page. Added at build time only, because the dev server
 * injects inline scripts and styles for hot reloading. The browser tests' static server sends the
 * same string as a response header (test/e2e/static-server.ts imports it from here).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The search worker and the offline service worker are both our own same-origin scripts.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'sanctions-explorer-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/** The `<meta>` naming the search worker's built script, read by public/early-data.js. */
export const SEARCH_WORKER_META = 'sanctions-search-worker';

/**
 * Names the search worker's built script (its name carries a content hash) in index.html, so that
 * public/early-data.js can start the worker while the app's bundle still downloads. Started by the
 * bundle instead, its script often loaded behind the 17 MB listings file and the worker took up
 * its share of the checks ~0.4 s late.
 */
function earlySearchWorker(): Plugin {
  let base = '/';
  return {
    name: 'sanctions-explorer-early-search-worker',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const files = Object.keys(context.bundle ?? {});
        const workers = files.filter((file) => /^assets\/search-worker-[\w-]+\.js$/.test(file));
        const worker = workers[0];
        if (worker === undefined || workers.length > 1) {
          throw new Error(
            `expected one search worker script in the build, found ${workers.length}`,
          );
        }
        return [
          {
            tag: 'meta',
            attrs: { name: SEARCH_WORKER_META, content: base + worker },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/**
 * The service worker that keeps the app usable offline after a first visit. The app shell is
 * precached at build time. The data is not: the pipeline writes `data/*` (JSON, and the binary
 * search file) into the output AFTER `vite build`, so it is cached at run time, network first,
 * and a new list release is picked up as soon as the network answers. The worker is registered
 * from our own code (src/app/register-service-worker.ts), never by an inline script the CSP would
 * refuse.
 */
function offlineServiceWorker(): Plugin[] {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: false,
    manifest: false,
    devOptions: { enabled: false },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
      // `npm run build` copies public/data into dist: never freeze a data release into the shell.
      globIgnores: ['data/**'],
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/data\//],
      runtimeCaching: [
        {
          urlPattern: /\/data\/[^/]+\.(json|bin)$/,
          handler: 'NetworkFirst',
          options: {
            cacheName: 'sanctions-data',
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 8 },
            plugins: [
              {
                // Called only when the network failed and the cache answers: the response says
                // so (OFFLINE_COPY_HEADER in src/data/load-dataset.ts), and the page tells the
                // reader that the lists shown are the copy saved at an earlier visit. Inlined
                // into sw.js by Workbox, so it must not use anything from this file.
                cachedResponseWillBeUsed: async ({ cachedResponse }) => {
                  if (!cachedResponse) return cachedResponse;
                  const headers = new Headers(cachedResponse.headers);
                  headers.set('X-Sanctions-Offline-Copy', '1');
                  return new Response(await cachedResponse.blob(), {
                    status: cachedResponse.status,
                    statusText: cachedResponse.statusText,
                    headers,
                  });
                },
              },
            ],
          },
        },
      ],
    },
  });
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), earlySearchWorker(), offlineServiceWorker()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  worker: { format: 'es' },
  test: {
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Some tests read the real lists (~6 MB of CSV); on a busy 2-core machine that can
          // take longer than the 5 s default. Timings themselves are never asserted.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
          // axe over a rendered page can pass 5 s on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          // Pages load the full lists (16 MB) before they show anything: on a busy 2-core
          // machine that can take seconds, so polled expectations wait up to 15 s.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 180_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
