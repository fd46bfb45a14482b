import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listingSchema, type Listing } from '../../../src/domain/listing';
import { matchesListingSchema } from '../../../src/data/listing-shape.generated';
import {
  GENERATED_VALIDATOR_PATH,
  generateListingValidator,
} from '../../../src/pipeline/listing-validator';
import { buildListing } from '../build-listing';

/** A listing with every optional part present, so that every field of the schema is reached. */
const FULL: Listing = buildListing({
  id: 'sdn-12345',
  name: 'BANK EXAMPLE OJSC',
  type: 'entity',
  aliases: [
    { name: 'EXAMPLE BANK', kind: 'aka' },
    { name: 'OLD EXAMPLE', kind: 'fka' },
  ],
  title: 'Chairman',
  addresses: [
    {
      text: '1 Main St, Moscow, RU',
      street: '1 Main St',
      city: 'Moscow',
      region: 'Moscow',
      postalCode: '101000',
      country: 'RU',
    },
  ],
  nationalities: ['RU'],
  citizenships: ['BY'],
  datesOfBirth: ['1970'],
  placesOfBirth: ['Minsk'],
  programs: ['RUSSIA-EO14024'],
  licenseRequirement: 'For all items subject to the EAR.',
  licensePolicy: 'Presumption of denial.',
  citations: [{ text: '86 FR 71557 12/17/21', volume: 86, page: 71557, date: '2021-12-17' }],
  events: [
    {
      kind: 'listed',
      date: '2022-02-24',
      citation: { text: '87 FR 1', volume: 87, page: 1, date: null },
      from: 'start_date',
    },
    { kind: 'expires', date: null, citation: null, from: 'end_date' },
  ],
  identifiers: [{ type: 'SWIFT/BIC', value: 'EXAMRUMM', country: 'RU' }],
  remarks: 'a.k.a. "EXAMPLE"',
  vessel: {
    callSign: 'UBCD',
    vesselType: 'Tanker',
    tonnage: '1000',
    grossRegisteredTonnage: '900',
    flag: 'Russia',
    owner: null,
  },
  standardOrder: true,
  sourceListUrl: 'https://example.org/list',
  sourceInfoUrl: null,
});

/** Values that break, or happen to satisfy, the rules the schema uses somewhere. */
const REPLACEMENTS: readonly unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  2 ** 53,
  '',
  'x',
  'ZZ',
  'zz',
  'sdn-1',
  'SDN',
  'aka',
  'listed',
  'csl-csv',
  'unclassified',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '0050-01-01',
  '2024-1-01',
  true,
  [],
  [null],
  {},
];

type Mutation = { readonly path: string; readonly value: unknown };

/** Every way of replacing one value (or removing one key, or adding one) of `root`. */
function* mutations(root: unknown, path = ''): Generator<Mutation> {
  if (Array.isArray(root)) {
    for (const [index, item] of root.entries()) {
      for (const inner of mutations(item, `${path}[${index}]`)) {
        const copy = [...root];
        copy[index] = inner.value;
        yield { path: inner.path, value: copy };
      }
    }
    for (const extra of REPLACEMENTS)
      yield { path: `${path}[+${String(extra)}]`, value: [...root, extra] };
    return;
  }
  if (typeof root === 'object' && root !== null) {
    const record = root as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      for (const inner of mutations(record[key], `${path}.${key}`)) {
        yield { path: inner.path, value: { ...record, [key]: inner.value } };
      }
      const rest = { ...record };
      delete rest[key];
      yield { path: `${path}.${key} (removed)`, value: rest };
    }
    yield { path: `${path}.unknownKey`, value: { ...record, unknownKey: 1 } };
  }
  for (const replacement of REPLACEMENTS)
    yield { path: `${path} = ${JSON.stringify(replacement)}`, value: replacement };
}

describe('the compiled listing check', () => {
  it('accepts the valid listing zod accepts', () => {
    expect(listingSchema.safeParse(FULL).success).toBe(true);
    expect(matchesListingSchema(FULL)).toBe(true);
  });

  it('gives zod’s verdict on every one-value change of a full listing', () => {
    let count = 0;
    let refused = 0;
    const disagreements: string[] = [];
    for (const { path, value } of mutations(FULL)) {
      count += 1;
      const zod = listingSchema.safeParse(value).success;
      if (!zod) refused += 1;
      if (matchesListingSchema(value) !== zod) disagreements.push(`${path}: zod says ${zod}`);
    }
    expect(disagreements).toEqual([]);
    // The mutations reach every field, and most of them break the listing.
    expect(count).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(count / 2);
  });

  it('is what the generator writes from the current schema', async () => {
    expect(readFileSync(GENERATED_VALIDATOR_PATH, 'utf8')).toBe(await generateListingValidator());
  });
});
