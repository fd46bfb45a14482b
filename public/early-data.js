/*
 * The page's very first script: asks for the lists before the app's bundle has even downloaded.
 *
 * A plain, blocking script in <head>, kept in public/ so that Vite copies it as it is: it runs as
 * soon as the HTML parser reaches it, ~0.15 s before the app's module can (which must first be
 * downloaded, parsed and evaluated, 0.5 MB of it). It decides nothing: it leaves the responses in
 * `window.__sanctionsEarlyRequests`, keyed by the URL the app will ask for, and the app's loader
 * takes them (src/app/early-fetch.ts) and checks them exactly as if it had fetched them itself.
 * The file names are those of src/domain/data-files.ts (a unit test holds them together).
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
})();
