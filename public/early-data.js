/*
 * The page's very first script: asks for the lists, and starts the search worker, before the
 * app's bundle has even downloaded.
 *
 * A plain, blocking script in <head>, kept in public/ so that Vite copies it as it is: it runs as
 * soon as the HTML parser reaches it, ~0.15 s before the app's module can (which must first be
 * downloaded, parsed and evaluated, 0.5 MB of it). It decides nothing. It leaves the responses in
 * `window.__sanctionsEarlyRequests`, keyed by the URL the app will ask for, and the worker in
 * `window.__sanctionsEarlyWorker`; the app takes them over (src/app/early-fetch.ts,
 * src/app/early-worker.ts) and checks the data exactly as if it had fetched it itself.
 * The file names are those of src/domain/data-files.ts (a unit test holds them together); the
 * worker's script is named by a <meta> that the build writes (vite.config.ts).
 */
(function () {
  var script = document.currentScript;
  if (!script || typeof fetch !== 'function') return;
  // The app's base path is the folder this script is served from (public/ goes to the base).
  var base = new URL(script.src).pathname.replace(/[^/]*$/, '');
  var requests = {};
  ['manifest.json', 'listings.json'].forEach(function (file) {
    var url = base + 'data/' + file;
    var response = fetch(url, { cache: 'no-cache' });
    // Reported by the loader when it takes the response, never as an unhandled rejection here.
    response.catch(function () {});
    requests[url] = response;
  });
  performance.mark('data:request');
  window.__sanctionsEarlyRequests = requests;

  // Its script then loads alongside the lists rather than behind them.
  var worker = document.querySelector('meta[name="sanctions-search-worker"]');
  if (worker && typeof Worker === 'function') {
    try {
      window.__sanctionsEarlyWorker = new Worker(worker.content, { type: 'module' });
    } catch {
      // The app starts its own worker instead.
    }
  }
})();
