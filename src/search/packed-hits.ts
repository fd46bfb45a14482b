/**
 * A search's hits as the worker sends them to the page: one typed array per field, moved across
 * (transferred) rather than copied, and read back one hit at a time for the rows shown.
 *
 * At 10× the lists a two-letter query has 20,000–30,000 hits. Sent as objects, the page spent
 * ~11 ms per keystroke deserialising them and ~11 ms more finding each hit's listing by id; the
 * filter only needs where each listing is, and the table reads the details of ~30 rows.
 */
import { MATCH_QUALITIES, type MatchQuality } from './classify';
import type { RankedHits, SearchHit } from './engine';
import { NAME_KINDS, type NameKind } from './search-docs';

export interface PackedHits {
  readonly count: number;
  /** Which `hit-order` the positions are in (its `order`); 0 when none was set. */
  readonly order: number;
  /** Per hit, best first: its listing's position in that order, -1 when the order lacks it.
   * Empty when no order was set, and `listingIds` says which listing each hit is. */
  readonly positions: Int32Array;
  readonly listingIds: readonly string[] | null;
  readonly slots: Int32Array;
  readonly scores: Float64Array;
  /** `NAME_KINDS` and `MATCH_QUALITIES` indexes. */
  readonly kinds: Uint8Array;
  readonly qualities: Uint8Array;
  /** `HAS_MATCH`, `FULL_NAME` and `PARTIAL` bits. */
  readonly flags: Uint8Array;
  /** matchedTerms, totalTerms and typos of each hit's match, three a hit. */
  readonly terms: Int32Array;
  /** The distinct strings of the hits; each string field is an index into them, -1 for none. */
  readonly strings: readonly string[];
  /** matchedName, identifierType, prefixTerm and variantNote, four a hit. */
  readonly stringAt: Int32Array;
}

const HAS_MATCH = 1;
const FULL_NAME = 2;
const PARTIAL = 4;
const STRING_FIELDS = 4;

/**
 * Packs `hits` (best first). With an `order`, each hit's listing goes as its position in that
 * order, the hit's own `position` (the search gives one when asked, `listingPositions`), or -1.
 * Without, as its id.
 */
export function packHits(hits: readonly SearchHit[], order?: number): PackedHits {
  return packRankedHits({ count: hits.length, hitAt: (at) => hits[at] as SearchHit }, order);
}

/** `packHits` of hits read one at a time, each of which may be the same object overwritten
 * (`searchListingsRanked`): every field is read before the next hit is asked for. */
export function packRankedHits(hits: RankedHits, order?: number): PackedHits {
  const { count } = hits;
  const inOrder = order !== undefined;
  const positions = new Int32Array(inOrder ? count : 0);
  const slots = new Int32Array(count);
  const scores = new Float64Array(count);
  const kinds = new Uint8Array(count);
  const qualities = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const terms = new Int32Array(count * 3);
  const stringAt = new Int32Array(count * STRING_FIELDS);
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const indexOf = (value: string | null | undefined): number => {
    if (value === null || value === undefined) return -1;
    let index = stringIndex.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      stringIndex.set(value, index);
    }
    return index;
  };
  const listingIds: string[] | null = inOrder ? null : [];
  for (let at = 0; at < count; at += 1) {
    const hit = hits.hitAt(at);
    listingIds?.push(hit.listingId);
    if (inOrder) positions[at] = hit.position ?? -1;
    slots[at] = hit.matchedSlot;
    scores[at] = hit.score;
    kinds[at] = NAME_KINDS.indexOf(hit.matchedKind);
    qualities[at] = MATCH_QUALITIES.indexOf(hit.quality);
    const { match } = hit;
    flags[at] =
      (match === null ? 0 : HAS_MATCH) |
      (match?.isFullName === true ? FULL_NAME : 0) |
      (hit.isPartial ? PARTIAL : 0);
    if (match !== null) {
      terms[at * 3] = match.matchedTerms;
      terms[at * 3 + 1] = match.totalTerms;
      terms[at * 3 + 2] = match.typos;
    }
    const fields = at * STRING_FIELDS;
    stringAt[fields] = indexOf(hit.matchedName);
    stringAt[fields + 1] = indexOf(hit.identifierType);
    stringAt[fields + 2] = indexOf(match?.prefixTerm);
    stringAt[fields + 3] = indexOf(hit.variantNote);
  }
  return {
    count,
    order: order ?? 0,
    positions,
    listingIds,
    slots,
    scores,
    kinds,
    qualities,
    flags,
    terms,
    strings,
    stringAt,
  };
}

/** The buffers of `packed`, to transfer with it (the sender can no longer read them). */
export function packedBuffers(packed: PackedHits): ArrayBuffer[] {
  return [
    packed.positions,
    packed.slots,
    packed.scores,
    packed.kinds,
    packed.qualities,
    packed.flags,
    packed.terms,
    packed.stringAt,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** The hit at `index` (0 is the best), whose listing is `listingId` (from `listingIds` when the
 * hits came with them). */
export function unpackHit(
  packed: PackedHits,
  index: number,
  listingId = packed.listingIds?.[index] ?? '',
): SearchHit {
  const string = (field: number) => {
    const at = packed.stringAt[index * STRING_FIELDS + field]!;
    return at < 0 ? null : (packed.strings[at] as string);
  };
  const flags = packed.flags[index]!;
  const quality = MATCH_QUALITIES[packed.qualities[index]!] as MatchQuality;
  const hit: SearchHit = {
    listingId,
    matchedName: string(0) ?? '',
    matchedKind: NAME_KINDS[packed.kinds[index]!] as NameKind,
    matchedSlot: packed.slots[index]!,
    score: packed.scores[index]!,
    quality,
    match:
      (flags & HAS_MATCH) === 0
        ? null
        : {
            quality: quality as Exclude<MatchQuality, 'identifier'>,
            isFullName: (flags & FULL_NAME) !== 0,
            matchedTerms: packed.terms[index * 3]!,
            totalTerms: packed.terms[index * 3 + 1]!,
            typos: packed.terms[index * 3 + 2]!,
            prefixTerm: string(2),
          },
    variantNote: string(3),
    isPartial: (flags & PARTIAL) !== 0,
  };
  const identifierType = string(1);
  return identifierType === null ? hit : { ...hit, identifierType };
}

/** Every hit, best first (for hits packed with their listing ids). */
export function unpackHits(packed: PackedHits): SearchHit[] {
  return Array.from({ length: packed.count }, (_, index) => unpackHit(packed, index));
}
