import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  readonly url: string;
  /** Every path requested, in order, for the privacy test. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Serves a production build on 127.0.0.1 the way a static host would: files as they are, and
 * `index.html` for any other path (the app routes `/entity/…` itself). Every answer carries the
 * same Content-Security-Policy as the build's `<meta>`, as a careful host would send it.
 */
export interface StaticServerOptions {
  /** Answers a request itself and says so (true), before any file is looked up: the benchmark's
   * own pages and reports. */
  readonly intercept?: (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ) => boolean;
}

export async function serveStatic(
  root: string,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodePath(request.url ?? '/');
    requests.push(path);
    if (options.intercept?.(request, response, path) === true) return;
    const candidate = normalize(join(base, path));
    const file =
      candidate.startsWith(base) && existsSync(candidate) && statSync(candidate).isFile()
        ? candidate
        : join(base, 'index.html');
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        // Kept-alive browser connections would hold the port open (and keep an "offline" page online).
        server.closeAllConnections();
      }),
  };
}

/** A path with broken percent-encoding (`/entity/%E0%A4%A`) is kept as sent: the app says "not found". */
function decodePath(url: string): string {
  const path = new URL(url, 'http://localhost').pathname;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
