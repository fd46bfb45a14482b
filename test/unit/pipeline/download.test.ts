import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../src/domain/manifest';
import {
  DownloadError,
  OFFICIAL_FILES,
  downloadOfficialFiles,
} from '../../../src/pipeline/download';
import { FIXTURES, makeTempDir, runCliCaptured } from './cli-harness';

/**
 * `--download` against a local server on 127.0.0.1 that serves the fixtures at the paths of
 * OFFICIAL_FILES. Paths listed in `missing` answer 404; paths in `silent` never answer.
 */

const missing = new Set<string>();
const silent = new Set<string>();

function fixtureFor(urlPath: string): string {
  return path.join(FIXTURES, urlPath.replace(/^\/ofac\/consolidated\//, '/ofac/cons/'));
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const urlPath = request.url ?? '/';
    if (silent.has(urlPath)) return; // keep the connection open, say nothing
    const file = fixtureFor(urlPath);
    if (missing.has(urlPath) || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><body>Not Found</body></html>');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A port nothing listens on: open one, note it, close it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function folders(label: string) {
  const root = makeTempDir(label);
  return { downloads: path.join(root, 'downloads'), out: path.join(root, 'data') };
}

describe('npm run data -- --download', () => {
  it('downloads every official file and builds from them', async () => {
    const { downloads, out } = folders('download-ok');
    const run = await runCliCaptured([
      '--download',
      '--download-base',
      base,
      '--download-dir',
      downloads,
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    for (const file of OFFICIAL_FILES) {
      expect(readFileSync(path.join(downloads, file.path))).toEqual(
        readFileSync(fixtureFor(`/${file.path}`)),
      );
    }
    expect(run.stdout).toContain(`downloading ${base}/csl/consolidated.csv`);
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')),
    );
    expect(manifest.sample).toBe(false);
    expect(
      manifest.sources.flatMap((source) => source.files.map((file) => file.id)).sort(),
    ).toEqual(OFFICIAL_FILES.map((file) => file.path).sort());
    // All fetched the same day, so the precedence rule's tie-break applies: OFAC's own files
    // beat the CSL for the OFAC lists they carry.
    expect(manifest.lists.find((list) => list.code === 'SDN')?.source).toBe('ofac/sdn/sdn.csv');
    expect(manifest.lists.find((list) => list.code === 'EL')?.source).toBe('csl/consolidated.csv');
    expect(manifest.listingCount).toBe(65);
    // Fetched today from the official addresses: every source is as of today.
    const today = new Date().toISOString().slice(0, 10);
    for (const source of manifest.sources) {
      expect(source.asOf).toBe(today);
      expect(source.asOfBasis).toContain('downloaded');
    }
  });

  it('exits 3 on a 404, naming the URL and --from, and writes nothing', async () => {
    const { downloads, out } = folders('download-404');
    missing.add('/bis/dpl.txt');
    try {
      const run = await runCliCaptured([
        '--download',
        '--download-base',
        base,
        '--download-dir',
        downloads,
        '--out',
        out,
      ]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(
        `Could not download ${base}/bis/dpl.txt: the server answered HTTP 404 Not Found`,
      );
      expect(run.stderr).toContain('npm run data -- --from DIR');
    } finally {
      missing.clear();
    }
    expect(existsSync(downloads)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 3 when offline (connection refused), saying so', async () => {
    const { downloads, out } = folders('download-offline');
    const offline = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCliCaptured([
      '--download',
      '--download-base',
      offline,
      '--download-dir',
      downloads,
      '--out',
      out,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `Could not download ${offline}/csl/consolidated.csv: network error`,
    );
    expect(run.stderr).toMatch(/are you offline\?/);
    expect(run.stderr).toContain('--from DIR');
    expect(existsSync(downloads)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('gives up after --timeout-ms on a server that never answers', async () => {
    const { downloads, out } = folders('download-timeout');
    silent.add('/un/consolidated.xml');
    try {
      const run = await runCliCaptured([
        '--download',
        '--download-base',
        base,
        '--download-dir',
        downloads,
        '--timeout-ms',
        '300',
        '--out',
        out,
      ]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(
        `Could not download ${base}/un/consolidated.xml: no answer within 300 ms (offline, or the site is slow)`,
      );
    } finally {
      silent.clear();
    }
    expect(existsSync(downloads)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a --timeout-ms that is not a positive number as wrong usage', async () => {
    const run = await runCliCaptured(['--download', '--timeout-ms', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--timeout-ms takes a positive number');
  });
});

describe('downloadOfficialFiles', () => {
  it('keeps all files or none: a failure on the last file saves nothing', async () => {
    const target = path.join(makeTempDir('download-none'), 'files');
    const files = [
      { url: 'unused', path: 'bis/dpl.txt' },
      { url: 'unused', path: 'not/there.txt' },
    ];
    const failure = downloadOfficialFiles({
      targetDir: target,
      baseUrl: base,
      timeoutMs: 5_000,
      files,
    });
    await expect(failure).rejects.toThrow(DownloadError);
    await expect(failure).rejects.toMatchObject({ url: `${base}/not/there.txt` });
    expect(existsSync(target)).toBe(false);
  });

  it('rejects an empty answer', async () => {
    const target = path.join(makeTempDir('download-empty'), 'files');
    const emptyServer = createServer((_request, response) => response.end());
    await new Promise<void>((resolve) => emptyServer.listen(0, '127.0.0.1', resolve));
    const emptyBase = `http://127.0.0.1:${(emptyServer.address() as AddressInfo).port}`;
    try {
      await expect(
        downloadOfficialFiles({
          targetDir: target,
          baseUrl: emptyBase,
          timeoutMs: 5_000,
          files: [{ url: 'unused', path: 'bis/dpl.txt' }],
        }),
      ).rejects.toThrow(
        `Could not download ${emptyBase}/bis/dpl.txt: the server sent an empty file`,
      );
    } finally {
      emptyServer.closeAllConnections();
      await new Promise<void>((resolve) => emptyServer.close(() => resolve()));
    }
    expect(existsSync(target)).toBe(false);
  });
});
