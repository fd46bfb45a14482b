import type { FacetKey, SortColumn } from './view';

/**
 * The explorer's columns and facets, described once. The table renders these columns, the
 * facet panel renders a widget for each `facet`, and the URL accepts `sort` on each `sortable`.
 */
export interface ColumnMeta {
  readonly id: SortColumn;
  readonly header: string;
  /** The facet that filters this column's values, if any. */
  readonly facet: FacetKey | null;
  /** Shown unless the user hides it. */
  readonly visibleByDefault: boolean;
}

export const COLUMNS: readonly ColumnMeta[] = [
  { id: 'name', header: 'Name', facet: null, visibleByDefault: true },
  { id: 'list', header: 'List', facet: 'list', visibleByDefault: true },
  { id: 'agency', header: 'Agency', facet: 'agency', visibleByDefault: true },
  { id: 'type', header: 'Type', facet: 'type', visibleByDefault: true },
  { id: 'countries', header: 'Countries', facet: 'country', visibleByDefault: true },
  { id: 'programs', header: 'Programs', facet: 'program', visibleByDefault: false },
  { id: 'rationale', header: 'Rationale', facet: 'rationale', visibleByDefault: true },
  { id: 'sector', header: 'Sector', facet: 'sector', visibleByDefault: false },
  { id: 'listed', header: 'Date listed', facet: null, visibleByDefault: true },
];

export interface FacetMeta {
  readonly key: FacetKey;
  readonly title: string;
  readonly initialVisible: number;
}

/** Facet widgets in panel order; agency and list first as the seed story asks "who listed it". */
export const FACETS: readonly FacetMeta[] = [
  { key: 'agency', title: 'Agency', initialVisible: 4 },
  { key: 'list', title: 'List', initialVisible: 14 },
  { key: 'rationale', title: 'Rationale', initialVisible: 8 },
  { key: 'sector', title: 'Sector', initialVisible: 8 },
  { key: 'country', title: 'Country', initialVisible: 8 },
  { key: 'type', title: 'Entity type', initialVisible: 5 },
  { key: 'program', title: 'Program', initialVisible: 6 },
];
