import { readColumnVisibility } from '../features/explorer/model/column-visibility';
import { formatCount } from '../ui/format-count';

/**
 * Work the first render of the lists would otherwise do cold, done while they download.
 *
 * The first number formatted on a page loads ICU's number-formatting data: a CPU profile
 * of the first render put 35–100 ms of it in the data summary line, between the lists being
 * checked and the table being shown. The main thread is idle for ~0.5 s while the listings
 * download, so the same work done then costs the reader nothing.
 *
 * The first read of localStorage loads the site's storage (~8 ms in a profile of the first
 * render, where the explorer reads the reader's column choice).
 */
export function warmUpWhileDownloading(): void {
  // After the current task: the app's bundle evaluates and renders its loading state first.
  setTimeout(() => {
    formatCount(0);
    try {
      readColumnVisibility(globalThis.localStorage);
    } catch {
      // Storage the browser refuses (a blocked site) is the explorer's to handle; nothing to warm.
    }
  }, 0);
}
