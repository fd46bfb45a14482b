import type { AgencyCode, ListCode } from '../../../domain/lists';
import type { EntityType } from '../../../domain/listing';

/**
 * What the explorer shows: the query, the filters and the sort. The URL is its only store
 * (see src/app/url-state.ts); components derive everything from it on each render.
 */
export const SORT_COLUMNS = [
  'name',
  'list',
  'agency',
  'type',
  'countries',
  'programs',
  'rationale',
  'sector',
  'listed',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface SortState {
  readonly column: SortColumn;
  readonly desc: boolean;
}

/** `none` is the honest value for listings whose source gives no country or no entity type. */
export const NO_VALUE = 'none';

export interface ExplorerView {
  readonly q: string;
  readonly agency: readonly AgencyCode[];
  readonly list: readonly ListCode[];
  /** ISO-2 codes, or `none` for "no country on record". */
  readonly country: readonly string[];
  readonly program: readonly string[];
  readonly rationale: readonly string[];
  readonly sector: readonly string[];
  readonly type: readonly (EntityType | typeof NO_VALUE)[];
  readonly listedFrom: string | null;
  readonly listedTo: string | null;
  /** null: relevance when there is a query, else name order. */
  readonly sort: SortState | null;
}

export const DEFAULT_VIEW: ExplorerView = {
  q: '',
  agency: [],
  list: [],
  country: [],
  program: [],
  rationale: [],
  sector: [],
  type: [],
  listedFrom: null,
  listedTo: null,
  sort: null,
};

export const FACET_KEYS = [
  'agency',
  'list',
  'country',
  'rationale',
  'program',
  'sector',
  'type',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** Toggles one value of a multi-valued facet. */
export function toggleFacetValue(view: ExplorerView, facet: FacetKey, value: string): ExplorerView {
  const current = view[facet] as readonly string[];
  const next = current.includes(value)
    ? current.filter((item) => item !== value)
    : [...current, value];
  return { ...view, [facet]: next };
}

/** A click on a column's sort button: ascending, then descending, then the default order. */
export function cycleSort(view: ExplorerView, column: SortColumn): ExplorerView {
  const current = view.sort;
  const sort =
    current?.column !== column
      ? { column, desc: false }
      : current.desc
        ? null
        : { column, desc: true };
  return { ...view, sort };
}

export function hasActiveFilters(view: ExplorerView): boolean {
  return (
    FACET_KEYS.some((key) => view[key].length > 0) ||
    view.listedFrom !== null ||
    view.listedTo !== null
  );
}
