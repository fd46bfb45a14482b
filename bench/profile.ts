/**
 * Diagnosis aid, not part of `npm run bench`: where the main thread's time goes while loading and
 * while typing. Builds the app WITHOUT minification into .cache/bench-profile (so function names
 * survive), reuses the data of .cache/bench-dist/data, records a CDP CPU profile of the page,
 * and prints self time per function.
 *
 *   npx tsx bench/profile.ts [load|typing]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/static-server';
import { KEYSTROKE_QUERIES } from './queries';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.cache/bench-profile');
const mode = process.argv[2] === 'load' ? 'load' : 'typing';

execFileSync(
  'npx',
  ['vite', 'build', '--outDir', OUT, '--emptyOutDir', '--minify', 'false', '--logLevel', 'error'],
  { cwd: ROOT, stdio: 'inherit' },
);
cpSync(join(ROOT, '.cache/bench-dist/data'), join(OUT, 'data'), { recursive: true });
const server = await serveStatic(OUT);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({
    content: readFileSync(join(import.meta.dirname, 'page/probe.js'), 'utf8'),
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (mode === 'load') await cdp.send('Profiler.start');
  await page.goto(`${server.url}/`);
  await page.evaluate('window.__bench.waitLoaded()');
  if (mode === 'typing') {
    await cdp.send('Profiler.start');
    const box = page.getByLabel('Search names, aliases and identifiers');
    let count = 0;
    for (const query of KEYSTROKE_QUERIES.slice(0, 20)) {
      await box.fill('');
      await page.evaluate(`window.__bench.waitSettled('')`);
      await box.focus();
      for (const character of query) {
        await page.keyboard.type(character);
        count += 1;
        await page.evaluate(`window.__bench.waitFor('keystrokes', ${count})`);
      }
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  const nodes = profile.nodes as ProfileNode[];
  const interval = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length ?? 1);
  const self = new Map<string, number>();
  for (const node of nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * interval);
  }
  // Inclusive time: every function on the stack of a sample, once per sample.
  const parent = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const inclusive = new Map<string, number>();
  for (const leaf of nodes) {
    const ms = (leaf.hitCount ?? 0) * interval;
    if (ms === 0) continue;
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame?.functionName) continue;
      const key = `${frame.functionName} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  console.log(`${mode}: ${total.toFixed(0)} ms sampled on the main thread; top self time:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
  const ours =
    /^(filterListings|buildFacetOptions|deriveFacts|classifySector|rationalesFor|parseListings|loadDataset|toSearchDocs|ExplorerPage|ResultsTable|FacetList|ReadyApp|ExportMenu|NameCell|useSearchRanks|parseExplorerSearch|formatExplorerSearch|sortRows|navigate|checkHash|fetchFileContent|ChartsPanel)\b/;
  console.log('\ninclusive time of our functions:');
  for (const [key, ms] of [...inclusive]
    .filter(([key]) => ours.test(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
} finally {
  await browser.close();
  await server.close();
}
