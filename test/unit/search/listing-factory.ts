import type { Alias, Identifier, Listing } from '../../../src/domain/listing';

/** A minimal valid Listing for search tests: only what the engine reads varies. */
export function makeListing(
  id: string,
  name: string,
  aliases: Alias[] = [],
  identifiers: Identifier[] = [],
): Listing {
  return {
    id,
    sourceId: id.split('-')[1] ?? id,
    list: 'SDN',
    agency: 'treasury',
    type: 'entity',
    name,
    aliases,
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
    identifiers,
    remarks: null,
    vessel: null,
    standardOrder: null,
    sourceListUrl: null,
    sourceInfoUrl: null,
    source: { file: 'test', row: 1, format: 'csl-csv' },
  };
}
