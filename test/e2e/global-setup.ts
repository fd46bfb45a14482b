import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser';
import { serveStatic, type StaticServer } from './static-server';

/**
 * Builds the production app once for all browser tests, with the REAL lists read in place from
 * $SANCTIONS_SOURCES (default ../shared/data), and serves it on 127.0.0.1.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = join(ROOT, '.cache/e2e-dist');

let server: StaticServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium();
  const sources = resolve(ROOT, process.env.SANCTIONS_SOURCES ?? '../shared/data');
  if (!existsSync(sources)) {
    throw new Error(
      `Browser tests need the official lists: none at ${sources}. Set SANCTIONS_SOURCES to the folder that holds them.`,
    );
  }
  // Vitest sets NODE_ENV=test, which the child would inherit: Vite would then build React's
  // development bundle with import.meta.env.PROD false (and so no service worker).
  run('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], false, {
    NODE_ENV: 'production',
  });
  run(
    'npx',
    ['tsx', 'src/pipeline/cli.ts', '--from', sources, '--out', join(OUT_DIR, 'data')],
    true,
  );
  server = await serveStatic(OUT_DIR);
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.close();
  };
}

function run(command: string, args: string[], quiet = false, env: NodeJS.ProcessEnv = {}): void {
  execFileSync(command, args, {
    cwd: ROOT,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: { ...process.env, ...env },
  });
}

/** On a fresh Debian machine as root, install Debian's Chromium; elsewhere say what is missing. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian chromium for the browser tests…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(CHROMIUM_PATH)) return;
  }
  throw new Error(
    `Browser tests need Chromium at ${CHROMIUM_PATH}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
