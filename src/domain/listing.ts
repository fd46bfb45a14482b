import { z } from 'zod';
import { AGENCY_CODES, LIST_CODES } from './lists';
import { SECTOR_CODES } from './sector';

/**
 * The normalised listing: one party on one list, as one official source describes it.
 * This is the contract between the pipeline (which writes it) and the app (which validates it on
 * load). Every field is documented; fields added after schema 1 say so.
 */
export const SCHEMA_VERSION = 2;

/** An ISO date `YYYY-MM-DD` that is a real calendar day. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isRealCalendarDate, 'not a real calendar date');

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

export const aliasSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(ALIAS_KINDS),
});
export type Alias = z.infer<typeof aliasSchema>;

/** ISO 3166-1 alpha-2 code, upper case (XK for Kosovo is accepted as OFAC uses it). */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/);

export const addressSchema = z.object({
  /** The address as the source wrote it, components joined by ", ". Always present. */
  text: z.string(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  /** State, province or region when the source separates it. */
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  /** ISO-2 country, normalised from a code or a country name; null when none could be read. */
  country: countryCodeSchema.nullable(),
});
export type Address = z.infer<typeof addressSchema>;

/** A Federal Register citation such as `86 FR 71557` or `68 F.R. 38290 6/27/03`. */
export const citationSchema = z.object({
  /** As written in the source. */
  text: z.string(),
  volume: z.number().int().positive(),
  page: z.number().int().positive(),
  /** Publication date when the source gives it (DPL style), else null. */
  date: isoDateSchema.nullable(),
});
export type Citation = z.infer<typeof citationSchema>;

/**
 * Dated facts about a listing. `listed` is the official date the party was added (EL/MEU/DPL/ISN
 * `start_date`, CMIC "Listing Date", UN `LISTED_ON`, DPL `Effective_Date`); `amended` a later
 * Federal Register action; `effective` and `divestment` the CMIC Effective and Purchase/Sales For
 * Divestment dates; `expires` a DPL expiry. Never guessed: a source without a date gives no event.
 */
export const EVENT_KINDS = ['listed', 'amended', 'effective', 'divestment', 'expires'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const eventSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  date: isoDateSchema.nullable(),
  citation: citationSchema.nullable(),
  /** Which source field the event was read from, e.g. `start_date` or `ids`. */
  from: z.string(),
});
export type ListingEvent = z.infer<typeof eventSchema>;

export const identifierSchema = z.object({
  type: z.string(),
  value: z.string(),
  country: countryCodeSchema.nullable(),
});
export type Identifier = z.infer<typeof identifierSchema>;

export const vesselSchema = z.object({
  callSign: z.string().nullable(),
  vesselType: z.string().nullable(),
  tonnage: z.string().nullable(),
  grossRegisteredTonnage: z.string().nullable(),
  flag: z.string().nullable(),
  owner: z.string().nullable(),
});
export type Vessel = z.infer<typeof vesselSchema>;

export const SOURCE_FORMATS = ['csl-csv', 'csl-json', 'ofac-csv', 'bis-dpl', 'un-xml'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const sourceRefSchema = z.object({
  /** Source id as in the manifest, e.g. `csl/consolidated.csv`. */
  file: z.string(),
  /** 1-based data record number in that file (header not counted). */
  row: z.number().int().positive(),
  format: z.enum(SOURCE_FORMATS),
});

/** A listing as a source adapter reads it: only what the official file says. */
export const sourceListingSchema = z.object({
  /** Stable id: `<list code lower case>-<source id>`, e.g. `sdn-36`, `el-cd95318a…`, `un-6908555`.
   * The CSL `_id` alone is not unique: the same OFAC ent_num sits on several Treasury lists. */
  id: z.string().regex(/^[a-z]+-[A-Za-z0-9._-]+$/),
  /** The identifier the source itself uses (OFAC ent_num, CSL `_id`, UN DATAID…). */
  sourceId: z.string().min(1),
  list: z.enum(LIST_CODES),
  agency: z.enum(AGENCY_CODES),
  /** null where the list does not say (BIS and State lists in the CSL). */
  type: z.enum(ENTITY_TYPES).nullable(),
  name: z.string().min(1),
  aliases: z.array(aliasSchema),
  title: z.string().nullable(),
  addresses: z.array(addressSchema),
  nationalities: z.array(countryCodeSchema),
  citizenships: z.array(countryCodeSchema),
  datesOfBirth: z.array(z.string()),
  placesOfBirth: z.array(z.string()),
  /** OFAC program codes (`SDGT`, `CMIC-EO13959`) or, for ISN, the legal authorities. */
  programs: z.array(z.string()),
  licenseRequirement: z.string().nullable(),
  licensePolicy: z.string().nullable(),
  citations: z.array(citationSchema),
  events: z.array(eventSchema),
  identifiers: z.array(identifierSchema),
  remarks: z.string().nullable(),
  vessel: vesselSchema.nullable(),
  /** DPL standard denial order flag, normalised to true/false; null when not stated. */
  standardOrder: z.boolean().nullable(),
  sourceListUrl: z.string().nullable(),
  sourceInfoUrl: z.string().nullable(),
  source: sourceRefSchema,
});
export type SourceListing = z.infer<typeof sourceListingSchema>;

/** Our sector classification (src/domain/sector-rules.ts) and the rule that decided it. */
export const sectorResultSchema = z.object({
  sector: z.enum(SECTOR_CODES),
  rule: z.object({ id: z.string(), description: z.string(), matched: z.string() }),
});

/**
 * A listing as the app receives it. Schema 2 added `sector`: the pipeline classifies every
 * listing once, so the page does not compile and run the keyword rules for 15,000 listings on
 * every load (about 0.9 s of main-thread time in Chromium).
 */
export const listingSchema = sourceListingSchema.extend({ sector: sectorResultSchema });
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
