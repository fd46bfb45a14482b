/*
 * The page's very first script: asks for the lists, and starts the search worker on the search
 * file, before the app's bundle has even downloaded.
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
  /**
   * The listings file (17 MB) by XMLHttpRequest, whose body the browser gathers natively as it
   * arrives: read as a stream it cost the main thread ~0.3 s of chunk handling, and left
   * unread until the app's bundle took it over, the download stalled. As a Blob: asked for as
   * an 'arraybuffer', the same download ended ~0.4 s later in Chromium. Progress is kept in
   * `window.__sanctionsEarlyProgress[url]` for the loading bar. The answer is a Response like
   * fetch's, or a TypeError like fetch's when the request fails.
   */
  function download(url, progress) {
    return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      request.open('GET', url);
      request.responseType = 'blob';
      // As fetch's `cache: 'no-cache'`: a cached copy is used only once the server confirms it.
      request.setRequestHeader('Cache-Control', 'max-age=0');
      request.onprogress = function (event) {
        progress.loaded = event.loaded;
        if (progress.listener) progress.listener(event.loaded);
      };
      request.onload = function () {
        var headers = new Headers();
        request
          .getAllResponseHeaders()
          .split('\r\n')
          .forEach(function (line) {
            var colon = line.indexOf(':');
            if (colon > 0)
              headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
          });
        // A status no Response can carry (0 and the like) is a failed request for fetch too.
        try {
          resolve(
            new Response(request.response, {
              status: request.status,
              statusText: request.statusText,
              headers: headers,
            }),
          );
        } catch {
          reject(new TypeError('Failed to fetch ' + url + ' (HTTP ' + request.status + ')'));
        }
      };
      request.onerror =
        request.ontimeout =
        request.onabort =
          function () {
            reject(new TypeError('Failed to fetch ' + url));
          };
      request.send();
    });
  }

  var script = document.currentScript;
  if (!script || typeof fetch !== 'function') return;
  // The app's base path is the folder this script is served from (public/ goes to the base).
  var base = new URL(script.src).pathname.replace(/[^/]*$/, '');
  var requests = {};
  var progress = {};
  // The first rows (first-rows.json, ~36 KB, 4 KB gzip) are shown while the listings download.
  ['manifest.json', 'first-rows.json', 'listings.json'].forEach(function (file) {
    var url = base + 'data/' + file;
    var response;
    if (file === 'listings.json' && typeof XMLHttpRequest === 'function') {
      progress[url] = { loaded: 0, listener: null };
      response = download(url, progress[url]);
    } else {
      response = fetch(url, { cache: 'no-cache' });
    }
    // Reported by the loader when it takes the response, never as an unhandled rejection here.
    response.catch(function () {});
    requests[url] = response;
    if (file === 'manifest.json') {
      // A copy of its text, for the app's first module to start search with before the app has
      // rendered (src/app/early-search.ts); the loader reads the response itself, as ever.
      window.__sanctionsEarlyManifestText = response
        .then(function (answer) {
          return answer.ok ? answer.clone().text() : null;
        })
        .catch(function () {
          return null;
        });
    }
  });
  performance.mark('data:request');
  window.__sanctionsEarlyRequests = requests;
  window.__sanctionsEarlyProgress = progress;

  // Its script then loads alongside the lists rather than behind them. The search file is
  // downloaded from here, before the worker's script has even loaded, and its bytes sent on
  // (src/search/protocol.ts, 'prefetch-search-file' and 'search-file-bytes').
  var worker = document.querySelector('meta[name="sanctions-search-worker"]');
  if (worker && typeof Worker === 'function') {
    try {
      var searchWorker = new Worker(worker.content, { type: 'module' });
      var searchUrl = base + 'data/search.bin';
      if (typeof XMLHttpRequest === 'function') {
        searchWorker.postMessage({
          type: 'prefetch-search-file',
          url: searchUrl,
          bytesFollow: true,
        });
        var sendBytes = function (blob) {
          searchWorker.postMessage({ type: 'search-file-bytes', url: searchUrl, blob: blob });
        };
        download(searchUrl, { loaded: 0, listener: null })
          .then(function (response) {
            return response.ok ? response.blob() : null;
          })
          .then(sendBytes, function () {
            sendBytes(null);
          });
      } else {
        searchWorker.postMessage({ type: 'prefetch-search-file', url: searchUrl });
      }
      window.__sanctionsEarlyWorker = searchWorker;
    } catch {
      // The app starts its own worker instead.
    }
  }
})();
