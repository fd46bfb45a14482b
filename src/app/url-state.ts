import { isAgencyCode, type AgencyCode, type ListCode, isListCode } from '../domain/lists';
import { ENTITY_TYPES, isRealCalendarDate, type EntityType } from '../domain/listing';
import { isCountryCode } from '../domain/countries';
import {
  DEFAULT_VIEW,
  NO_VALUE,
  SORT_COLUMNS,
  type ExplorerView,
  type SortColumn,
} from '../features/explorer/model/view';

/**
 * The explorer's URL contract (documented in README "Shareable links"), version 1:
 *   q, agency, list, country, program, rationale, sector, type, listed_from, listed_to, sort, v
 * Several values are comma-separated. Defaults are left out. A value that cannot be read is
 * dropped with a notice; the rest of the link still works. Links carry `v=1`; a later version
 * adds an upgrader here that rewrites older parameters step by step, so shared links keep working.
 */
export const URL_VERSION = 1;
const MAX_QUERY_LENGTH = 200;
const MAX_VALUES = 100;
const KNOWN_PARAMS = new Set([
  'q',
  'agency',
  'list',
  'country',
  'program',
  'rationale',
  'sector',
  'type',
  'listed_from',
  'listed_to',
  'sort',
  'v',
]);

export interface ParsedView {
  readonly view: ExplorerView;
  /** Human-readable notes about what was ignored, shown to the user. */
  readonly notices: readonly string[];
}

export function parseExplorerSearch(search: string): ParsedView {
  const params = new URLSearchParams(search);
  const notices: string[] = [];

  const version = params.get('v');
  if (version !== null && version !== String(URL_VERSION)) {
    notices.push(
      `This link is version "${truncate(version)}"; it was read as version ${URL_VERSION}.`,
    );
  }
  for (const key of new Set(params.keys())) {
    if (!KNOWN_PARAMS.has(key)) notices.push(`Unknown parameter "${truncate(key)}" was ignored.`);
  }

  // Not trimmed: the box shows exactly what is typed, and a trailing space is the next word's start.
  let q = params.get('q') ?? '';
  if (q.length > MAX_QUERY_LENGTH) {
    notices.push(`The search text was cut to ${MAX_QUERY_LENGTH} characters.`);
    q = q.slice(0, MAX_QUERY_LENGTH);
  }

  const agency = readValues(params, 'agency', notices, (value) => {
    const lower = value.toLowerCase();
    return isAgencyCode(lower) ? (lower as AgencyCode) : null;
  });
  const list = readValues(params, 'list', notices, (value) => {
    const upper = value.toUpperCase();
    return isListCode(upper) ? (upper as ListCode) : null;
  });
  const country = readValues(params, 'country', notices, (value) => {
    if (value.toLowerCase() === NO_VALUE) return NO_VALUE;
    const upper = value.toUpperCase();
    return /^[A-Z]{2}$/.test(upper) && isCountryCode(upper) ? upper : null;
  });
  const type = readValues(params, 'type', notices, (value) => {
    const lower = value.toLowerCase();
    if (lower === NO_VALUE) return NO_VALUE;
    return (ENTITY_TYPES as readonly string[]).includes(lower) ? (lower as EntityType) : null;
  });
  // Programs, rationales and sectors are checked against the loaded data (cleanViewForData).
  const freeText = (value: string) =>
    value.length <= 80 && /^[\p{L}\p{N} .\-_/()&']+$/u.test(value) ? value : null;
  const program = readValues(params, 'program', notices, freeText);
  const rationale = readValues(params, 'rationale', notices, (value) =>
    freeText(value.toLowerCase()),
  );
  const sector = readValues(params, 'sector', notices, (value) => freeText(value.toLowerCase()));

  let listedFrom = readDate(params, 'listed_from', notices);
  let listedTo = readDate(params, 'listed_to', notices);
  if (listedFrom !== null && listedTo !== null && listedFrom > listedTo) {
    notices.push(
      `"listed from" ${listedFrom} is after "listed to" ${listedTo}; the two were swapped.`,
    );
    [listedFrom, listedTo] = [listedTo, listedFrom];
  }

  return {
    view: {
      q,
      agency,
      list,
      country,
      program,
      rationale,
      sector,
      type,
      listedFrom,
      listedTo,
      sort: readSort(params, notices),
    },
    notices,
  };
}

export function formatExplorerSearch(view: ExplorerView): string {
  const params = new URLSearchParams();
  if (view.q.trim() !== '') params.set('q', view.q);
  const multi: [string, readonly string[]][] = [
    ['agency', view.agency],
    ['list', view.list],
    ['country', view.country],
    ['program', view.program],
    ['rationale', view.rationale],
    ['sector', view.sector],
    ['type', view.type],
  ];
  for (const [key, values] of multi) if (values.length > 0) params.set(key, values.join(','));
  if (view.listedFrom !== null) params.set('listed_from', view.listedFrom);
  if (view.listedTo !== null) params.set('listed_to', view.listedTo);
  if (view.sort !== null) params.set('sort', `${view.sort.desc ? '-' : ''}${view.sort.column}`);
  if ([...params.keys()].length === 0) return '';
  params.set('v', String(URL_VERSION));
  // Commas are legible in a shared link; URLSearchParams would write %2C.
  return `?${params.toString().replace(/%2C/g, ',')}`;
}

function readValues<T extends string>(
  params: URLSearchParams,
  key: string,
  notices: string[],
  read: (value: string) => T | null,
): T[] {
  const raw = params.getAll(key).flatMap((value) => value.split(','));
  const values: T[] = [];
  const rejected: string[] = [];
  for (const part of raw) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const value = read(trimmed);
    if (value === null) rejected.push(trimmed);
    else if (!values.includes(value)) values.push(value);
  }
  if (rejected.length > 0) {
    notices.push(
      `Unknown ${key} value${rejected.length > 1 ? 's' : ''} ${describeValues(rejected)} ignored.`,
    );
  }
  if (values.length > MAX_VALUES) {
    notices.push(`Only the first ${MAX_VALUES} ${key} values were used.`);
    return values.slice(0, MAX_VALUES);
  }
  return values;
}

function readDate(params: URLSearchParams, key: string, notices: string[]): string | null {
  const value = params.get(key)?.trim();
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealCalendarDate(value)) return value;
  notices.push(`"${truncate(value)}" is not a date (YYYY-MM-DD); ${key} was ignored.`);
  return null;
}

function readSort(params: URLSearchParams, notices: string[]): ExplorerView['sort'] {
  const value = params.get('sort')?.trim();
  if (!value) return DEFAULT_VIEW.sort;
  const desc = value.startsWith('-');
  const column = desc ? value.slice(1) : value;
  if ((SORT_COLUMNS as readonly string[]).includes(column))
    return { column: column as SortColumn, desc };
  notices.push(`Cannot sort by "${truncate(value)}"; the default order was used.`);
  return DEFAULT_VIEW.sort;
}

function describeValues(values: readonly string[]): string {
  const shown = values
    .slice(0, 5)
    .map((value) => `"${truncate(value)}"`)
    .join(', ');
  return values.length > 5
    ? `${shown} and ${values.length - 5} more were`
    : `${shown} ${values.length > 1 ? 'were' : 'was'}`;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
