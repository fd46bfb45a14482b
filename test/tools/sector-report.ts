/**
 * Evaluates the sector classifier (`src/domain/sector-rules.ts`) against the hand-made labels in
 * `test/fixtures/sector-labels.json` and prints a per-sector table (labelled, predicted, correct,
 * precision, recall, coverage), the overall precision on classified items and coverage, and every
 * misclassified item with the rule that decided it.
 *
 *   npx tsx test/tools/sector-report.ts [listings.json]
 *
 * Without an argument it reads `.cache/e2e-dist/data/listings.json`.
 */
import { evaluateSectors, formatSectorReport, readLabels, readListings } from './sector-evaluation';

const report = evaluateSectors(readLabels(), readListings(process.argv[2]));
console.log(formatSectorReport(report));
