import type { Citation } from './listing';

/** The federalregister.gov address of a citation; the site resolves volume + page to the
 * document (https://www.federalregister.gov/reader-aids/using-federalregister-gov). */
export function citationUrl(citation: Pick<Citation, 'volume' | 'page'>): string {
  return `https://www.federalregister.gov/citation/${citation.volume}-FR-${citation.page}`;
}
