import type { Citation } from '../domain/listing';
import { parseUsDate } from './fields';

/**
 * Federal Register citations as the lists write them (CSL `federal_register_notice`, DPL
 * `FR_Citation`), in every style they use
 * (https://www.federalregister.gov/reader-aids/using-federalregister-gov/understanding-the-citation):
 * - `86 FR 71557`, `99  FR 9999`, `81.F.R. 22576` (stray dot), lists joined by `, `, `; ` or ` and `;
 * - a date after the page, bare or in brackets: `68 F.R. 38290 6/27/03`, `76 FR 50407 (8/15/2011)`;
 * - two pages of one notice, `82 F.R. 16788, 16789 4/6/2017` (one citation, first page);
 * - `76 FR no. 242 pg. 78146` (issue number before the page).
 * A citation whose page is missing (`72 F.R. 1/30/07`, `Vol. 85, No. 12, 01/17/20`) gives
 * nothing rather than a page read out of a date.
 */
const FR_CITATION = new RegExp(
  [
    String.raw`(?<![\d/])(\d{1,3})\s*\.?\s*F\.?\s?R\.?\s*`, // volume, then FR / F.R. / .F.R.
    String.raw`(?:[Nn]o\.\s*\d+\s+pg\.\s*)?`, // "no. 242 pg." before the page
    String.raw`(\d{1,6})(?![\d/])`, // the page, never the first part of a date
    String.raw`(?:\s*,\s*\d{1,6}(?![\d/])(?!\s*\.?\s*F\.?\s?R))*`, // further pages of the notice
    String.raw`(?:\s*,?\s*\(?\s*(\d{1,2}\/\d{1,2}\/\d{2,4})\)?)?`, // publication date
  ].join(''),
  'g',
);

export function parseFederalRegisterCitations(value: string | null | undefined): Citation[] {
  if (!value) return [];
  const citations: Citation[] = [];
  for (const match of value.matchAll(FR_CITATION)) {
    const volume = Number(match[1]);
    const page = Number(match[2]);
    if (volume <= 0 || page <= 0) continue;
    citations.push({
      text: match[0].trim(),
      volume,
      page,
      date: match[3] ? parseUsDate(match[3]) : null,
    });
  }
  return citations;
}
