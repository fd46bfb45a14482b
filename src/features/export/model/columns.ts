import { countryName } from '../../../domain/countries';
import { SECTORS } from '../../../domain/sector';
import { AGENCY_NAMES, LISTS } from '../../../domain/lists';
import { listedDate, type Listing, type Vessel } from '../../../domain/listing';
import { RATIONALES, rationalesFor } from '../../../domain/rationale';
import { VALUE_SEPARATOR } from './csv';

/** One exported column: a header and how to read a listing into one text cell. */
export interface ExportColumn {
  readonly id: string;
  readonly header: string;
  readonly read: (listing: Listing) => string;
}

/** `visible`: the columns the table shows, in its order; `all`: every field of the listing. */
export const EXPORT_SCOPES = ['visible', 'all'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

function joinValues(values: readonly string[]): string {
  return values.join(VALUE_SEPARATOR);
}

/** Address, nationality and citizenship countries, as the explorer's Countries column counts them
 * (features may not share code, so this mirrors explorer/model/facts.ts). */
export function countriesOf(listing: Listing): string[] {
  const codes = new Set<string>();
  for (const address of listing.addresses) if (address.country) codes.add(address.country);
  for (const code of listing.nationalities) codes.add(code);
  for (const code of listing.citizenships) codes.add(code);
  return [...codes].sort();
}

function describeCountries(codes: readonly string[]): string {
  return joinValues(codes.map((code) => `${countryName(code)} (${code})`));
}

function rationaleLabels(listing: Listing): string[] {
  return rationalesFor(listing).map((code) => RATIONALES[code].label);
}

function legalBases(listing: Listing): string[] {
  return [...new Set(rationalesFor(listing).map((code) => RATIONALES[code].legalBasis))];
}

function describeEvents(listing: Listing): string {
  return joinValues(
    listing.events.map((event) =>
      [event.kind, event.date ?? 'undated', event.citation?.text ?? ''].join(' ').trim(),
    ),
  );
}

function describeIdentifiers(listing: Listing): string {
  return joinValues(
    listing.identifiers.map((id) => [id.type, id.value, id.country ?? ''].join(' ').trim()),
  );
}

function describeStandardOrder(value: boolean | null): string {
  if (value === null) return '';
  return value ? 'yes' : 'no';
}

function vesselField(field: keyof Vessel): (listing: Listing) => string {
  return (listing) => listing.vessel?.[field] ?? '';
}

/** The table's columns, with the table's ids and headers (explorer/model/columns.ts). Cells read
 * as the screen shows them, except that "none" and "no published date" are left empty. */
export const TABLE_COLUMNS: readonly ExportColumn[] = [
  { id: 'name', header: 'Name', read: (listing) => listing.name },
  { id: 'list', header: 'List', read: (listing) => listing.list },
  { id: 'agency', header: 'Agency', read: (listing) => AGENCY_NAMES[listing.agency] },
  { id: 'type', header: 'Type', read: (listing) => listing.type ?? '' },
  { id: 'countries', header: 'Countries', read: (listing) => joinValues(countriesOf(listing)) },
  { id: 'programs', header: 'Programs', read: (listing) => joinValues(listing.programs) },
  { id: 'rationale', header: 'Rationale', read: (listing) => joinValues(rationaleLabels(listing)) },
  { id: 'sector', header: 'Sector', read: (listing) => sectorLabel(listing) },
  { id: 'listed', header: 'Date listed', read: (listing) => listedDate(listing) ?? '' },
];

/** The sector estimate, labelled as one in "all fields" exports (no official list states it). */
function sectorLabel(listing: Listing): string {
  return SECTORS[listing.sector.sector].label;
}

/** Every field of a listing, for readers who need the whole record in a spreadsheet. */
export const ALL_FIELDS: readonly ExportColumn[] = [
  { id: 'id', header: 'Id', read: (l) => l.id },
  { id: 'list', header: 'List', read: (l) => l.list },
  { id: 'list-name', header: 'List name', read: (l) => LISTS[l.list].name },
  { id: 'agency', header: 'Agency', read: (l) => AGENCY_NAMES[l.agency] },
  { id: 'type', header: 'Type', read: (l) => l.type ?? '' },
  { id: 'name', header: 'Name', read: (l) => l.name },
  {
    id: 'aliases',
    header: 'Aliases',
    read: (l) => joinValues(l.aliases.map((alias) => `${alias.kind}: ${alias.name}`)),
  },
  { id: 'title', header: 'Title', read: (l) => l.title ?? '' },
  {
    id: 'addresses',
    header: 'Addresses',
    read: (l) => joinValues(l.addresses.map((a) => a.text)),
  },
  { id: 'countries', header: 'Countries', read: (l) => describeCountries(countriesOf(l)) },
  { id: 'nationalities', header: 'Nationalities', read: (l) => describeCountries(l.nationalities) },
  { id: 'citizenships', header: 'Citizenships', read: (l) => describeCountries(l.citizenships) },
  { id: 'dates-of-birth', header: 'Dates of birth', read: (l) => joinValues(l.datesOfBirth) },
  { id: 'places-of-birth', header: 'Places of birth', read: (l) => joinValues(l.placesOfBirth) },
  { id: 'programs', header: 'Programs', read: (l) => joinValues(l.programs) },
  { id: 'rationale', header: 'Rationale', read: (l) => joinValues(rationaleLabels(l)) },
  { id: 'legal-basis', header: 'Legal basis', read: (l) => joinValues(legalBases(l)) },
  { id: 'sector', header: 'Sector (explorer estimate)', read: (l) => sectorLabel(l) },
  {
    id: 'licence-requirement',
    header: 'Licence requirement',
    read: (l) => l.licenseRequirement ?? '',
  },
  { id: 'licence-policy', header: 'Licence policy', read: (l) => l.licensePolicy ?? '' },
  {
    id: 'citations',
    header: 'Federal Register citations',
    read: (l) => joinValues(l.citations.map((c) => c.text)),
  },
  { id: 'listed', header: 'Date listed', read: (l) => listedDate(l) ?? '' },
  { id: 'events', header: 'Events', read: describeEvents },
  { id: 'identifiers', header: 'Identifiers', read: describeIdentifiers },
  { id: 'remarks', header: 'Remarks', read: (l) => l.remarks ?? '' },
  { id: 'vessel-call-sign', header: 'Vessel call sign', read: vesselField('callSign') },
  { id: 'vessel-type', header: 'Vessel type', read: vesselField('vesselType') },
  { id: 'vessel-tonnage', header: 'Vessel tonnage', read: vesselField('tonnage') },
  {
    id: 'vessel-grt',
    header: 'Vessel gross registered tonnage',
    read: vesselField('grossRegisteredTonnage'),
  },
  { id: 'vessel-flag', header: 'Vessel flag', read: vesselField('flag') },
  { id: 'vessel-owner', header: 'Vessel owner', read: vesselField('owner') },
  {
    id: 'standard-order',
    header: 'Standard order',
    read: (l) => describeStandardOrder(l.standardOrder),
  },
  { id: 'source-list-url', header: 'Source list URL', read: (l) => l.sourceListUrl ?? '' },
  { id: 'source-info-url', header: 'Source info URL', read: (l) => l.sourceInfoUrl ?? '' },
  { id: 'source-file', header: 'Source file', read: (l) => l.source.file },
  { id: 'source-row', header: 'Source row', read: (l) => String(l.source.row) },
];

/** The columns to write: the table's visible ones in the order given (unknown ids are skipped,
 * and Name is kept so a row always says who it is), or every field. */
export function selectColumns(
  scope: ExportScope,
  visibleColumns: readonly string[],
): readonly ExportColumn[] {
  if (scope === 'all') return ALL_FIELDS;
  const byId = new Map(TABLE_COLUMNS.map((column) => [column.id, column]));
  const chosen = visibleColumns.flatMap((id) => byId.get(id) ?? []);
  return chosen.some((column) => column.id === 'name') ? chosen : [TABLE_COLUMNS[0]!, ...chosen];
}

export function toRow(listing: Listing, columns: readonly ExportColumn[]): string[] {
  return columns.map((column) => column.read(listing));
}

export function toHeader(columns: readonly ExportColumn[]): string[] {
  return columns.map((column) => column.header);
}
