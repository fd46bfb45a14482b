import { LISTS } from '../../src/domain/lists';
import type { Listing } from '../../src/domain/listing';

/** A valid Listing with defaults; tests override only what they are about. */
export function buildListing(overrides: Partial<Listing> & Pick<Listing, 'id' | 'name'>): Listing {
  const list = overrides.list ?? 'SDN';
  return {
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
}

export function address(country: string | null, text = 'Somewhere'): Listing['addresses'][number] {
  return { text, street: null, city: null, region: null, postalCode: null, country };
}

export function listedOn(date: string): Listing['events'][number] {
  return { kind: 'listed', date, citation: null, from: 'start_date' };
}
