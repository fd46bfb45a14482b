import { LISTS } from '../../src/domain/lists';
import type { Listing, SourceListing } from '../../src/domain/listing';
import { classifySector } from '../../src/domain/sector-rules';

/** A valid Listing with defaults; tests override only what they are about. The sector is the
 * classifier's answer for the result, as the pipeline would write it, unless overridden. */
export function buildListing(overrides: Partial<Listing> & Pick<Listing, 'id' | 'name'>): Listing {
  const list = overrides.list ?? 'SDN';
  const source: SourceListing = {
    sourceId: overrides.id.split('-').slice(1).join('-') || overrides.id,
    list,
    agency: LISTS[list].agency,
    type: 'entity',
    aliases: [],
    title: null,
    addresses: [],
    nationalities: [],
    citizenships: [],
    datesOfBirth: [],
    placesOfBirth: [],
    programs: [],
    licenseRequirement: null,
    licensePolicy: null,
    citations: [],
    events: [],
    identifiers: [],
    remarks: null,
    vessel: null,
    standardOrder: null,
    sourceListUrl: null,
    sourceInfoUrl: null,
    source: { file: 'test', row: 1, format: 'csl-csv' },
    ...overrides,
  };
  return { ...source, sector: overrides.sector ?? classifySector(source) };
}

export function address(country: string | null, text = 'Somewhere'): Listing['addresses'][number] {
  return { text, street: null, city: null, region: null, postalCode: null, country };
}

export function listedOn(date: string): Listing['events'][number] {
  return { kind: 'listed', date, citation: null, from: 'start_date' };
}
