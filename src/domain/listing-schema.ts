import { z } from 'zod';
import { AGENCY_CODES, LIST_CODES } from './lists';
import { SECTOR_CODES } from './sector';
import {
  ALIAS_KINDS,
  ENTITY_TYPES,
  EVENT_KINDS,
  SOURCE_FORMATS,
  isRealCalendarDate,
} from './listing';

/**
 * The listing's schema in zod: the contract between the pipeline (which writes listings) and the
 * app (which checks them on load). Its types are named in `listing.ts`.
 *
 * Kept apart from `listing.ts` so that the app's bundle and its search worker do not carry zod:
 * they accept listings with the check compiled from this schema
 * (`src/data/listing-check.generated.ts`) and load this module only to word a listing that the
 * check refuses. zod's code and the building of these schemas were ~15% of the page's bundle and
 * ~45% of the worker's, parsed and run before the lists could be read.
 */

/** An ISO date `YYYY-MM-DD` that is a real calendar day. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isRealCalendarDate, 'not a real calendar date');

export const aliasSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(ALIAS_KINDS),
});

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

/** A Federal Register citation such as `86 FR 71557` or `68 F.R. 38290 6/27/03`. */
export const citationSchema = z.object({
  /** As written in the source. */
  text: z.string(),
  volume: z.number().int().positive(),
  page: z.number().int().positive(),
  /** Publication date when the source gives it (DPL style), else null. */
  date: isoDateSchema.nullable(),
});

export const eventSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  date: isoDateSchema.nullable(),
  citation: citationSchema.nullable(),
  /** Which source field the event was read from, e.g. `start_date` or `ids`. */
  from: z.string(),
});

export const identifierSchema = z.object({
  type: z.string(),
  value: z.string(),
  country: countryCodeSchema.nullable(),
});

export const vesselSchema = z.object({
  callSign: z.string().nullable(),
  vesselType: z.string().nullable(),
  tonnage: z.string().nullable(),
  grossRegisteredTonnage: z.string().nullable(),
  flag: z.string().nullable(),
  owner: z.string().nullable(),
});

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
