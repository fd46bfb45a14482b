/**
 * Work the first render of the lists would otherwise do cold, done while they download.
 *
 * The first `toLocaleString('en-US')` of a page loads ICU's number-formatting data: a CPU profile
 * of the first render put 35–100 ms of it in the data summary line, between the lists being
 * checked and the table being shown. The main thread is idle for ~0.5 s while the listings
 * download, so the same work done then costs the reader nothing. (V8 keeps the formatter for
 * repeated calls with the same locale.)
 */
export function warmUpWhileDownloading(): void {
  // After the current task: the app's bundle evaluates and renders its loading state first.
  setTimeout(() => {
    (0).toLocaleString('en-US');
  }, 0);
}
