import type { ReactNode } from 'react';
import type { SortColumn } from '../features/explorer/model/view';
import { ResultsTable } from '../features/explorer/ResultsTable';
import { useColumnVisibility } from '../features/explorer/use-column-visibility';
import { NO_HITS } from '../features/explorer/use-search-ranks';
import { formatCount } from '../ui/format-count';
import { entityPath } from './routes';
import type { FirstRows } from './first-rows';

interface FirstRowsPreviewProps {
  readonly firstRows: FirstRows;
  readonly searchBox: ReactNode;
  /** The loading state (progress of the listings' download). */
  readonly loading: ReactNode;
  /** A column's sort button: the sorted view, which waits for the listings. */
  readonly onSort: (column: SortColumn) => void;
}

/**
 * The explorer's default view while the listings download: the first rows (`first-rows.ts`) in
 * the explorer's own table and layout, the full count, and where the filters will be.
 */
export function FirstRowsPreview({ firstRows, searchBox, loading, onSort }: FirstRowsPreviewProps) {
  const [columnVisibility, changeColumnVisibility] = useColumnVisibility();
  const { listingCount, rows } = firstRows;
  return (
    <div className="explorer explorer-preview">
      {searchBox}
      <aside className="facets" aria-label="Filters">
        <h2 className="facets-title">Filters</h2>
        <p className="muted">The filters and their counts come with the listings.</p>
      </aside>
      <section className="explorer-results" aria-label="Results" aria-busy="true" data-preview="">
        <p className="result-count">
          <strong>
            {formatCount(listingCount)} listing{listingCount === 1 ? '' : 's'}
          </strong>
          <span className="muted">
            {' '}
            · the first {formatCount(rows.length)} shown while the rest load
          </span>
        </p>
        {loading}
        <ResultsTable
          rows={rows}
          resultsKey="first-rows"
          hits={NO_HITS}
          columnVisibility={columnVisibility}
          onColumnVisibilityChange={changeColumnVisibility}
          sort={null}
          hasQuery={false}
          onSort={onSort}
          entityHref={entityPath}
        />
      </section>
    </div>
  );
}
