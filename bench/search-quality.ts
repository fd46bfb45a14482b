/**
 * Search quality: an evaluation set generated deterministically (seeded) from the real lists, each
 * query with the listing it must find, run in Node against our engine (`buildSearchIndex`,
 * `searchListings`) and against MiniSearch with its default options over the same names.
 * A query made from listing X is found at k when X, or a listing bearing the same normalised name
 * (the same party on two lists), is among the first k listings.
 *
 * Standalone: `npx tsx bench/search-quality.ts [data dir]` (default .cache/bench-dist/data).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import type { Listing } from '../src/domain/listing';
import { buildSearchIndex, searchListings } from '../src/search/engine';
import { normalizeName } from '../src/search/normalize';
import { toSearchDocs } from '../src/search/search-docs';
import { createRng, type Rng } from './rng';
import { summarize, type Summary } from './stats';

export const VARIANTS = [
  'typo',
  'legal-form-dropped',
  'word-order',
  'joined-split',
  'alias',
  'prefix-60',
  'lower-no-punct',
  'hard-pair',
] as const;
export type Variant = (typeof VARIANTS)[number];

export interface EvalQuery {
  readonly variant: Variant;
  readonly query: string;
  readonly targetId: string;
  /** The name the query was made from (the primary name, or the alias). */
  readonly sourceName: string;
}

const PER_VARIANT = 72;
export const QUALITY_SEED = 20260101;

const LEGAL_TAIL =
  /[\s,]+(?:co\.?,?\s*ltd\.?|company\s+limited|limited\s+liability\s+company|limited|ltd\.?|l\.?l\.?c\.?|inc\.?|incorporated|corporation|corp\.?|co\.|company|jsc|ojsc|pjsc|cjsc|ooo|zao|oao|gmbh|s\.a\.?|sa|ag|plc|fze|fzco|llp|pte\.?\s*ltd\.?|sdn\.?\s*bhd\.?)\s*$/i;
const LEGAL_HEAD =
  /^(?:limited liability company|(?:open |closed |public )?joint[- ]stock company|ooo|oao|zao|ao|pao|jsc|ojsc|pjsc|cjsc)\s+/i;

function dropLegalForm(name: string): string | null {
  const stripped = name.replace(LEGAL_TAIL, '').replace(LEGAL_HEAD, '').trim();
  return stripped !== name.trim() && stripped.length >= 3 ? stripped : null;
}

function typo(name: string, rng: Rng): string | null {
  const words = [...name.matchAll(/\p{L}{5,}/gu)];
  if (words.length === 0) return null;
  const longest = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const word = longest[0];
  const at = 1 + rng.int(word.length - 1);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[rng.int(26)]!;
  const edit = rng.int(3);
  let changed: string;
  if (edit === 0) {
    const replacement = letter === word[at]?.toLowerCase() ? 'q' : letter;
    changed = word.slice(0, at) + replacement + word.slice(at + 1);
  } else if (edit === 1) changed = word.slice(0, at) + word.slice(at + 1);
  else changed = word.slice(0, at) + letter + word.slice(at);
  const start = longest.index ?? 0;
  return name.slice(0, start) + changed + name.slice(start + word.length);
}

function swapWords(name: string): string | null {
  const words = name.split(/\s+/).filter((word) => word.length > 0);
  if (words.length < 2) return null;
  const swapped =
    words.length <= 3 ? [...words].reverse() : [words[1]!, words[0]!, ...words.slice(2)];
  return swapped.join(' ');
}

function joinOrSplit(name: string, rng: Rng): string | null {
  const words = name.split(/\s+/).filter((word) => word.length > 0);
  const joinable = words
    .map((_, index) => index)
    .filter(
      (index) =>
        index + 1 < words.length &&
        /^\p{L}{3,}$/u.test(words[index]!) &&
        /^\p{L}{3,}$/u.test(words[index + 1]!),
    );
  const splittable = words
    .map((_, index) => index)
    .filter((index) => /^\p{L}{8,}$/u.test(words[index]!));
  const doJoin = joinable.length > 0 && (splittable.length === 0 || rng.next() < 0.5);
  if (doJoin) {
    const at = rng.pick(joinable);
    return [...words.slice(0, at), words[at]! + words[at + 1]!, ...words.slice(at + 2)].join(' ');
  }
  if (splittable.length === 0) return null;
  const at = rng.pick(splittable);
  const word = words[at]!;
  const half = Math.floor(word.length / 2);
  return [
    ...words.slice(0, at),
    word.slice(0, half),
    word.slice(half),
    ...words.slice(at + 1),
  ].join(' ');
}

function prefix60(name: string): string | null {
  const cut = name.slice(0, Math.ceil(name.length * 0.6)).trim();
  return cut.length >= 3 ? cut : null;
}

function lowerNoPunctuation(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

type Generator = (listing: Listing, rng: Rng) => { query: string; sourceName: string } | null;

const GENERATORS: Record<Exclude<Variant, 'hard-pair'>, Generator> = {
  typo: (listing, rng) => withSource(listing.name, typo(listing.name, rng)),
  'legal-form-dropped': (listing) => withSource(listing.name, dropLegalForm(listing.name)),
  'word-order': (listing) => withSource(listing.name, swapWords(listing.name)),
  'joined-split': (listing, rng) => withSource(listing.name, joinOrSplit(listing.name, rng)),
  alias: (listing, rng) => {
    const own = normalizeName(listing.name);
    const aliases = listing.aliases.filter(
      (alias) =>
        alias.kind !== 'weak' && alias.name.length >= 4 && normalizeName(alias.name) !== own,
    );
    if (aliases.length === 0) return null;
    const alias = rng.pick(aliases);
    return { query: alias.name, sourceName: alias.name };
  },
  'prefix-60': (listing) => withSource(listing.name, prefix60(listing.name)),
  'lower-no-punct': (listing) => withSource(listing.name, lowerNoPunctuation(listing.name)),
};

function withSource(sourceName: string, query: string | null) {
  return query === null || query === sourceName ? null : { query, sourceName };
}

/** Known hard cases from the seed story and the issue; skipped when the lists lack the target. */
const HARD_PAIRS: readonly { query: string; target: RegExp }[] = [
  { query: 'Gazprom Bank', target: /^GAZPROMBANK JOINT STOCK COMPANY$/ },
  { query: 'gazprombank', target: /^GAZPROMBANK JOINT STOCK COMPANY$/ },
  { query: 'Megvi', target: /^MEGVII TECHNOLOGY LIMITED$/ },
  { query: 'Megvi Technology', target: /^Megvii Technology$/ },
  { query: 'Sugon', target: /^DAWNING INFORMATION INDUSTRY/ },
  { query: 'Sugon', target: /^Sugon$/ },
  { query: 'Dawning', target: /^Sugon$/ },
  { query: 'Huawei Technologies', target: /^HUAWEI TECHNOLOGIES CO\., LTD\.$/ },
  { query: 'Huawei Investment and Holding', target: /^HUAWEI INVESTMENT & HOLDING CO\., LTD\.$/ },
  { query: 'Kim Jong Un', target: /^KIM,? Jong Un$/i },
  { query: 'Hezbollah', target: /^HIZBALLAH$/ },
  { query: 'Islamic Revolutionary Guard Corps', target: /^ISLAMIC REVOLUTIONARY GUARD CORPS$/ },
];

function hardPairs(listings: readonly Listing[]): EvalQuery[] {
  const byId = [...listings].sort((a, b) => (a.id < b.id ? -1 : 1));
  const out: EvalQuery[] = [];
  for (const pair of HARD_PAIRS) {
    const target = byId.find((listing) => pair.target.test(listing.name));
    if (target)
      out.push({
        variant: 'hard-pair',
        query: pair.query,
        targetId: target.id,
        sourceName: target.name,
      });
  }
  // Huawei affiliates on the Entity List, as a journalist would type them.
  const affiliates = byId
    .filter((listing) => /^huawei/i.test(listing.name) && listing.name.length < 60)
    .slice(0, 10);
  for (const listing of affiliates) {
    const query = lowerNoPunctuation(dropLegalForm(listing.name) ?? listing.name);
    out.push({ variant: 'hard-pair', query, targetId: listing.id, sourceName: listing.name });
  }
  return out;
}

export function generateEvaluationSet(
  listings: readonly Listing[],
  seed = QUALITY_SEED,
): EvalQuery[] {
  const rng = createRng(seed);
  const out: EvalQuery[] = [];
  for (const variant of VARIANTS) {
    if (variant === 'hard-pair') continue;
    const generate = GENERATORS[variant];
    let made = 0;
    for (const listing of rng.shuffle(listings)) {
      if (made >= PER_VARIANT) break;
      const generated = generate(listing, rng);
      if (generated === null) continue;
      out.push({ variant, targetId: listing.id, ...generated });
      made += 1;
    }
  }
  return [...out, ...hardPairs(listings)];
}

export interface Recall {
  readonly n: number;
  readonly at1: number;
  readonly at10: number;
}

export interface Miss {
  readonly query: string;
  readonly target: string;
  readonly targetName: string;
  /** Rank (1-based) the target reached, or null when not in the first 10. */
  readonly rank: number | null;
  readonly top3: readonly string[];
}

export interface EngineQuality {
  readonly buildMs: number;
  readonly queryMs: Summary;
  readonly byVariant: Readonly<Record<string, Recall>>;
  readonly overall: Recall;
  readonly misses: Readonly<Record<string, readonly Miss[]>>;
}

export interface QualityReport {
  readonly seed: number;
  readonly queries: number;
  readonly ours: EngineQuality;
  readonly minisearch: EngineQuality;
}

type Engine = (query: string) => readonly string[];

function miniSearchDefaults(listings: readonly Listing[]): Engine {
  const docs = listings.flatMap((listing) =>
    [listing.name, ...listing.aliases.map((alias) => alias.name)].map((name) => ({
      listingId: listing.id,
      name,
    })),
  );
  const engine = new MiniSearch({ fields: ['name'], storeFields: ['listingId'] });
  engine.addAll(docs.map((doc, id) => ({ id, ...doc })));
  return (query) => {
    const seen: string[] = [];
    for (const result of engine.search(query)) {
      const id = String(result['listingId']);
      if (!seen.includes(id)) seen.push(id);
      if (seen.length === 10) break;
    }
    return seen;
  };
}

function evaluate(
  build: () => Engine,
  queries: readonly EvalQuery[],
  accepted: (query: EvalQuery) => ReadonlySet<string>,
  byId: ReadonlyMap<string, Listing>,
): EngineQuality {
  const started = performance.now();
  const engine = build();
  const buildMs = performance.now() - started;
  const times: number[] = [];
  const tally = new Map<string, { n: number; at1: number; at10: number }>();
  const misses: Record<string, Miss[]> = {};
  for (const query of queries) {
    const began = performance.now();
    const top = engine(query.query);
    times.push(performance.now() - began);
    const ok = accepted(query);
    const rank = top.findIndex((id) => ok.has(id));
    const counts = tally.get(query.variant) ?? { n: 0, at1: 0, at10: 0 };
    counts.n += 1;
    if (rank === 0) counts.at1 += 1;
    if (rank >= 0) counts.at10 += 1;
    tally.set(query.variant, counts);
    if (rank !== 0) {
      const list = (misses[query.variant] ??= []);
      if (list.length < 30)
        list.push({
          query: query.query,
          target: query.targetId,
          targetName: query.sourceName,
          rank: rank >= 0 ? rank + 1 : null,
          top3: top.slice(0, 3).map((id) => byId.get(id)?.name ?? id),
        });
    }
  }
  const toRecall = (counts: { n: number; at1: number; at10: number }): Recall => ({
    n: counts.n,
    at1: counts.at1 / counts.n,
    at10: counts.at10 / counts.n,
  });
  const total = { n: 0, at1: 0, at10: 0 };
  for (const counts of tally.values()) {
    total.n += counts.n;
    total.at1 += counts.at1;
    total.at10 += counts.at10;
  }
  return {
    buildMs,
    queryMs: summarize(times),
    byVariant: Object.fromEntries(
      [...tally].map(([variant, counts]) => [variant, toRecall(counts)]),
    ),
    overall: toRecall(total),
    misses,
  };
}

export function runSearchQuality(listings: readonly Listing[], seed = QUALITY_SEED): QualityReport {
  const queries = generateEvaluationSet(listings, seed);
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  // Listings by every normalised name they bear: the same party on two lists counts as found.
  const byName = new Map<string, Set<string>>();
  for (const listing of listings) {
    for (const name of [listing.name, ...listing.aliases.map((alias) => alias.name)]) {
      const key = normalizeName(name);
      let ids = byName.get(key);
      if (!ids) byName.set(key, (ids = new Set()));
      ids.add(listing.id);
    }
  }
  const accepted = (query: EvalQuery): ReadonlySet<string> => {
    const target = byId.get(query.targetId);
    return new Set([
      query.targetId,
      ...(byName.get(normalizeName(query.sourceName)) ?? []),
      ...(target ? (byName.get(normalizeName(target.name)) ?? []) : []),
    ]);
  };
  const ours = evaluate(
    () => {
      const index = buildSearchIndex(listings.flatMap(toSearchDocs));
      return (query) => searchListings(index, query, { limit: 10 }).map((hit) => hit.listingId);
    },
    queries,
    accepted,
    byId,
  );
  const minisearch = evaluate(() => miniSearchDefaults(listings), queries, accepted, byId);
  return { seed, queries: queries.length, ours, minisearch };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function formatQualityTable(report: QualityReport): string {
  const rows = [...VARIANTS, 'overall'].map((variant) => {
    const ours = variant === 'overall' ? report.ours.overall : report.ours.byVariant[variant];
    const mini =
      variant === 'overall' ? report.minisearch.overall : report.minisearch.byVariant[variant];
    if (!ours || !mini) return null;
    const name = variant === 'overall' ? '**overall**' : variant;
    return `| ${name} | ${ours.n} | ${percent(ours.at1)} | ${percent(ours.at10)} | ${percent(mini.at1)} | ${percent(mini.at10)} |`;
  });
  return [
    '| variant | queries | ours recall@1 | ours recall@10 | MiniSearch defaults recall@1 | MiniSearch defaults recall@10 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.filter((row): row is string => row !== null),
  ].join('\n');
}

export function readListings(dataDir: string): Listing[] {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as {
    listings: { path: string };
  };
  return (
    JSON.parse(readFileSync(join(dataDir, manifest.listings.path), 'utf8')) as {
      listings: Listing[];
    }
  ).listings;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(import.meta.dirname, '..');
  const dataDir = resolve(process.argv[2] ?? join(root, '.cache/bench-dist/data'));
  const report = runSearchQuality(readListings(dataDir));
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/search-quality.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  console.log(formatQualityTable(report));
  for (const [variant, misses] of Object.entries(report.ours.misses)) {
    console.log(`\n${variant}: ${misses.length} misses shown`);
    for (const miss of misses.slice(0, 8))
      console.log(
        `  "${miss.query}" → ${miss.targetName} (rank ${miss.rank ?? '>10'}); top: ${miss.top3.join(' | ')}`,
      );
  }
}
