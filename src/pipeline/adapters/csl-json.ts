import { z } from 'zod';
import type { Address } from '../../domain/listing';
import { splitMulti } from '../fields';
import { SourceFormatError, type AdapterResult } from '../types';
import { addressFromParts } from '../fields';
import { buildCslResult, type CslId, type CslRecord } from './csl-common';

/**
 * The trade.gov Consolidated Screening List as JSON: the bulk download
 * (https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json) and the
 * search API (https://developer.trade.gov/api-details#api=consolidated-screening-list) share the
 * envelope `{ results: [...], total, sources_used }`. Fields may be missing, null or "" where the
 * CSV leaves a cell empty, so every text field here accepts all three.
 */

/** Text, or a number the API may send unquoted (`entity_number`, tonnages); null when absent. */
const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : String(value)));

/** A list field: normally an array of strings; older exports write one "; "-joined string. */
const textList = z
  .union([z.array(z.string().nullable()), z.string()])
  .nullish()
  .transform((value): string[] => {
    if (value === null || value === undefined) return [];
    if (typeof value === 'string') return splitMulti(value);
    return value.filter((item): item is string => item !== null);
  });

const addressSchema = z.object({
  address: text,
  city: text,
  state: text,
  postal_code: text,
  country: text,
});

/** `issue_date` and `expiration_date` are read but not kept: the listing schema has no place
 * for document dates. */
const idSchema = z.object({
  type: text,
  number: text,
  country: text,
  issue_date: text,
  expiration_date: text,
});

const resultSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  source: z.string(),
  entity_number: text,
  type: text,
  programs: textList,
  name: text,
  title: text,
  addresses: z.array(addressSchema).nullish(),
  federal_register_notice: text,
  start_date: text,
  end_date: text,
  standard_order: text,
  license_requirement: text,
  license_policy: text,
  call_sign: text,
  vessel_type: text,
  gross_tonnage: text,
  gross_registered_tonnage: text,
  vessel_flag: text,
  vessel_owner: text,
  remarks: text,
  source_list_url: text,
  alt_names: textList,
  citizenships: textList,
  dates_of_birth: textList,
  nationalities: textList,
  places_of_birth: textList,
  source_information_url: text,
  ids: z.array(idSchema).nullish(),
});
type CslJsonResult = z.infer<typeof resultSchema>;

const envelopeSchema = z.object({
  results: z.array(z.unknown()),
  total: z.number().int().nonnegative().optional(),
  sources_used: z.array(z.unknown()).optional(),
});

export function readCslJson(file: { readonly id: string; readonly bytes: Buffer }): AdapterResult {
  const envelope = readEnvelope(file);
  const records = envelope.results.map((result, index) =>
    toRecord(index + 1, readResult(file.id, index, result)),
  );
  return buildCslResult({
    file: file.id,
    format: 'csl-json',
    rowCount: envelope.results.length,
    records,
    // A search-API page says how many results exist in all; fewer here means part of the list.
    complete: envelope.total === undefined || envelope.total === envelope.results.length,
  });
}

function readEnvelope(file: {
  readonly id: string;
  readonly bytes: Buffer;
}): z.infer<typeof envelopeSchema> {
  let json: unknown;
  try {
    json = JSON.parse(file.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SourceFormatError(file.id, null, null, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SourceFormatError(
      file.id,
      null,
      formatPath(issue?.path ?? []),
      issue?.message ?? 'not a CSL export',
    );
  }
  return parsed.data;
}

/** Validate one result; a mismatch names its 1-based row and the JSON path of the field. */
function readResult(file: string, index: number, result: unknown): CslJsonResult {
  const parsed = resultSchema.safeParse(result);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new SourceFormatError(
    file,
    index + 1,
    formatPath(['results', index, ...(issue?.path ?? [])]),
    issue?.message ?? 'unexpected shape',
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, position) =>
      typeof key === 'number' ? `[${key}]` : `${position === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

function toRecord(row: number, result: CslJsonResult): CslRecord {
  return {
    row,
    id: result.id,
    source: result.source,
    type: result.type,
    programs: result.programs,
    name: result.name,
    title: result.title,
    addresses: readAddresses(result.addresses ?? []),
    federalRegisterNotice: result.federal_register_notice,
    startDate: result.start_date,
    endDate: result.end_date,
    standardOrder: result.standard_order,
    licenseRequirement: result.license_requirement,
    licensePolicy: result.license_policy,
    vessel: {
      callSign: result.call_sign,
      vesselType: result.vessel_type,
      tonnage: result.gross_tonnage,
      grossRegisteredTonnage: result.gross_registered_tonnage,
      flag: result.vessel_flag,
      owner: result.vessel_owner,
    },
    remarks: result.remarks,
    sourceListUrl: result.source_list_url,
    altNames: result.alt_names,
    citizenships: result.citizenships,
    datesOfBirth: result.dates_of_birth,
    nationalities: result.nationalities,
    placesOfBirth: result.places_of_birth,
    sourceInformationUrl: result.source_information_url,
    ids: (result.ids ?? []).map((id): CslId => ({
      type: id.type ?? '',
      value: id.number ?? '',
      country: id.country,
    })),
  };
}

function readAddresses(addresses: readonly z.infer<typeof addressSchema>[]): Address[] {
  return addresses
    .map((address) =>
      addressFromParts({
        street: address.address,
        city: address.city,
        region: address.state,
        postalCode: address.postal_code,
        country: address.country,
      }),
    )
    .filter((address): address is Address => address !== null);
}
