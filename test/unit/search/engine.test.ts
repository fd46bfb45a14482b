import { describe, expect, it } from 'vitest';
import {
  addMiniSearchInSlices,
  buildSearchIndex,
  buildSearchIndexInSlices,
  NeedsMiniSearchError,
  miniSearchOptions,
  searchListings,
  searchListingsRanked,
  type SearchHit,
  type SearchIndex,
} from '../../../src/search/engine';
import { rankClass } from '../../../src/search/classify';
import { packHits, packRankedHits } from '../../../src/search/packed-hits';
import { explainSearchHit } from '../../../src/search/explain';
import { toSearchDocs } from '../../../src/search/search-docs';
import { makeListing } from './listing-factory';

/** MiniSearch's own search of one word in the index's engine: listing id → score. */
function miniSearchScores(index: SearchIndex, term: string, prefix: boolean): Map<string, number> {
  return new Map(
    (index.engine?.search(term, miniSearchOptions(index, { prefix })) ?? []).map((result) => [
      index.namesById.get(String(result.id))?.doc.listingId ?? '',
      result.score,
    ]),
  );
}

function explanationOf(hit: SearchHit | undefined): string | undefined {
  return hit === undefined ? undefined : explainSearchHit(hit);
}

const LISTINGS = [
  makeListing('cmic-33091', 'MEGVII TECHNOLOGY LIMITED'),
  makeListing('el-megvii', 'Megvii Technology'),
  makeListing('sdn-1001', 'MEGVIN TRADING LLC'),
  makeListing(
    'cmic-33113',
    'DAWNING INFORMATION INDUSTRY CO., LTD',
    [{ name: 'SUGON', kind: 'weak' }],
    [
      { type: 'ISIN', value: 'CNE100001TW7', country: null },
      { type: 'Unified Social Credit Code (USCC)', value: '91120000783342508F', country: 'CN' },
      { type: 'Gender', value: 'Male', country: null },
    ],
  ),
  makeListing('sdn-kim', 'KIM, Jong Un'),
  makeListing('ssi-gpb', 'GAZPROMBANK JOINT STOCK COMPANY', [{ name: 'GPB', kind: 'aka' }]),
  makeListing('el-gpb-ch', 'Gazprom Bank (Switzerland) Ltd.'),
  makeListing('el-huawei', 'Huawei Technologies Co., Ltd.', [{ name: 'Huawei', kind: 'aka' }]),
  makeListing('sdn-rosneft', 'ROSNEFT OIL COMPANY', [{ name: 'ROSNEFT TRADING', kind: 'fka' }]),
];
const INDEX = buildSearchIndex(LISTINGS.flatMap(toSearchDocs));

function ids(hits: readonly SearchHit[]): string[] {
  return hits.map((hit) => hit.listingId);
}

function hitFor(query: string, listingId: string): SearchHit | undefined {
  return searchListings(INDEX, query).find((hit) => hit.listingId === listingId);
}

describe('toSearchDocs', () => {
  it('makes one document per name and per exact-lookup identifier, numbered in order', () => {
    const docs = toSearchDocs(LISTINGS[3]!);
    expect(docs.map((doc) => [doc.id, doc.kind])).toEqual([
      ['cmic-33113#0', 'primary'],
      ['cmic-33113#1', 'weak'],
      ['cmic-33113#2', 'identifier'],
      ['cmic-33113#3', 'identifier'],
    ]);
  });
});

describe('searchListings ranking', () => {
  it('ranks exact matches above fuzzy ones', () => {
    const hits = searchListings(INDEX, 'Megvii');
    expect(ids(hits)).toEqual(['cmic-33091', 'el-megvii', 'sdn-1001']);
    expect(hits.map((hit) => hit.quality)).toEqual(['exact', 'exact', 'fuzzy']);
  });

  it('ranks a whole-name match above a name that only contains the words', () => {
    const hits = searchListings(INDEX, 'Gazprombank');
    expect(hits[0]?.listingId).toBe('ssi-gpb');
    expect(explanationOf(hits[0])).toMatch(/^Exact match on primary name/);
  });

  it('returns one hit per listing, its best name', () => {
    const hits = searchListings(INDEX, 'huawei');
    expect(ids(hits)).toEqual(['el-huawei']);
    expect(hits[0]?.matchedName).toBe('Huawei');
    expect(hits[0]?.matchedKind).toBe('aka');
  });

  it('ignores word order', () => {
    const hit = hitFor('Jong Un Kim', 'sdn-kim');
    expect(hit?.quality).toBe('exact');
    expect(explanationOf(hit)).toBe('Exact match on primary name "KIM, Jong Un"');
  });

  it('finds "Gazprom Bank" in "GAZPROMBANK …" and says the words were joined', () => {
    const hit = hitFor('Gazprom Bank', 'ssi-gpb');
    expect(hit?.quality).toBe('exact');
    expect(explanationOf(hit)).toContain('"gazprom bank" as "gazprombank"');
  });

  it('joins a half-typed last pair only when some name has a word it begins', () => {
    expect(explanationOf(hitFor('Gazprom Ba', 'ssi-gpb'))).toContain('as "gazpromba"');
    // No indexed word is "megviitechnology…": that reading is never tried, and the words still hit.
    const hit = hitFor('Megvii Techn', 'el-megvii');
    expect(explanationOf(hit)).not.toContain('joined');
    expect(INDEX.words).toContain('gazprombank');
  });

  it('finds "Gazprombank" in "Gazprom Bank (Switzerland)", and says the word was split', () => {
    const hit = hitFor('Gazprombank', 'el-gpb-ch');
    expect(hit?.quality).toBe('exact');
    expect(explanationOf(hit)).toContain('"gazprombank" as "gazprom bank"');
    // While the joined word is typed, its half-typed second half is a prefix.
    expect(hitFor('Gazpromb', 'el-gpb-ch')?.quality).toBe('prefix');
  });

  it('says which of its names a hit matched, past the tenth', () => {
    const aliases = Array.from({ length: 12 }, (_, index) => ({
      name: `VESSEL NUMBER ${'ABCDEFGHIJKL'[index]}X`,
      kind: 'aka' as const,
    }));
    const index = buildSearchIndex(
      [makeListing('sdn-fleet', 'FLEET OPERATOR LLC', aliases)].flatMap(toSearchDocs),
    );
    expect(searchListings(index, 'fleet operator')[0]?.matchedSlot).toBe(0);
    expect(searchListings(index, 'vessel number kx')[0]?.matchedSlot).toBe(11);
    expect(searchListings(index, 'vessel number lx')[0]?.matchedSlot).toBe(12);
  });

  it('splits a word only into halves that stand side by side, in order, in a name', () => {
    const index = buildSearchIndex(
      [
        makeListing('sdn-apart', 'BANK OF GAZPROM'),
        makeListing('sdn-together', 'GAZPROM BANK OJSC'),
      ].flatMap(toSearchDocs),
    );
    expect(ids(searchListings(index, 'gazprombank'))).toEqual(['sdn-together']);
    expect(ids(searchListings(index, 'gazprom bank'))).toEqual(['sdn-together', 'sdn-apart']);
  });

  it('ranks a word that begins as typed above a split of what is typed', () => {
    const index = buildSearchIndex(
      [
        makeListing('sdn-burenie', 'GAZPROM BURENIE, OOO'),
        makeListing('sdn-gpb', 'GAZPROMBANK JOINT STOCK COMPANY'),
      ].flatMap(toSearchDocs),
    );
    const hits = searchListings(index, 'gazpromb');
    expect(ids(hits)).toEqual(['sdn-gpb', 'sdn-burenie']);
    expect(hits[1]?.quality).toBe('prefix');
  });

  it('tolerates a typo', () => {
    expect(ids(searchListings(INDEX, 'Megvi'))).toContain('cmic-33091');
    const hit = hitFor('Megwii Technology', 'el-megvii');
    expect(hit?.quality).toBe('fuzzy');
    expect(explanationOf(hit)).toBe('Fuzzy match (1 typo) on primary name "Megvii Technology"');
  });

  it('answers a typo the same after the near words of many other terms were looked up', () => {
    const queries = ['Megwii Technology', 'Gazprm bank', 'Rosnef trding', 'Huawai'];
    const before = queries.map((query) => searchListings(INDEX, query));
    // More terms than the index keeps the near words of, each looked up once.
    for (let term = 0; term < 200; term += 1) searchListings(INDEX, `zq${term}xv`);
    expect(queries.map((query) => searchListings(INDEX, query))).toEqual(before);
    const fresh = buildSearchIndex(LISTINGS.flatMap(toSearchDocs));
    expect(queries.map((query) => searchListings(fresh, query))).toEqual(before);
    expect(before.every((hits) => hits.some((hit) => hit.quality === 'fuzzy'))).toBe(true);
    // Another index's vocabulary has its own near words for the same term.
    const other = buildSearchIndex(
      [makeListing('other-1', 'Aardvark Megvii Holdings'), makeListing('other-2', 'Zeta')].flatMap(
        toSearchDocs,
      ),
    );
    expect(ids(searchListings(other, 'Megwii'))).toEqual(['other-1']);
  });

  it('allows no typo in a word of 3 letters or fewer', () => {
    expect(ids(searchListings(INDEX, 'kin'))).not.toContain('sdn-kim');
  });

  it('matches the last word as a prefix while typing', () => {
    const hit = hitFor('meg', 'cmic-33091');
    expect(hit?.quality).toBe('prefix');
    expect(explanationOf(hit)).toContain('Prefix match ("meg…")');
  });

  it('reports the alias and its kind that matched', () => {
    const hit = hitFor('Sugon', 'cmic-33113');
    expect(hit).toMatchObject({ matchedName: 'SUGON', matchedKind: 'weak', quality: 'exact' });
    expect(explanationOf(hit)).toMatch(
      /^Exact match on alias "SUGON" \(weak a\.k\.a\. in OFAC remarks/,
    );
    expect(explanationOf(hitFor('rosneft trading', 'sdn-rosneft'))).toContain('former name');
  });

  it('ignores a half-typed legal form that would otherwise match nothing', () => {
    const hit = hitFor('megvii technology lim', 'cmic-33091');
    expect(hit?.isPartial).toBe(false);
    expect(explanationOf(hit)).toContain('ignoring "lim"');
  });

  it('ignores the start of a legal phrase the query stops in, over several words', () => {
    // Indexed as "gazprombank": the whole "joint stock company" is dropped from names, and "joint
    // stock" alone was two words no name had; every word but "stock" still found nothing.
    const hit = hitFor('Gazprombank Joint Stock', 'ssi-gpb');
    expect(hit?.isPartial).toBe(false);
    expect(hit?.quality).toBe('exact');
    expect(explanationOf(hit)).toContain('ignoring "joint stock"');
    expect(ids(searchListings(INDEX, 'Gazprombank Joint Stock'))).toEqual(['ssi-gpb']);
  });
});

describe('identifiers', () => {
  it('match on the exact normalised value', () => {
    const hits = searchListings(INDEX, 'cne100001tw7');
    expect(hits[0]).toMatchObject({
      listingId: 'cmic-33113',
      quality: 'identifier',
      matchedName: 'CNE100001TW7',
    });
    expect(explanationOf(hits[0])).toBe('Exact identifier match on ISIN "CNE100001TW7"');
  });

  it('never match fuzzily or by prefix', () => {
    expect(searchListings(INDEX, 'CNE100001TW8')).toEqual([]);
    expect(searchListings(INDEX, 'CNE100001')).toEqual([]);
  });

  it('are not indexed when their type is not an identity (Gender)', () => {
    expect(ids(searchListings(INDEX, 'male'))).not.toContain('cmic-33113');
  });
});

describe('candidateIds and limit', () => {
  it('filters candidates before the limit is applied', () => {
    expect(ids(searchListings(INDEX, 'megvii', { limit: 1 }))).toEqual(['cmic-33091']);
    const filtered = searchListings(INDEX, 'megvii', {
      limit: 1,
      candidateIds: new Set(['el-megvii']),
    });
    expect(ids(filtered)).toEqual(['el-megvii']);
  });
});

describe('AND then OR', () => {
  it('requires every word when some name has them all', () => {
    expect(ids(searchListings(INDEX, 'megvii technology'))).toEqual(['cmic-33091', 'el-megvii']);
  });

  it('falls back to any word, marked partial, only when no name has them all', () => {
    const hits = searchListings(INDEX, 'huawei rosneft');
    expect(new Set(ids(hits))).toEqual(new Set(['el-huawei', 'sdn-rosneft']));
    expect(hits.every((hit) => hit.isPartial)).toBe(true);
    expect(explanationOf(hits[0])).toContain('partial: 1 of 2 words (no name has them all)');
  });

  it('reads all but one word before any word', () => {
    // No name has all three; "MEGVII TECHNOLOGY LIMITED" and "Megvii Technology" have two.
    const hits = searchListings(INDEX, 'megvii technology rosneft');
    expect(new Set(ids(hits))).toEqual(new Set(['cmic-33091', 'el-megvii']));
    expect(explanationOf(hits[0])).toContain('partial: 2 of 3 words');
    // No name has two of these three: any one word will do.
    expect(new Set(ids(searchListings(INDEX, 'huawei rosneft zzyzx')))).toEqual(
      new Set(['el-huawei', 'sdn-rosneft']),
    );
  });

  it('decides the fallback within the candidates', () => {
    // Without a filter AND finds "MEGVIN TRADING" (one typo); among the candidates nothing has
    // both words, so the candidates' partial matches are shown rather than nothing.
    expect(ids(searchListings(INDEX, 'megvii trading'))).toEqual(['sdn-1001']);
    const hits = searchListings(INDEX, 'megvii trading', { candidateIds: new Set(['cmic-33091']) });
    expect(hits).toMatchObject([{ listingId: 'cmic-33091', isPartial: true }]);
  });
});

describe('an index built in slices', () => {
  it('answers as the whole index does, but for the OR reading, which it leaves to MiniSearch', async () => {
    let pauses = 0;
    const sliced = await buildSearchIndexInSlices(
      LISTINGS.flatMap(toSearchDocs),
      async () => {
        pauses += 1;
      },
      3,
    );
    expect(pauses).toBeGreaterThan(3);
    expect(sliced.engine).toBeNull();
    for (const query of [
      'megvii',
      'megvi tech',
      'sugon',
      'gazprombank',
      'CNE100001TW7',
      'huawei rosneft',
    ]) {
      expect(searchListings(sliced, query)).toEqual(searchListings(INDEX, query));
    }
    expect(() => searchListings(sliced, 'huawei rosneft zzyzx')).toThrow(NeedsMiniSearchError);
  });

  it('answers the OR reading as the full index does once MiniSearch is added in slices', async () => {
    const docs = LISTINGS.flatMap(toSearchDocs);
    const index = buildSearchIndex(docs, { miniSearch: false });
    expect(() => searchListings(index, 'huawei rosneft zzyzx')).toThrow(NeedsMiniSearchError);
    let pauses = 0;
    await addMiniSearchInSlices(
      index,
      docs,
      async () => {
        pauses += 1;
      },
      { sliceSize: 2 },
    );
    expect(pauses).toBe(Math.ceil(docs.length / 2));
    for (const query of ['huawei rosneft zzyzx', 'megvi tech', 'rosneft']) {
      expect(searchListings(index, query)).toEqual(searchListings(INDEX, query));
    }
  });

  it('ends a slice of MiniSearch when its time is up, whatever its size', async () => {
    const docs = LISTINGS.flatMap(toSearchDocs);
    const index = buildSearchIndex(docs, { miniSearch: false });
    let pauses = 0;
    // A clock that moves 4 ms each time it is read: a 10 ms slice holds 3 documents.
    let clock = 0;
    await addMiniSearchInSlices(
      index,
      docs,
      async () => {
        pauses += 1;
      },
      { sliceSize: 1000, sliceMillis: 10, now: () => (clock += 4) },
    );
    expect(docs.length).toBeGreaterThan(6);
    expect(pauses).toBe(Math.ceil(docs.length / 3));
    expect(searchListings(index, 'huawei rosneft zzyzx')).toEqual(
      searchListings(INDEX, 'huawei rosneft zzyzx'),
    );
  });
});

it('returns nothing for an empty or punctuation-only query', () => {
  expect(searchListings(INDEX, '')).toEqual([]);
  expect(searchListings(INDEX, ' ,- ')).toEqual([]);
});

describe('searchListings on a word many names share', () => {
  /** Many names with "bank" or "ha…" words, and few with the rarer words. */
  const BROAD = [
    ...LISTINGS,
    ...Array.from({ length: 60 }, (_, index) =>
      makeListing(`sdn-bank-${index}`, `BANK NUMBER ${index} OF COMMERCE`),
    ),
    ...Array.from({ length: 40 }, (_, index) =>
      makeListing(`sdn-ha-${index}`, `${['HAMAS', 'HA', 'HAN', 'HAJI'][index % 4]} GROUP ${index}`),
    ),
    makeListing('sdn-melli', 'BANK MELLI IRAN', [{ name: 'MELLI BANK PLC', kind: 'aka' }]),
    makeListing('sdn-haha', 'HA HAMAS TRADING'),
  ];
  const BROAD_INDEX = buildSearchIndex(BROAD.flatMap(toSearchDocs));

  it('finds exactly the names that have every word, however common one of them is', () => {
    const hits = searchListings(BROAD_INDEX, 'bank melli');
    expect(ids(hits)).toEqual(['sdn-melli']);
    expect(ids(searchListings(BROAD_INDEX, 'bank of commerce'))).toHaveLength(60);
    expect(ids(searchListings(BROAD_INDEX, 'number 7 of commerce bank'))).toEqual(['sdn-bank-7']);
  });

  it('scores a short word as MiniSearch does, and judges each name by its words', () => {
    const hits = searchListings(BROAD_INDEX, 'ha');
    // Every listing with a word starting "ha" (prefix), and no other.
    const expected = BROAD.filter((listing) =>
      listing.name
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .some((word) => word.startsWith('ha')),
    ).map((listing) => listing.id);
    expect(new Set(ids(hits))).toEqual(new Set(expected));
    // The same scores as MiniSearch's own search of the same word (one name per listing here).
    const miniSearch = miniSearchScores(BROAD_INDEX, 'ha', true);
    for (const hit of hits.filter((each) => each.quality !== 'identifier')) {
      if (hit.score >= 500) continue; // a whole-name hit ("HA") scores above any word match
      expect(hit.score).toBeCloseTo(miniSearch.get(hit.listingId) ?? NaN, 10);
    }
    // The exact word first: "HA HAMAS TRADING" and "HA GROUP n" before "HAMAS GROUP n".
    expect(hits[0]?.quality).toBe('exact');
    expect(hits.find((hit) => hit.listingId === 'sdn-ha-0')?.quality).toBe('prefix');
    expect(hitFor('ha', 'sdn-haha')).toBeUndefined(); // not in INDEX: the shared index is untouched
    expect(hits.find((hit) => hit.listingId === 'sdn-haha')?.quality).toBe('exact');
  });
  it('ranks hundreds of hits by class, then score, then listing id, ties and all', () => {
    // Ids out of file order, names that tie on score, and every class: exact, prefix, typo.
    const shapes = ['HAMAS', 'HAMAS GROUP', 'HAMASS GROUP', 'HAMA GROUP', 'HAMASTAN', 'HAMMAS CO'];
    const listings = Array.from({ length: 300 }, (_, at) =>
      makeListing(`sdn-${String((at * 7919) % 300).padStart(3, '0')}`, `${shapes[at % 6]} ${at}`),
    );
    const index = buildSearchIndex(listings.flatMap(toSearchDocs));
    for (const query of ['hamas', 'hama', 'ha']) {
      const hits = searchListings(index, query);
      expect(hits.length).toBeGreaterThan(100);
      if (query === 'hamas')
        expect(new Set(hits.map((hit) => rankClass(hit.match)))).toEqual(new Set([1, 2, 3]));
      for (let at = 1; at < hits.length; at += 1) {
        const [before, after] = [hits[at - 1]!, hits[at]!];
        const order =
          rankClass(before.match) - rankClass(after.match) ||
          Math.fround(after.score) - Math.fround(before.score) ||
          before.listingId.localeCompare(after.listingId);
        expect(order, `${query}: ${before.listingId} before ${after.listingId}`).toBeLessThan(0);
      }
    }
  });

  it('gives the same hits one at a time (searchListingsRanked), packed the same', () => {
    for (const query of ['ha', 'bank of', 'hamas group 3', 'banc']) {
      const hits = searchListings(BROAD_INDEX, query, { limit: 50 });
      const ranked = searchListingsRanked(BROAD_INDEX, query, { limit: 50 });
      expect(ranked.count).toBe(hits.length);
      // Each read before the next: the one object is overwritten.
      const oneByOne = Array.from({ length: ranked.count }, (_, at) => ({ ...ranked.hitAt(at) }));
      expect(oneByOne.map((hit) => ({ identifierType: undefined, ...hit }))).toEqual(
        hits.map((hit) => ({ identifierType: undefined, ...hit })),
      );
      expect(packRankedHits(searchListingsRanked(BROAD_INDEX, query), 2)).toEqual(
        packHits(searchListings(BROAD_INDEX, query), 2),
      );
    }
    expect(() => searchListingsRanked(BROAD_INDEX, 'ha', { limit: 3 }).hitAt(3)).toThrow(
      RangeError,
    );
  });

  it('scores a word met exactly, as a prefix and with a typo as MiniSearch does', () => {
    const words = ['JONG', 'JUNG', 'LONG', 'JON', 'JONGS', 'JONGIL', 'JONG JONG', 'YOUNG', 'SONGS'];
    const listings = words.map((word, index) => makeListing(`sdn-j${index}`, `${word} TRADING`));
    const index = buildSearchIndex(listings.flatMap(toSearchDocs));
    for (const [query, prefix] of [
      ['jong', true],
      ['jongs', true],
      ['jong trading', false],
    ] as const) {
      const hits = searchListings(index, query);
      const term = query.split(' ')[0] ?? '';
      const miniSearch = miniSearchScores(index, term, prefix);
      // The same listings: the judging adds nothing MiniSearch's word search did not find.
      expect(new Set(ids(hits))).toEqual(new Set(miniSearch.keys()));
      for (const hit of hits) {
        if (hit.score >= 500) continue; // whole-name hits score above any word match
        expect(hit.score).toBeCloseTo(miniSearch.get(hit.listingId) ?? NaN, 10);
      }
    }
  });
});
