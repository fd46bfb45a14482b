import type { z } from 'zod';
import type {
  addressSchema,
  aliasSchema,
  citationSchema,
  eventSchema,
  identifierSchema,
  listingSchema,
  sourceListingSchema,
  vesselSchema,
} from './listing-schema';

/**
 * The normalised listing: one party on one list, as one official source describes it. Its zod
 * schemas (`listing-schema.ts`) are the contract between the pipeline (which writes it) and the
 * app (which validates it on load); every field is documented there, and fields added after
 * schema 1 say so. This module holds what code needs without zod: the types, the constants and
 * helpers.
 */
export const SCHEMA_VERSION = 2;

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isRealCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export const ENTITY_TYPES = ['individual', 'entity', 'vessel', 'aircraft'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** aka/fka/nka as OFAC and the CSL write them; `weak` is an a.k.a. that OFAC gives only inside
 * `Remarks` ("a.k.a. 'SUGON'"), which OFAC itself calls a weak alias; the UN's "Low" quality
 * aliases are `weak` too. */
export const ALIAS_KINDS = ['aka', 'fka', 'nka', 'weak'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

/**
 * Dated facts about a listing. `listed` is the official date the party was added (EL/MEU/DPL/ISN
 * `start_date`, CMIC "Listing Date", UN `LISTED_ON`, DPL `Effective_Date`); `amended` a later
 * Federal Register action; `effective` and `divestment` the CMIC Effective and Purchase/Sales For
 * Divestment dates; `expires` a DPL expiry. Never guessed: a source without a date gives no event.
 */
export const EVENT_KINDS = ['listed', 'amended', 'effective', 'divestment', 'expires'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const SOURCE_FORMATS = ['csl-csv', 'csl-json', 'ofac-csv', 'bis-dpl', 'un-xml'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** The listing's types, as its zod schemas (`listing-schema.ts`) define them. */
export type Alias = z.infer<typeof aliasSchema>;
export type Address = z.infer<typeof addressSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type ListingEvent = z.infer<typeof eventSchema>;
export type Identifier = z.infer<typeof identifierSchema>;
export type Vessel = z.infer<typeof vesselSchema>;
export type SourceListing = z.infer<typeof sourceListingSchema>;
export type Listing = z.infer<typeof listingSchema>;

/** The date a listing was added, from its `listed` event; null when the source publishes none. */
export function listedDate(listing: Pick<Listing, 'events'>): string | null {
  let earliest: string | null = null;
  for (const event of listing.events) {
    if (event.kind === 'listed' && event.date !== null) {
      if (earliest === null || event.date < earliest) earliest = event.date;
    }
  }
  return earliest;
}
