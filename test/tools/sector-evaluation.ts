import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ALIAS_KINDS, ENTITY_TYPES, type Listing } from '../../src/domain/listing';
import { LIST_CODES } from '../../src/domain/lists';
import { SECTOR_CODES, type SectorCode, type SectorRule } from '../../src/domain/sector';
import { classifySector } from '../../src/domain/sector-rules';

/**
 * Evaluation of the sector classifier against hand-made labels of real listings, shared by the
 * unit test (`test/unit/domain/sector.test.ts`) and the CLI (`test/tools/sector-report.ts`).
 *
 * The labels (`test/fixtures/sector-labels.json`) hold listing ids and sectors only; the listings
 * themselves come from the generated dataset, built from the real official files.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const DEFAULT_LISTINGS = path.join(REPO_ROOT, '.cache/e2e-dist/data/listings.json');
export const LABELS_FILE = path.join(REPO_ROOT, 'test/fixtures/sector-labels.json');

const BUILD_HINT =
  'Build it from the official files with `npx tsx src/pipeline/cli.ts --from ../shared/data --out /tmp/sector-data` ' +
  'and pass /tmp/sector-data/listings.json (or run the e2e build, which writes .cache/e2e-dist/data/listings.json).';

/** Only the fields the classifier and the report read; the dataset is validated in full elsewhere. */
const evaluatedListingSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.object({ name: z.string(), kind: z.enum(ALIAS_KINDS) })),
  type: z.enum(ENTITY_TYPES).nullable(),
  list: z.enum(LIST_CODES),
  programs: z.array(z.string()),
  remarks: z.string().nullable(),
  title: z.string().nullable(),
  vessel: z
    .object({
      callSign: z.string().nullable(),
      vesselType: z.string().nullable(),
      tonnage: z.string().nullable(),
      grossRegisteredTonnage: z.string().nullable(),
      flag: z.string().nullable(),
      owner: z.string().nullable(),
    })
    .nullable(),
});
export type EvaluatedListing = Pick<
  Listing,
  'id' | 'name' | 'aliases' | 'type' | 'list' | 'programs' | 'remarks' | 'title' | 'vessel'
>;

const datasetSchema = z.object({ listings: z.array(evaluatedListingSchema) });

/** Reads the generated `listings.json`; throws (never skips) with a build hint when it is missing. */
export function readListings(file: string = DEFAULT_LISTINGS): EvaluatedListing[] {
  if (!existsSync(file)) {
    throw new Error(`Generated listings not found at ${file}. ${BUILD_HINT}`);
  }
  return datasetSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).listings;
}

export const sectorLabelSchema = z.object({
  id: z.string().min(1),
  sector: z.enum(SECTOR_CODES),
  note: z.string().optional(),
});
export type SectorLabel = z.infer<typeof sectorLabelSchema>;

/** A top-level array, so the app's fixture discovery never takes it for a CSL export. */
export function readLabels(file: string = LABELS_FILE): SectorLabel[] {
  return z.array(sectorLabelSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface SectorRow {
  readonly sector: SectorCode;
  readonly labelled: number;
  readonly predicted: number;
  readonly correct: number;
  /** correct / predicted; null when nothing was predicted. */
  readonly precision: number | null;
  /** correct / labelled; null when nothing was labelled. */
  readonly recall: number | null;
  /** Share of this sector's labelled items that got any sector but `unclassified`. */
  readonly coverage: number | null;
}

export interface Miss {
  readonly id: string;
  readonly name: string;
  readonly label: SectorCode;
  readonly predicted: SectorCode;
  readonly rule: SectorRule;
}

export interface SectorReport {
  readonly rows: readonly SectorRow[];
  readonly total: number;
  /** Labelled items the classifier put in a sector other than `unclassified`. */
  readonly classified: number;
  readonly classifiedCorrect: number;
  /** classifiedCorrect / classified. */
  readonly precision: number;
  /** classified / total. */
  readonly coverage: number;
  /** Ids in the labels that the dataset does not hold. */
  readonly missingIds: readonly string[];
  readonly misses: readonly Miss[];
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function evaluateSectors(
  labels: readonly SectorLabel[],
  listings: readonly EvaluatedListing[],
): SectorReport {
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  const counts = new Map<
    SectorCode,
    { labelled: number; predicted: number; correct: number; covered: number }
  >(SECTOR_CODES.map((code) => [code, { labelled: 0, predicted: 0, correct: 0, covered: 0 }]));
  const misses: Miss[] = [];
  const missingIds: string[] = [];
  let classified = 0;
  let classifiedCorrect = 0;
  for (const label of labels) {
    const listing = byId.get(label.id);
    if (!listing) {
      missingIds.push(label.id);
      continue;
    }
    const { sector, rule } = classifySector(listing);
    const labelCounts = counts.get(label.sector);
    const predictedCounts = counts.get(sector);
    if (!labelCounts || !predictedCounts) throw new Error(`unknown sector ${label.sector}`);
    labelCounts.labelled += 1;
    predictedCounts.predicted += 1;
    if (sector !== 'unclassified') {
      labelCounts.covered += 1;
      classified += 1;
    }
    if (sector === label.sector) {
      labelCounts.correct += 1;
      if (sector !== 'unclassified') classifiedCorrect += 1;
    } else {
      misses.push({
        id: label.id,
        name: listing.name,
        label: label.sector,
        predicted: sector,
        rule,
      });
    }
  }
  const rows = SECTOR_CODES.map((sector): SectorRow => {
    const c = counts.get(sector) ?? { labelled: 0, predicted: 0, correct: 0, covered: 0 };
    return {
      sector,
      labelled: c.labelled,
      predicted: c.predicted,
      correct: c.correct,
      precision: ratio(c.correct, c.predicted),
      recall: ratio(c.correct, c.labelled),
      coverage: ratio(c.covered, c.labelled),
    };
  });
  const total = labels.length - missingIds.length;
  return {
    rows,
    total,
    classified,
    classifiedCorrect,
    precision: ratio(classifiedCorrect, classified) ?? 0,
    coverage: ratio(classified, total) ?? 0,
    missingIds,
    misses,
  };
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** The report as plain text: per-sector table, overall figures, then every miss. */
export function formatSectorReport(report: SectorReport): string {
  const header = ['sector', 'labelled', 'predicted', 'correct', 'precision', 'recall', 'coverage'];
  const body = report.rows.map((row) => [
    row.sector,
    String(row.labelled),
    String(row.predicted),
    String(row.correct),
    percent(row.precision),
    percent(row.recall),
    percent(row.coverage),
  ]);
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...body.map((line) => (line[index] ?? '').length)),
  );
  const format = (line: readonly string[]): string =>
    line
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join('  ');
  const lines = [format(header), ...body.map(format), ''];
  lines.push(
    `labelled items: ${report.total}`,
    `classified (not unclassified): ${report.classified}, of which correct: ${report.classifiedCorrect}`,
    `overall precision on classified items: ${percent(report.precision)}`,
    `overall coverage: ${percent(report.coverage)}`,
  );
  if (report.missingIds.length > 0) {
    lines.push(`labels whose id is not in the dataset: ${report.missingIds.join(', ')}`);
  }
  lines.push('', `misclassified (${report.misses.length}):`);
  for (const miss of report.misses) {
    lines.push(
      `  ${miss.id}  ${JSON.stringify(miss.name)}  label=${miss.label}  predicted=${miss.predicted}  rule=${miss.rule.id} (${miss.rule.matched})`,
    );
  }
  return lines.join('\n');
}

/** mulberry32: a tiny seeded PRNG, so the labelled sample can be drawn again identically. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_SEED = 20_240_917;

/**
 * How many listings of each stratum (`<list>/<type>`, `unknown` where the list gives no type) the
 * labelled sample draws. Individuals are few because their sector follows from their type; the
 * entity strata of every list are drawn so that each list is represented.
 */
export const SAMPLE_PLAN: Readonly<Record<string, number>> = {
  'SDN/entity': 90,
  'SDN/individual': 20,
  'SDN/vessel': 15,
  'SDN/aircraft': 10,
  'EL/unknown': 100,
  'SSI/entity': 20,
  'CMIC/entity': 15,
  'MEU/unknown': 12,
  'DPL/unknown': 20,
  'DTC/unknown': 20,
  'UVL/unknown': 15,
  'ISN/unknown': 15,
  'UN/entity': 20,
  'UN/individual': 8,
  'CAP/entity': 5,
  'MBS/entity': 5,
  'FSE/entity': 1,
  'FSE/individual': 2,
  'PLC/individual': 4,
};

/** The stratified sample: per stratum, ids sorted, shuffled with the fixed seed, first n taken. */
export function drawSectorSample(
  listings: readonly EvaluatedListing[],
  plan: Readonly<Record<string, number>> = SAMPLE_PLAN,
  seed: number = SAMPLE_SEED,
): EvaluatedListing[] {
  const random = seededRandom(seed);
  const strata = new Map<string, EvaluatedListing[]>();
  for (const listing of listings) {
    const key = `${listing.list}/${listing.type ?? 'unknown'}`;
    const stratum = strata.get(key) ?? [];
    stratum.push(listing);
    strata.set(key, stratum);
  }
  const sample: EvaluatedListing[] = [];
  for (const [key, size] of Object.entries(plan).sort(([a], [b]) => a.localeCompare(b))) {
    const stratum = [...(strata.get(key) ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    for (let index = stratum.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      const current = stratum[index];
      const swapped = stratum[other];
      if (current === undefined || swapped === undefined) continue;
      stratum[index] = swapped;
      stratum[other] = current;
    }
    sample.push(...stratum.slice(0, size));
  }
  return sample;
}
