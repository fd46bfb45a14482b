/**
 * The bench-only files, written into a production build's `__bench/` folder (never part of the
 * app's own build in dist/): the floors page (`page/floors.js`, with MiniSearch beside it) and
 * the search floor's worker (`page/search-floor-worker.ts`, bundled with the app's engine).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build as viteBuild } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

export async function writeBenchPages(dist: string): Promise<void> {
  const bench = join(dist, '__bench');
  mkdirSync(bench, { recursive: true });
  copyFileSync(
    join(ROOT, 'node_modules/minisearch/dist/es/index.js'),
    join(bench, 'minisearch.js'),
  );
  copyFileSync(join(ROOT, 'bench/page/floors.js'), join(bench, 'floors.js'));
  writeFileSync(
    join(bench, 'floors.html'),
    '<!doctype html><meta charset="utf-8"><title>floors</title><script type="module" src="./floors.js"></script>\n',
  );
  await viteBuild({
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    build: {
      outDir: bench,
      emptyOutDir: false,
      lib: {
        entry: join(ROOT, 'bench/page/search-floor-worker.ts'),
        formats: ['es'],
        fileName: () => 'search-floor-worker.js',
      },
    },
  });
}
