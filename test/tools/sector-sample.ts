/**
 * Prints the stratified, seeded sample of real listings that `test/fixtures/sector-labels.json`
 * labels, one listing per line (id, type, name, aliases, title, remarks), for labelling by hand.
 * It deliberately prints no classifier output: labels are decided before the classifier is run.
 *
 *   npx tsx test/tools/sector-sample.ts [listings.json]
 */
import { drawSectorSample, readListings } from './sector-evaluation';

const sample = drawSectorSample(readListings(process.argv[2]));
for (const listing of sample) {
  const aliases = listing.aliases.map((alias) => alias.name).join('; ');
  const vessel = listing.vessel?.vesselType ?? '';
  const fields = [
    listing.id,
    listing.type ?? '-',
    listing.name,
    aliases,
    listing.title ?? '',
    vessel,
  ];
  const remarks = (listing.remarks ?? '').slice(0, 300);
  console.log(`${fields.join(' | ')} | ${listing.programs.join(',')} | ${remarks}`);
}
