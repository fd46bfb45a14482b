import { describe, expect, it } from 'vitest';
import {
  addMiniSearchInSlices,
  buildSearchIndex,
  indexFromSearchFile,
  indexFromSearchFileInSlices,
  searchListings,
  type SearchIndex,
} from '../../../src/search/engine';
import {
  normalizerFingerprint,
  readSearchFile,
  searchFileText,
  SearchFileError,
} from '../../../src/search/search-file';
import { toSearchDocs } from '../../../src/search/search-docs';
import { namedHit } from '../../../src/search/hit-names';
import { makeListing } from './listing-factory';

const LISTINGS = [
  makeListing('cmic-33091', 'MEGVII TECHNOLOGY LIMITED'),
  makeListing('el-megvii', 'Megvii Technology'),
  makeListing(
    'cmic-33113',
    'DAWNING INFORMATION INDUSTRY CO., LTD',
    [{ name: 'SUGON', kind: 'weak' }],
    [
      { type: 'ISIN', value: 'CNE100001TW7', country: null },
      { type: 'Vessel Registration Identification', value: 'IMO 9187629', country: null },
      { type: 'Gender', value: 'Male', country: null },
    ],
  ),
  makeListing('sdn-kim', 'KIM, Jong Un', [{ name: 'KIM Jong-un', kind: 'aka' }]),
  makeListing('ssi-gpb', 'GAZPROMBANK JOINT STOCK COMPANY', [{ name: 'GPB', kind: 'aka' }]),
  makeListing('el-gpb-ch', 'Gazprom Bank (Switzerland) Ltd.', [{ name: 'OOO', kind: 'fka' }]),
  makeListing('el-huawei', 'Huawei Technologies Co., Ltd.', [
    { name: 'Huawei', kind: 'aka' },
    { name: '—', kind: 'weak' },
  ]),
  makeListing('sdn-rosneft', 'ROSNEFT OIL COMPANY', [{ name: 'ROSNEFT TRADING', kind: 'nka' }]),
];
const SHA = 'a'.repeat(64);
const TEXT = searchFileText(LISTINGS, SHA);

/** What searching reads of an index, in comparable form (every name made). */
function shape(index: SearchIndex) {
  const names = [...index.namesById.values()];
  return {
    words: index.words,
    adjacentPairs: [...index.adjacentPairs],
    averageNameLength: index.averageNameLength,
    docCount: index.docCount,
    listingIds: index.listingIds,
    listingIdRanks: [...index.listingIdRanks],
    wordDocCounts: [...index.wordDocCounts],
    namesWithWord: index.words.map((_, at) => Array.from(index.namesWithWord(at))),
    columns: Object.fromEntries(
      (['distinctWords', 'wordCount', 'shortestWord', 'kinds', 'listings', 'slots'] as const).map(
        (column) => [column, [...index.names[column]].slice(0, index.names.count)],
      ),
    ),
    nameCount: index.names.count,
    namesAt: names.every((name) => index.names.at(name.ordinal) === name),
    // The file leaves names as written to the listings (`namedHit`).
    names: names.map((name) => ({
      ...name,
      doc: { ...name.doc, name: undefined },
      byId: index.namesById.get(name.doc.id) === name,
    })),
    wholeNames: names.map((name) =>
      index.wholeNames.get(name.tokens.join(''))?.map((doc) => doc.id),
    ),
    notWholeNames: ['', 'gazprom', 'zzz'].map((key) => index.wholeNames.get(key)),
  };
}

describe('search file', () => {
  const docs = LISTINGS.flatMap(toSearchDocs);

  it('reads into the index the documents of its listings build', () => {
    const fromFile = indexFromSearchFile(readSearchFile(TEXT, 'search.json'));
    const built = buildSearchIndex(docs, { miniSearch: false });
    expect(shape(fromFile.index)).toEqual(shape(built));
    expect(fromFile.allDocs()).toEqual(
      docs.map((doc) => (doc.kind === 'identifier' ? doc : { ...doc, name: '' })),
    );
    expect(fromFile.index.namesById.get('cmic-33113#2')).toBeUndefined(); // an identifier
    expect(fromFile.index.namesById.get('nobody#0')).toBeUndefined();
    expect(fromFile.index.identifiers.get('9187629')?.map((doc) => doc.id)).toEqual([
      'cmic-33113#3',
    ]);
  });

  it('leaves three tables for later: made when a search first needs one, or when asked', () => {
    const built = buildSearchIndex(docs, { miniSearch: false });
    const queries = ['gazprombank', 'GAZPROM BANK', 'CNE100001TW7', 'IMO 9187629', 'megvii tech'];
    queries.push('jongun kim', 'huaweitechnologies', 'rosneft tr');
    // Asked for first (the worker's idle turn after "ready"), each made once.
    const asked = indexFromSearchFile(readSearchFile(TEXT, 'search.json'));
    for (const make of asked.laterTables) make();
    const pairs = asked.index.adjacentPairs;
    for (const make of asked.laterTables) make();
    expect(asked.index.adjacentPairs).toBe(pairs);
    // Or made by the first search that needs them.
    const onDemand = indexFromSearchFile(readSearchFile(TEXT, 'search.json'));
    const byId = new Map(LISTINGS.map((listing) => [listing.id, listing]));
    for (const { index } of [asked, onDemand]) {
      for (const query of queries) {
        const hits = searchListings(index, query).map((hit) =>
          namedHit(hit, byId.get(hit.listingId)!),
        );
        expect(hits.length, query).toBeGreaterThan(0);
        expect(hits, query).toEqual(searchListings(built, query));
      }
    }
    expect(shape(onDemand.index)).toEqual(shape(asked.index));
  });

  it('reads the same index a few listings at a time', async () => {
    const file = readSearchFile(TEXT, 'search.json');
    let pauses = 0;
    const sliced = await indexFromSearchFileInSlices(
      file,
      () => {
        pauses += 1;
        return Promise.resolve();
      },
      3,
    );
    // 8 listings and 13 names by 3, and the steps between the tables.
    expect(pauses).toBeGreaterThanOrEqual(8);
    expect(shape(sliced.index)).toEqual(shape(indexFromSearchFile(file).index));
    expect(sliced.allDocs()).toEqual(indexFromSearchFile(file).allDocs());
  });

  it('answers every query as the index built from the listings does', async () => {
    const { index, allDocs } = indexFromSearchFile(readSearchFile(TEXT, 'search.json'));
    const built = buildSearchIndex(docs);
    const queries = ['Megvii', 'megvi tech', 'Gazprom Bank', 'gazpromb', 'gazprombank'];
    queries.push('CNE100001TW7', 'IMO 9187629', 'jong un kim', 'sugon', 'rosneft tr', 'ooo');
    const byId = new Map(LISTINGS.map((listing) => [listing.id, listing]));
    const named = (query: string) =>
      searchListings(index, query).map((hit) => namedHit(hit, byId.get(hit.listingId)!));
    // Before MiniSearch is added.
    for (const query of queries) expect(named(query), query).toEqual(searchListings(built, query));
    expect(searchListings(index, 'sugon')[0]).toMatchObject({ matchedName: '', matchedSlot: 1 });
    await addMiniSearchInSlices(index, allDocs(), () => Promise.resolve(), { sliceSize: 3 });
    // "zzz oil" has no name with every word: MiniSearch's OR reading answers it.
    expect(named('zzz oil')).toEqual(searchListings(built, 'zzz oil'));
    expect(searchListings(index, 'zzz oil').map((hit) => hit.listingId)).toEqual(['sdn-rosneft']);
  });

  it("gives each hit its listing's position in the caller's order, from either index", () => {
    const fromFile = indexFromSearchFile(readSearchFile(TEXT, 'search.json')).index;
    const built = buildSearchIndex(docs, { miniSearch: false });
    expect(fromFile.listingIds).toEqual(LISTINGS.map((listing) => listing.id));
    // The caller's order: the listings backwards, one of them missing.
    const order = LISTINGS.map((listing) => listing.id)
      .reverse()
      .filter((id) => id !== 'el-megvii');
    for (const index of [fromFile, built]) {
      const listingPositions = Int32Array.from(index.listingIds, (id) => order.indexOf(id));
      expect(index.listingNumbers.get('sdn-kim')).toBe(3);
      for (const query of ['megvii', 'CNE100001TW7', 'gazprom', 'kim', 'huawei technologies']) {
        const hits = searchListings(index, query, { listingPositions });
        expect(hits.length, query).toBeGreaterThan(0);
        for (const hit of hits) {
          expect(hit.position, `${query}: ${hit.listingId}`).toBe(order.indexOf(hit.listingId));
        }
      }
      expect(searchListings(index, 'megvii').map((hit) => hit.position)).toEqual([
        undefined,
        undefined,
      ]);
    }
  });

  it("gives a tie between two of a listing's names to the one written first, in either index", () => {
    // Slots 2 and 11 score the same for "north"; as strings, "…#11" sorts before "…#2".
    const fillers = 'ABCDEFGHI'.split('').map((letter) => `FILLER ${letter}`);
    const names = [fillers[0]!, 'NORTH STAR', ...fillers.slice(1), 'STAR NORTH'];
    const aliases = names.map((name) => ({ name, kind: 'aka' as const }));
    const listings = [makeListing('sdn-star', 'ZETA HOLDINGS', aliases)];
    const fromFile = indexFromSearchFile(readSearchFile(searchFileText(listings, SHA), 's.json'));
    const built = buildSearchIndex(listings.flatMap(toSearchDocs), { miniSearch: false });
    for (const index of [fromFile.index, built]) {
      expect(searchListings(index, 'north')).toMatchObject([{ matchedSlot: 2 }]);
      expect(searchListings(index, 'star nor')).toMatchObject([{ matchedSlot: 2 }]);
    }
  });

  it('puts hits that tie in id order, whatever the order of the listings', () => {
    const ids = ['sdn-9', 'el-2', 'sdn-10', 'cmic-1'];
    const listings = ids.map((id) => makeListing(id, 'ACME TRADING'));
    const fromFile = indexFromSearchFile(readSearchFile(searchFileText(listings, SHA), 's.json'));
    const built = buildSearchIndex(listings.flatMap(toSearchDocs), { miniSearch: false });
    for (const index of [fromFile.index, built]) {
      expect([...index.listingIdRanks]).toEqual([3, 1, 2, 0]); // "sdn-10" < "sdn-9"
      for (const query of ['acme', 'acme trading', 'acm', 'acme tradng']) {
        expect(searchListings(index, query).map((hit) => hit.listingId)).toEqual([...ids].sort());
      }
    }
  });

  it('records the listings it belongs to and the normalisation that made its words', () => {
    const file = readSearchFile(TEXT, 'search.json');
    expect(file.listingsSha256).toBe(SHA);
    expect(file.listingCount).toBe(LISTINGS.length);
    expect(file.normalizer).toBe(normalizerFingerprint());
    // Enough to show what a search finds before the listings arrive.
    expect(file.primaryNames).toEqual(LISTINGS.map((listing) => listing.name));
    expect(file.lists).toEqual(LISTINGS.map((listing) => listing.list));
    // One listing per line: a damaged line is easy to find in the file.
    expect(TEXT.split('\n')).toHaveLength(LISTINGS.length + 3);
  });

  it('names the file, listing and field of the first problem', () => {
    interface Draft {
      words: string[];
      listingIds: unknown[];
      primaryNames: unknown[];
      lists: unknown[];
      nameCounts: unknown[];
      names: unknown[];
      identifierListings: unknown[];
      identifierValues: unknown[];
      [field: string]: unknown;
    }
    // The names of listing 2 ("Megvii Technology") begin after listing 1's single name.
    const secondListingNames = (d: Draft) => 2 + (d.names[1] as number);
    const cases: [(draft: Draft) => void, RegExp][] = [
      [
        (d) => (d.names[secondListingNames(d) + 2] = 99999),
        /listing 2 \(el-megvii\): name 1: word 1: 99999 is not a position in "words"/,
      ],
      [
        (d) => (d.names[secondListingNames(d)] = 5),
        /listing 2 \(el-megvii\): name 1: field "kind": expected 0–5, not 5/,
      ],
      [
        (d) => (d.names[secondListingNames(d)] = 'aka'),
        /listing 2 \(el-megvii\): name 1: field "kind"/,
      ],
      [
        (d) => (d.names[secondListingNames(d) + 1] = 9999),
        /listing 2 \(el-megvii\): name 1: its number of words runs past the end of "names"/,
      ],
      [(d) => d.names.push(0), /field "names": 1 numbers after the last listing's names/],
      [
        (d) => d.names.splice(-3),
        /listing 8 \(sdn-rosneft\): name 2: field "names" ends before it/,
      ],
      [(d) => (d.nameCounts[3] = 0), /listing 4 \(sdn-kim\): field "nameCounts"/],
      [(d) => (d.nameCounts[3] = 1e9), /field "nameCounts": 1000000\d+ names, where "names" holds/],
      [(d) => (d.listingIds[0] = 7), /listing 1: field "listingIds": expected a non-empty string/],
      [(d) => (d.listingsSha256 = 'abc'), /field "listingsSha256"/],
      [
        (d) => (d.normalizer = '0-0'),
        /field "normalizer": written by another version of the name normalisation/,
      ],
      [(d) => (d.version = 2), /field "version": expected 3/],
      [
        (d) => (d.primaryNames[1] = ''),
        /listing 2 \(el-megvii\): field "primaryNames": expected a non-empty string/,
      ],
      [(d) => (d.lists[2] = null), /listing 3 \(.+\): field "lists": expected a non-empty string/],
      [(d) => d.lists.pop(), /field "lists": 7 listings where "listingCount" says 8/],
      [(d) => (d.words = [...d.words].reverse()), /word 2 \(".*"\): words must be sorted/],
      [(d) => d.listingIds.pop(), /field "listingIds": 7 listings where "listingCount" says 8/],
      [(d) => (d.names = {} as unknown[]), /field "names": expected an array/],
      [
        (d) => (d.identifierListings[0] = 8),
        /identifier 1: field "identifierListings": 8 is not a listing/,
      ],
      [
        (d) => d.identifierListings.push(0) + d.identifierValues.push('X'),
        /field "identifierTypes": 2 entries where "identifierListings" has 3/,
      ],
    ];
    for (const [damage, message] of cases) {
      const draft = JSON.parse(TEXT) as Draft;
      damage(draft);
      expect(() => readSearchFile(JSON.stringify(draft), 'search.json')).toThrow(message);
    }
    expect(() => readSearchFile('{"format":"other"}', 'search.json')).toThrow(SearchFileError);
    expect(() => readSearchFile('not json', 'search.json')).toThrow(
      /^search\.json: the file: is not JSON/,
    );
  });
});
