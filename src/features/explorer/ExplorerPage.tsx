import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Listing } from '../../domain/listing';
import { visibleColumnIds } from './model/column-visibility';
import { useColumnVisibility } from './use-column-visibility';
import { FacetList } from '../../ui/FacetList';
import { buildFacetOptions } from './model/facet-options';
import { FACETS } from './model/columns';
import type { ListingFacts } from './model/facts';
import { filterListings, prepareFilter } from './model/filter';
import {
  DEFAULT_VIEW,
  cycleSort,
  hasActiveFilters,
  toggleFacetValue,
  type ExplorerView,
  type FacetKey,
  type SortColumn,
} from './model/view';
import { ResultsTable } from './ResultsTable';
import { SearchBox } from './SearchBox';
import { DateRange } from './DateRange';
import { useSearchRanks, type SearchPort } from './use-search-ranks';
import type { SearchIndex } from '../../search/engine';
import { useDelayedFlag } from '../../ui/use-delayed-flag';
import { formatCount } from '../../ui/format-count';
import { whenIdle } from '../../ui/when-idle';

/** How long a search must take before the count says "searching…" (most answer in ~20 ms). */
const SEARCHING_NOTICE_DELAY_MS = 250;

interface ExplorerPageProps {
  readonly facts: readonly ListingFacts[];
  readonly view: ExplorerView;
  readonly searchPort: SearchPort | null;
  /** The page's own search index, once built (see `useSearchRanks`). */
  readonly localSearchIndex?: SearchIndex | null;
  readonly searchStatus: string;
  /** Replace: typing; push: a deliberate change (facet, sort) that Back should undo. */
  readonly onViewChange: (view: ExplorerView, mode: 'push' | 'replace') => void;
  readonly entityHref: (id: string) => string;
  /** Tools that act on the current result (export), composed in by the app shell. */
  readonly renderTools?: (context: ResultContext) => ReactNode;
  /** Charts of the current rows, composed in by the app shell; `query` is the query the rows are
   * for. */
  readonly renderCharts?: (rows: readonly ListingFacts[], query: string) => ReactNode;
}

/** What a tool sees of the current view: every matching listing, in display order. */
export interface ResultContext {
  readonly rowCount: number;
  /** Made when asked for: a list of every row's listing on each keystroke or click took ~35 ms
   * per keystroke at 10× the lists (152,040 rows), for an export that seldom follows. */
  readonly listings: () => readonly Listing[];
  /** Ids of the columns shown, in order (see model/columns.ts). */
  readonly visibleColumns: readonly string[];
}

/** The view without its query, the same object for as long as no filter or sort changes, and
 * its key (which the page exposes for the benchmarks to see a facet click applied). */
function useStableFilterView(view: ExplorerView): { filterView: ExplorerView; key: string } {
  const key = JSON.stringify({ ...view, q: '' });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key captures every field but q
  const filterView = useMemo(() => ({ ...view, q: '' }), [key]);
  return { filterView, key };
}

export function ExplorerPage({
  facts,
  view,
  searchPort,
  localSearchIndex = null,
  searchStatus,
  onViewChange,
  entityHref,
  renderTools,
  renderCharts,
}: ExplorerPageProps) {
  const [showCharts, setShowCharts] = useState(false);
  const [columnVisibility, changeColumnVisibility] = useColumnVisibility();
  // The facet columns that searches and facet clicks filter by, made after the first rows are
  // shown rather than before (~0.2 s of the first rows in the browser).
  useEffect(() => whenIdle(() => prepareFilter(facts)), [facts]);
  const search = useSearchRanks(searchPort, view.q, facts, localSearchIndex);
  const showSearching = useDelayedFlag(search.pending, SEARCHING_NOTICE_DELAY_MS);
  // The query reaches the filter only through the search's hits: a keystroke alone (while the
  // worker answers) must not refilter every listing. A facet click filters in the same render
  // (~10 ms on the full lists): deferring it cost a second render pass and a yield per click.
  const { filterView, key: filterKey } = useStableFilterView(view);
  const result = useMemo(
    () => filterListings(facts, filterView, search.positions),
    [facts, filterView, search.positions],
  );
  const toolContext = useMemo<ResultContext>(
    () => ({
      rowCount: result.rows.length,
      listings: () => result.rows.map((fact) => fact.listing),
      visibleColumns: visibleColumnIds(columnVisibility),
    }),
    [result.rows, columnVisibility],
  );

  // The handlers read the view through a ref, so they stay the same functions while the query
  // changes: a keystroke then re-renders neither the facets nor the table (memoised), only what
  // the search's answer changes. Clicks come after the commit, when the ref is current.
  const latestView = useRef(view);
  useLayoutEffect(() => {
    latestView.current = view;
  });
  const changeView = useCallback(
    (change: (current: ExplorerView) => ExplorerView) =>
      onViewChange(change(latestView.current), 'push'),
    [onViewChange],
  );
  const handleSort = useCallback(
    (column: SortColumn) => changeView((current) => cycleSort(current, column)),
    [changeView],
  );
  const facetToggles = useMemo(
    () =>
      Object.fromEntries(
        FACETS.map((facet) => [
          facet.key,
          (value: string) => changeView((current) => toggleFacetValue(current, facet.key, value)),
        ]),
      ) as Record<FacetKey, (value: string) => void>,
    [changeView],
  );
  const facetOptions = useMemo(
    () => FACETS.map((facet) => buildFacetOptions(result, filterView, facet.key)),
    [result, filterView],
  );
  const changeDates = useCallback(
    (listedFrom: string | null, listedTo: string | null) =>
      changeView((current) => ({ ...current, listedFrom, listedTo })),
    [changeView],
  );

  // Settled: the rows on screen answer the current query and filters (tests and benchmarks wait on it).
  const settled = !search.pending && (view.q.trim() === '' || searchPort !== null);
  const count = result.rows.length;
  const countText = `${formatCount(count)} listing${count === 1 ? '' : 's'}`;
  return (
    <div className="explorer">
      <div className="explorer-search">
        <SearchBox
          value={view.q}
          status={searchStatus}
          onChange={(q) => {
            // Asked before the page re-renders for the new text: the worker searches while React
            // renders, and the render's own request for the same query joins this one.
            const needsWorker = searchPort !== null && localSearchIndex === null;
            if (needsWorker && q.trim() !== '' && q.trim() !== view.q.trim()) {
              searchPort.search(q.trim(), facts).catch(() => undefined);
            }
            onViewChange({ ...view, q }, 'replace');
          }}
        />
      </div>
      <aside className="facets" id="filters" aria-label="Filters">
        <h2 className="facets-title">Filters</h2>
        {hasActiveFilters(view) ? (
          <button
            type="button"
            className="link-button"
            onClick={() => onViewChange({ ...DEFAULT_VIEW, q: view.q, sort: view.sort }, 'push')}
          >
            Clear all filters
          </button>
        ) : null}
        {FACETS.map((facet, index) => (
          <FacetList
            key={facet.key}
            title={facet.title}
            initialVisible={facet.initialVisible}
            options={facetOptions[index] ?? []}
            onToggle={facetToggles[facet.key]}
          />
        ))}
        <DateRange
          from={view.listedFrom}
          to={view.listedTo}
          dated={result.dated}
          undated={result.undated}
          onChange={changeDates}
        />
      </aside>
      <section
        className="explorer-results"
        aria-label="Results"
        aria-busy={!settled}
        data-settled={settled}
        data-query={search.query}
        data-filters={filterKey}
      >
        <p className="result-count" role="status" aria-live="polite">
          <strong>{countText}</strong>
          {showSearching ? <span className="muted"> · searching…</span> : null}
        </p>
        <div className="result-tools">
          {/* At phone width the filters sit below the results: a way to reach them directly. */}
          <a href="#filters" className="jump-to-filters">
            Filters
          </a>
          {renderCharts ? (
            <button
              type="button"
              className="charts-toggle"
              aria-expanded={showCharts}
              onClick={() => setShowCharts(!showCharts)}
            >
              {showCharts ? 'Hide charts' : 'Show charts'}
            </button>
          ) : null}
          {renderTools ? renderTools(toolContext) : null}
        </div>
        {renderCharts && showCharts ? renderCharts(result.rows, search.query) : null}
        <ResultsTable
          rows={result.rows}
          resultsKey={`${search.query}\u0000${filterKey}`}
          hits={search.hits}
          columnVisibility={columnVisibility}
          onColumnVisibilityChange={changeColumnVisibility}
          sort={view.sort}
          hasQuery={view.q.trim() !== ''}
          onSort={handleSort}
          entityHref={entityHref}
        />
      </section>
    </div>
  );
}
