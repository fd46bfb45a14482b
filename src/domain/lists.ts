/**
 * The lists and agencies the explorer knows. Codes are the short forms used in ids, URLs and
 * facets; `cslSource` is the exact `source` value of the trade.gov Consolidated Screening List
 * export (https://www.trade.gov/consolidated-screening-list), which names lists in full.
 */
export const AGENCY_CODES = ['commerce', 'treasury', 'state', 'un'] as const;
export type AgencyCode = (typeof AGENCY_CODES)[number];

export const AGENCY_NAMES: Record<AgencyCode, string> = {
  commerce: 'Commerce (BIS)',
  treasury: 'Treasury (OFAC)',
  state: 'State Department',
  un: 'UN Security Council',
};

export const LIST_CODES = [
  'SDN',
  'EL',
  'DTC',
  'DPL',
  'SSI',
  'UVL',
  'ISN',
  'PLC',
  'MEU',
  'CMIC',
  'CAP',
  'MBS',
  'FSE',
  'UN',
] as const;
export type ListCode = (typeof LIST_CODES)[number];

export interface ListInfo {
  readonly code: ListCode;
  readonly name: string;
  readonly agency: AgencyCode;
  /** The `source` column value in the CSL export, when the CSL carries this list. */
  readonly cslSource: string | null;
}

export const LISTS: Record<ListCode, ListInfo> = {
  SDN: {
    code: 'SDN',
    name: 'Specially Designated Nationals',
    agency: 'treasury',
    cslSource: 'Specially Designated Nationals (SDN) - Treasury Department',
  },
  EL: {
    code: 'EL',
    name: 'Entity List',
    agency: 'commerce',
    cslSource: 'Entity List (EL) - Bureau of Industry and Security',
  },
  DTC: {
    code: 'DTC',
    name: 'ITAR Debarred',
    agency: 'state',
    cslSource: 'ITAR Debarred (DTC) - State Department',
  },
  DPL: {
    code: 'DPL',
    name: 'Denied Persons List',
    agency: 'commerce',
    cslSource: 'Denied Persons List (DPL) - Bureau of Industry and Security',
  },
  SSI: {
    code: 'SSI',
    name: 'Sectoral Sanctions Identifications',
    agency: 'treasury',
    cslSource: 'Sectoral Sanctions Identifications List (SSI) - Treasury Department',
  },
  UVL: {
    code: 'UVL',
    name: 'Unverified List',
    agency: 'commerce',
    cslSource: 'Unverified List (UVL) - Bureau of Industry and Security',
  },
  ISN: {
    code: 'ISN',
    name: 'Nonproliferation Sanctions',
    agency: 'state',
    cslSource: 'Nonproliferation Sanctions (ISN) - State Department',
  },
  PLC: {
    code: 'PLC',
    name: 'Palestinian Legislative Council',
    agency: 'treasury',
    cslSource: 'Palestinian Legislative Council List (PLC) - Treasury Department',
  },
  MEU: {
    code: 'MEU',
    name: 'Military End User List',
    agency: 'commerce',
    cslSource: 'Military End User (MEU) List - Bureau of Industry and Security',
  },
  CMIC: {
    code: 'CMIC',
    name: 'Non-SDN Chinese Military-Industrial Complex Companies',
    agency: 'treasury',
    cslSource:
      'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department',
  },
  CAP: {
    code: 'CAP',
    name: 'Correspondent Account or Payable-Through Account Sanctions (CAPTA)',
    agency: 'treasury',
    cslSource: 'Capta List (CAP) - Treasury Department',
  },
  MBS: {
    code: 'MBS',
    name: 'Non-SDN Menu-Based Sanctions',
    agency: 'treasury',
    cslSource: 'Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department',
  },
  FSE: {
    code: 'FSE',
    name: 'Foreign Sanctions Evaders',
    agency: 'treasury',
    cslSource: 'Foreign Sanctions Evaders (FSE) - Treasury Department',
  },
  UN: {
    code: 'UN',
    name: 'UN Security Council Consolidated List',
    agency: 'un',
    cslSource: null,
  },
};

const LIST_BY_CSL_SOURCE = new Map(
  Object.values(LISTS)
    .filter((list) => list.cslSource !== null)
    .map((list) => [list.cslSource, list.code] as const),
);

/** The list code for a CSL `source` value, or null when the value is not a list we know. */
export function listCodeForCslSource(source: string): ListCode | null {
  return LIST_BY_CSL_SOURCE.get(source.trim()) ?? null;
}

export function isListCode(value: string): value is ListCode {
  return (LIST_CODES as readonly string[]).includes(value);
}

/** A list as the explorer names it, "SDN · Specially Designated Nationals"; a code it does not
 * know, as it is. */
export function listLabel(code: string): string {
  return isListCode(code) ? `${code} · ${LISTS[code].name}` : code;
}

export function isAgencyCode(value: string): value is AgencyCode {
  return (AGENCY_CODES as readonly string[]).includes(value);
}
