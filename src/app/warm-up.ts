import { readColumnVisibility } from '../features/explorer/model/column-visibility';

/**
 * Work the first render of the lists would otherwise do cold, done while they download.
 *
 * The first read of localStorage loads the site's storage (~8 ms in a profile of the first
 * render, where the explorer reads the reader's column choice).
 *
 * Counts were warmed here too, when they were formatted by ICU (its data took 35–100 ms to load
 * in a profile of the first render); `formatCount` no longer needs it. In Chromium without
 * DevTools the main thread has little time to spare before the listings arrive, so whatever is
 * warmed here may wait in front of them: keep it small. (ICU's data warmed here, or in the
 * worker, sped up the first render by 20–30 ms but slowed what came before it as much.)
 */
export function warmUpWhileDownloading(): void {
  // After the current task: the app's bundle evaluates and renders its loading state first.
  setTimeout(() => {
    try {
      readColumnVisibility(globalThis.localStorage);
    } catch {
      // Storage the browser refuses (a blocked site) is the explorer's to handle; nothing to warm.
    }
  }, 0);
}
