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
  encodeSearchFile,
  readSearchFile,
  searchFileBytes,
  searchFileParts,
  type SearchFileParts,
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
const BYTES = searchFileBytes(LISTINGS, SHA);

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
    const fromFile = indexFromSearchFile(readSearchFile(BYTES, 'search.bin'));
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
    const asked = indexFromSearchFile(readSearchFile(BYTES, 'search.bin'));
    for (const make of asked.laterTables) make();
    const pairs = asked.index.adjacentPairs;
    for (const make of asked.laterTables) make();
    expect(asked.index.adjacentPairs).toBe(pairs);
    // Or made by the first search that needs them.
    const onDemand = indexFromSearchFile(readSearchFile(BYTES, 'search.bin'));
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
    const file = readSearchFile(BYTES, 'search.bin');
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
    const { index, allDocs } = indexFromSearchFile(readSearchFile(BYTES, 'search.bin'));
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
    const fromFile = indexFromSearchFile(readSearchFile(BYTES, 'search.bin')).index;
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
    const fromFile = indexFromSearchFile(readSearchFile(searchFileBytes(listings, SHA), 's.bin'));
    const built = buildSearchIndex(listings.flatMap(toSearchDocs), { miniSearch: false });
    for (const index of [fromFile.index, built]) {
      expect(searchListings(index, 'north')).toMatchObject([{ matchedSlot: 2 }]);
      expect(searchListings(index, 'star nor')).toMatchObject([{ matchedSlot: 2 }]);
    }
  });

  it('puts hits that tie in id order, whatever the order of the listings', () => {
    const ids = ['sdn-9', 'el-2', 'sdn-10', 'cmic-1'];
    const listings = ids.map((id) => makeListing(id, 'ACME TRADING'));
    const fromFile = indexFromSearchFile(readSearchFile(searchFileBytes(listings, SHA), 's.bin'));
    const built = buildSearchIndex(listings.flatMap(toSearchDocs), { miniSearch: false });
    for (const index of [fromFile.index, built]) {
      expect([...index.listingIdRanks]).toEqual([3, 1, 2, 0]); // "sdn-10" < "sdn-9"
      for (const query of ['acme', 'acme trading', 'acm', 'acme tradng']) {
        expect(searchListings(index, query).map((hit) => hit.listingId)).toEqual([...ids].sort());
      }
    }
  });

  it('records the listings it belongs to and the normalisation that made its words', () => {
    const file = readSearchFile(BYTES, 'search.bin');
    expect(file.listingsSha256).toBe(SHA);
    expect(file.listingCount).toBe(LISTINGS.length);
    expect(file.normalizer).toBe(normalizerFingerprint());
    // Enough to show what a search finds before the listings arrive.
    expect(file.lists).toEqual(LISTINGS.map((listing) => listing.list));
    expect(file.written().primaryNames).toEqual(LISTINGS.map((listing) => listing.name));
    expect(file.written()).toBe(file.written()); // decoded once
    expect(file.identifierTypes).toEqual(['ISIN', 'Vessel Registration Identification']);
    // A type may be empty, as a listing's identifier may have none written.
    const untyped = searchFileParts(LISTINGS, SHA);
    untyped.identifierTypes[0] = '';
    expect(readSearchFile(encodeSearchFile(untyped), 's.bin').identifierTypes[0]).toBe('');
    expect(file.written().identifierValues).toEqual(['CNE100001TW7', 'IMO 9187629']);
    expect(new TextDecoder().decode(BYTES.subarray(0, 8))).toBe('SXSEARCH');
  });

  it('reads its numbers in place when aligned, and copies them when not', () => {
    // Node's Buffers share a pool: a file read there may begin anywhere in its ArrayBuffer.
    const shifted = new Uint8Array(BYTES.length + 1).subarray(1);
    shifted.set(BYTES);
    const aligned = readSearchFile(BYTES, 'search.bin');
    const copied = readSearchFile(shifted, 'search.bin');
    expect(aligned.nameWords.buffer).toBe(BYTES.buffer);
    expect(copied.nameWords.buffer).not.toBe(shifted.buffer);
    expect(shape(indexFromSearchFile(copied).index)).toEqual(
      shape(indexFromSearchFile(aligned).index),
    );
  });

  it('writes word positions in 2 bytes while they fit, and in 4 beyond 65,536 words', () => {
    const parts = searchFileParts(LISTINGS, SHA);
    // Words after every real one (U+FF5A sorts after the letters of the lists).
    const extra = Array.from({ length: 0x10000 }, (_, at) => `ｚ${String(at).padStart(6, '0')}`);
    const wide = { ...parts, words: [...parts.words, ...extra] };
    const narrowFile = readSearchFile(encodeSearchFile(parts), 'search.bin');
    const wideFile = readSearchFile(encodeSearchFile(wide), 'search.bin');
    expect(narrowFile.nameWords).toBeInstanceOf(Uint16Array);
    expect(wideFile.nameWords).toBeInstanceOf(Int32Array);
    expect([...wideFile.nameWords]).toEqual([...narrowFile.nameWords]);
    const narrow = indexFromSearchFile(narrowFile).index;
    const wideIndex = indexFromSearchFile(wideFile).index;
    for (const query of ['megvii', 'gazprom bank', 'jong un', 'CNE100001TW7']) {
      expect(searchListings(wideIndex, query).length, query).toBeGreaterThan(0);
      expect(searchListings(wideIndex, query), query).toEqual(searchListings(narrow, query));
    }
  });

  it('refuses, at writing, what its layout cannot hold', () => {
    const parts = searchFileParts(LISTINGS, SHA);
    parts.listingIds[2] = 'cmic-\n33113';
    expect(() => encodeSearchFile(parts)).toThrow(/listingIds: "cmic-\\n33113" holds a line break/);
    const many = searchFileParts(LISTINGS, SHA);
    many.lists = many.lists.map((_, at) => `L${at}`);
    expect(() => encodeSearchFile(many)).not.toThrow();
    many.lists = Array.from({ length: 300 }, (_, at) => `L${at}`);
    expect(() => encodeSearchFile(many)).toThrow(/more than 256 lists/);
  });

  it('names the file, listing and field of the first problem', () => {
    // Listing 2 ("Megvii Technology") has one name, the file's second (ordinal 1).
    const cases: [(parts: SearchFileParts) => void, RegExp][] = [
      [
        (p) => (p.nameWords[p.nameWordStarts[1]!] = 60000),
        /listing 2 \(el-megvii\): name 1: word 1: 60000 is not a position in "words"/,
      ],
      [
        (p) => (p.nameKinds[1] = 5),
        /listing 2 \(el-megvii\): name 1: its kind: expected 0–5, not 5; found 5/,
      ],
      [
        (p) => (p.nameWordStarts[2] = p.nameWords.length + 5),
        /listing 2 \(el-megvii\): name 1: its words run past the end of "nameWords"/,
      ],
      [(p) => p.nameWords.push(0), /section "nameWords": \d+ words where the last name's end says/],
      [(p) => (p.firstName[4] = p.firstName[3]!), /listing 4 \(sdn-kim\): section "firstName"/],
      [(p) => p.firstName.pop(), /section "firstName": \d+ bytes where the header's counts make/],
      [(p) => (p.listingIds[0] = ''), /listing 1: field "listingIds": expected a non-empty string/],
      [(p) => p.listingIds.pop(), /section "firstName": \d+ bytes where the header's counts make/],
      [(p) => (p.listingsSha256 = 'abc'), /field "listingsSha256"/],
      [
        (p) => (p.normalizer = '0-0'),
        /field "normalizer": written by another version of the name normalisation/,
      ],
      [(p) => (p.version = 3), /field "version": expected 4/],
      [(p) => (p.format = 'other'), /field "format": expected "sanctions-explorer\/search"/],
      [(p) => p.lists.pop(), /section "listOfListing": 7 bytes where the header's counts make 8/],
      [(p) => (p.lists[0] = ''), /field "lists": expected an array of non-empty strings/],
      [(p) => (p.words = [...p.words].reverse()), /word 2 \(".*"\): words must be sorted/],
      [(p) => (p.words[0] = ''), /word 1: expected a non-empty string/],
      [
        (p) => (p.identifierListings[0] = 8),
        /identifier 1: section "identifierListings": 8 is not a listing/,
      ],
      [
        (p) => (p.identifierListings[0] = 3),
        /identifier 2: section "identifierListings": identifiers must be in listing order/,
      ],
      [
        (p) => p.identifierListings.push(7),
        /section "identifierTypeOf": 4 bytes where the header's counts make 6/,
      ],
    ];
    for (const [damage, message] of cases) {
      const parts = searchFileParts(LISTINGS, SHA);
      damage(parts);
      expect(() => readSearchFile(encodeSearchFile(parts), 'search.bin')).toThrow(message);
    }
    const at = (bytes: Uint8Array, offset: number, value: number) => {
      const copy = bytes.slice();
      copy[offset] = value;
      return copy;
    };
    expect(() => readSearchFile(new TextEncoder().encode('{"format":"x"}'), 'search.bin')).toThrow(
      /^search\.bin: the file: is not a search file \(it does not begin with "SXSEARCH"\)/,
    );
    expect(() => readSearchFile(BYTES.subarray(0, 40), 'search.bin')).toThrow(
      /^search\.bin: the header: runs past the end of the file/,
    );
    expect(() => readSearchFile(at(BYTES, 12, 0x5b), 'search.bin')).toThrow(
      /^search\.bin: the header: is not JSON/,
    );
    expect(() => readSearchFile(at(BYTES, 12, 0xff), 'search.bin')).toThrow(
      /^search\.bin: the header: is not UTF-8/,
    );
    expect(() => readSearchFile(BYTES.subarray(0, BYTES.length - 4), 'search.bin')).toThrow(
      /^search\.bin: section "written": runs past the end of the file/,
    );
  });

  it('checks the text as the lists write it when it is first asked for', () => {
    const parts = searchFileParts(LISTINGS, SHA);
    parts.primaryNames[1] = '';
    const file = readSearchFile(encodeSearchFile(parts), 'search.bin');
    // The index is made without it; the names are refused when asked for.
    expect(indexFromSearchFile(file).index.docCount).toBeGreaterThan(0);
    expect(() => file.written()).toThrow(
      /^search\.bin: listing 2 \(el-megvii\): field "primaryNames": expected a non-empty string/,
    );
    const fewer = searchFileParts(LISTINGS, SHA);
    fewer.identifierValues.pop();
    expect(() => readSearchFile(encodeSearchFile(fewer), 'search.bin').written()).toThrow(
      /section "written": expected "identifierValues", 2 of them/,
    );
  });
});
