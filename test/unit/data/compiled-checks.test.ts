import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../../src/domain/listing';
import { listingSchema } from '../../../src/domain/listing-schema';
import type { Manifest } from '../../../src/domain/manifest';
import { manifestSchema } from '../../../src/domain/manifest';
import { matchesListingSchema } from '../../../src/data/listing-check.generated';
import { matchesManifestSchema } from '../../../src/data/manifest-check.generated';
import { COMPILED_CHECKS, generateCheck } from '../../../src/pipeline/compiled-checks';
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

/** A manifest with every optional part present. */
const FULL_MANIFEST: Manifest = {
  schemaVersion: 2,
  generatedAt: '2026-11-30T00:00:00.000Z',
  sample: true,
  synthetic: 'ten copies of each listing, names perturbed',
  listingCount: 2,
  listings: { path: 'listings.json', sha256: 'a'.repeat(64), bytes: 1200 },
  search: { path: 'search.bin', sha256: 'b'.repeat(64), bytes: 300 },
  sources: [
    {
      id: 'csl/consolidated.csv',
      name: 'csl',
      format: 'csl-csv',
      files: [{ id: 'csl/consolidated.csv', sha256: 'c'.repeat(64), bytes: 5000, rows: 2 }],
      asOf: '2024-02-29',
      asOfBasis: 'file modification date',
      complete: true,
      lists: ['EL', 'SDN'],
      usedFor: ['EL'],
    },
  ],
  lists: [
    {
      code: 'EL',
      source: 'csl/consolidated.csv',
      count: 2,
      asOf: null,
      reason: 'the only source of the Entity List',
    },
  ],
};

/** Every one-value change of `full`: the compiled check must give zod's verdict on each. */
function disagreementsWithZod(
  full: unknown,
  zodAccepts: (value: unknown) => boolean,
  compiledAccepts: (value: unknown) => boolean,
): { count: number; refused: number; disagreements: string[] } {
  let count = 0;
  let refused = 0;
  const disagreements: string[] = [];
  for (const { path, value } of mutations(full)) {
    count += 1;
    const zod = zodAccepts(value);
    if (!zod) refused += 1;
    if (compiledAccepts(value) !== zod) disagreements.push(`${path}: zod says ${zod}`);
  }
  return { count, refused, disagreements };
}

describe('the compiled listing check', () => {
  it('accepts the valid listing zod accepts', () => {
    expect(listingSchema.safeParse(FULL).success).toBe(true);
    expect(matchesListingSchema(FULL)).toBe(true);
  });

  it('gives zod’s verdict on every one-value change of a full listing', () => {
    const { count, refused, disagreements } = disagreementsWithZod(
      FULL,
      (value) => listingSchema.safeParse(value).success,
      matchesListingSchema,
    );
    expect(disagreements).toEqual([]);
    // The mutations reach every field, and most of them break the listing.
    expect(count).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(count / 2);
  });
});

describe('the compiled manifest check', () => {
  it('accepts the valid manifest zod accepts, and one without its optional parts', () => {
    expect(manifestSchema.safeParse(FULL_MANIFEST).success).toBe(true);
    expect(matchesManifestSchema(FULL_MANIFEST)).toBe(true);
    const plain: Record<string, unknown> = { ...FULL_MANIFEST };
    delete plain.synthetic;
    delete plain.search;
    expect(matchesManifestSchema(plain)).toBe(true);
  });

  it('gives zod’s verdict on every one-value change of a full manifest', () => {
    const { count, refused, disagreements } = disagreementsWithZod(
      FULL_MANIFEST,
      (value) => manifestSchema.safeParse(value).success,
      matchesManifestSchema,
    );
    expect(disagreements).toEqual([]);
    expect(count).toBeGreaterThan(1_000);
    expect(refused).toBeGreaterThan(count / 2);
  });
});

describe('the generated checks', () => {
  it.each(COMPILED_CHECKS.map((check) => [check.exportName, check] as const))(
    '%s is what the generator writes from the current schema',
    async (_name, check) => {
      expect(readFileSync(check.path, 'utf8')).toBe(await generateCheck(check));
    },
  );

  it('hold no description of errors, which only zod gives', () => {
    for (const check of COMPILED_CHECKS) {
      const source = readFileSync(check.path, 'utf8');
      expect(source).not.toMatch(/schemaPath|message:/);
      expect(source).toContain(`export const ${check.exportName}`);
    }
  });
});
