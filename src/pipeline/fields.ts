import { toCountryCode } from '../domain/countries';
import { isRealCalendarDate, type Address } from '../domain/listing';

/**
 * Small, shared readers for source fields. Each adapter uses these so that "empty", "several
 * values" and "a date" mean the same thing whatever the file.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * Trim, turn the C1 control U+0092 (a Windows-1252 apostrophe that leaked into the CSL as
 * `Xi\x92an`) into a real apostrophe, turn non-breaking and other odd spaces into plain spaces,
 * and fold runs of white space. Returns null for an empty result.
 */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = value
    .replace(/\u0092/g, '\u2019')
    .replace(/[\u0080-\u009f]/g, '')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? null : cleaned;
}

/** Split a multi-valued field on exactly `"; "`, as the CSL writes it, dropping empty parts. A
 * bare `;` inside a value is left alone (one CSL address has `Zone;, CN`). */
export function splitMulti(value: string | null | undefined, separator = '; '): string[] {
  if (!value) return [];
  return value
    .split(separator)
    .map((part) => cleanText(part))
    .filter((part): part is string => part !== null);
}

/** `YYYY-MM-DD` if it is a real, plausible date (years 1900–2100), else null. The CSL has
 * `0097-06-30` and DPL a `3033-09-30`: typos, not dates. */
export function parseIsoDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text || !isRealCalendarDate(text)) return null;
  const year = Number(text.slice(0, 4));
  return year >= 1900 && year <= 2100 ? text : null;
}

/** `16 Dec 2021` (OFAC and CSL `ids`) → `2021-12-16`, or null. */
export function parseDayMonthYear(value: string | null | undefined): string | null {
  const match = /^\s*(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\s*$/.exec(value ?? '');
  if (!match) return null;
  const month = MONTHS[match[2]!.toLowerCase()];
  if (!month) return null;
  return parseIsoDate(`${match[3]}-${pad(month)}-${pad(Number(match[1]))}`);
}

/** US `M/D/YY` or `MM/DD/YYYY` (DPL, Federal Register dates) → ISO, or null. Two-digit years are
 * read as 19xx from 50 up and 20xx below: the DPL starts in the 1980s. */
export function parseUsDate(value: string | null | undefined): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s*$/.exec(value ?? '');
  if (!match) return null;
  let year = Number(match[3]);
  if (match[3]!.length === 2) year += year >= 50 ? 1900 : 2000;
  return parseIsoDate(`${year}-${pad(Number(match[1]))}-${pad(Number(match[2]))}`);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A yes/no flag as the lists write it (`Y`, `y`, `N`, `Yes`…) → boolean; anything else, including
 * the single space some DPL rows carry, is "not stated" → null. */
export function parseYesNo(value: string | null | undefined): boolean | null {
  const text = value?.trim().toLowerCase();
  if (text === 'y' || text === 'yes') return true;
  if (text === 'n' || text === 'no') return false;
  return null;
}

/** An address whose parts the source names separately (CSL JSON, DPL, UN XML). */
export interface AddressParts {
  readonly street: string | null | undefined;
  readonly city: string | null | undefined;
  readonly region: string | null | undefined;
  readonly postalCode: string | null | undefined;
  readonly country: string | null | undefined;
}

/**
 * Each part cleaned, the text the parts joined by ", "; null when every part is empty.
 * `readCountry` turns the country text into ISO-2: each source writes countries its own way
 * (names, codes, a state code in the wrong column) and reports problems with its own row.
 */
export function addressFromParts(
  parts: AddressParts,
  readCountry: (text: string | null) => string | null = toCountryCode,
): Address | null {
  const street = cleanText(parts.street);
  const city = cleanText(parts.city);
  const region = cleanText(parts.region);
  const postalCode = cleanText(parts.postalCode);
  const countryText = cleanText(parts.country);
  const text = [street, city, region, postalCode, countryText]
    .filter((part) => part !== null)
    .join(', ');
  if (text === '') return null;
  return { text, street, city, region, postalCode, country: readCountry(countryText) };
}
