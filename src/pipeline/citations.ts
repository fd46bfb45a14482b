import type { Citation } from '../domain/listing';
import { parseUsDate } from './fields';

/**
 * Federal Register citations as the lists write them: `86 FR 71557`, comma or semicolon lists
 * (`84 FR 22961, 85 FR 29852`), and the DPL style with dates `68 F.R. 38290 6/27/03`.
 * See https://www.federalregister.gov/reader-aids/using-federalregister-gov/understanding-the-citation
 */
const CITATION = /(\d{1,3})\s*F\.?\s?R\.?\s*(\d{1,6})(?:\s*,?\s*(\d{1,2}\/\d{1,2}\/\d{2,4}))?/g;

export function parseCitations(value: string | null | undefined): Citation[] {
  if (!value) return [];
  const citations: Citation[] = [];
  for (const match of value.matchAll(CITATION)) {
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
