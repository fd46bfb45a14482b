import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
} from '@tanstack/react-table';
import { LISTS } from '../../domain/lists';
import { AGENCY_NAMES } from '../../domain/lists';
import { RATIONALES, isRationaleCode } from '../../domain/rationale';
import { SECTORS, isSectorCode } from '../../domain/sector';
import { explainSearchHit } from '../../search/explain';
import { namedHit } from '../../search/hit-names';
import { Checkbox } from '../../ui/Checkbox';
import { Link } from '../../ui/Link';
import { useMediaQuery } from '../../ui/use-media-query';
import type { ListingFacts } from './model/facts';
import { COLUMNS } from './model/columns';
import { estimatedScrollBox } from './model/scroll-box';
import { NO_VALUE, type SortColumn, type SortState } from './model/view';
import type { ExplorerHit, HitsById } from './use-search-ranks';

export interface ResultRow {
  readonly facts: ListingFacts;
  readonly hit: ExplorerHit | undefined;
}

interface ResultsTableProps {
  /** Every matching listing, in display order. */
  readonly rows: readonly ListingFacts[];
  /** Names the question the rows answer (query, filters and sort): when it changes, the
   * results start again from the top. */
  readonly resultsKey: string;
  /** The search's hit per listing id (empty with no query). */
  readonly hits: HitsById;
  readonly sort: SortState | null;
  readonly hasQuery: boolean;
  readonly onSort: (column: SortColumn) => void;
  readonly entityHref: (id: string) => string;
  readonly columnVisibility: ColumnVisibilityState;
  readonly onColumnVisibilityChange: (next: ColumnVisibilityState) => void;
}

const features = tableFeatures({ columnVisibilityFeature });
const helper = createColumnHelper<typeof features, ResultRow>();
/** Must match the row height in app.css (`.results-table tbody tr`). */
const ROW_HEIGHT = 77;
const CARD_HEIGHT_ESTIMATE = 190;

/** The virtualizer's key for fixed-height rows, which it never measures (see `getItemKey`). */
function keyByPosition(index: number): number {
  return index;
}

/** Must match the phone breakpoint in app.css. */
const CARD_LAYOUT_QUERY = '(max-width: 760px)';

const COLUMN_WIDTHS: Record<string, string> = {
  name: 'minmax(14rem, 3fr)',
  list: '4rem',
  agency: '8.5rem',
  type: '6rem',
  countries: '7rem',
  programs: 'minmax(7rem, 1fr)',
  rationale: 'minmax(11rem, 1.3fr)',
  sector: '9rem',
  listed: '7.5rem',
};

/** Memoised: a keystroke re-renders it only once the search's answer changes the rows. */
export const ResultsTable = memo(function ResultsTable({
  rows,
  resultsKey,
  hits,
  sort,
  hasQuery,
  onSort,
  entityHref,
  columnVisibility,
  onColumnVisibilityChange,
}: ResultsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: 'name',
          header: 'Name',
          cell: ({ row }) => (
            <NameCell row={row.original} href={entityHref(row.original.facts.listing.id)} />
          ),
        }),
        helper.display({
          id: 'list',
          header: 'List',
          cell: ({ row }) => (
            <abbr title={LISTS[row.original.facts.listing.list].name}>
              {row.original.facts.listing.list}
            </abbr>
          ),
        }),
        helper.display({
          id: 'agency',
          header: 'Agency',
          cell: ({ row }) => AGENCY_NAMES[row.original.facts.agency],
        }),
        helper.display({
          id: 'type',
          header: 'Type',
          cell: ({ row }) =>
            row.original.facts.type === NO_VALUE ? (
              <span className="muted">not stated</span>
            ) : (
              row.original.facts.type
            ),
        }),
        helper.display({
          id: 'countries',
          header: 'Countries',
          cell: ({ row }) =>
            row.original.facts.countries[0] === NO_VALUE ? (
              <span className="muted">none on record</span>
            ) : (
              row.original.facts.countries.join(', ')
            ),
        }),
        helper.display({
          id: 'programs',
          header: 'Programs',
          cell: ({ row }) => row.original.facts.programs.join(', '),
        }),
        helper.display({
          id: 'rationale',
          header: 'Rationale',
          cell: ({ row }) =>
            row.original.facts.rationales
              .map((code) => (isRationaleCode(code) ? RATIONALES[code].label : code))
              .join(', '),
        }),
        helper.display({
          id: 'sector',
          header: 'Sector',
          cell: ({ row }) =>
            row.original.facts.sectors
              .map((code) => (isSectorCode(code) ? SECTORS[code].label : code))
              .join(', '),
        }),
        helper.display({
          id: 'listed',
          header: 'Date listed',
          cell: ({ row }) =>
            row.original.facts.listed ?? <span className="muted">no published date</span>,
        }),
      ]),
    [entityHref],
  );

  // Desktop rows have one fixed height (cells clamp their text), so scrolling and re-rendering
  // never force a layout to measure rows: measuring was the top cost per keystroke in a profile.
  // Phone-width cards vary in height and are measured.
  const isCardLayout = useMediaQuery(CARD_LAYOUT_QUERY);
  const [firstScrollBox] = useState(() =>
    estimatedScrollBox({ width: window.innerWidth, height: window.innerHeight }, isCardLayout),
  );
  // The virtualizer keys its cache of measured sizes by `getItemKey`, and lays out every row
  // again (all 15,204 of them) whenever that function changes: a new closure per render did so
  // on every scroll frame. Fixed-height rows are never measured, so they are keyed by position,
  // by one function for good; measured cards by listing, by a function that changes with the rows.
  const cardKey = useCallback((index: number) => rows[index]?.listing.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (isCardLayout ? CARD_HEIGHT_ESTIMATE : ROW_HEIGHT),
    // Render a first screenful before the scroll box is measured: rows paint one frame sooner.
    // Guessed from the window as the stylesheet sizes the box, so that as many rows fit once it
    // is measured and the first rows are not drawn twice (`estimatedScrollBox`).
    initialRect: firstScrollBox,
    getItemKey: isCardLayout ? cardKey : keyByPosition,
    // Five rows (385 px) beyond each edge: wider than a wheel step. Twelve rendered ~40% more
    // rows on every keystroke that changes the results (keystroke p95 32 → 26 ms in an A/B).
    overscan: 5,
  });
  // Other results start at their best match: kept, the scroll offset of a list scrolled 16,000 px
  // down showed "Al"'s 2,307 hits from the 202nd. Only a scrolled box is moved (the virtualizer
  // knows its offset from scroll events), so typing at the top forces no layout.
  const resultsShown = useRef(resultsKey);
  useLayoutEffect(() => {
    if (resultsShown.current === resultsKey) return;
    resultsShown.current = resultsKey;
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
  }, [resultsKey, virtualizer]);
  // The rows are already filtered and ordered (model/filter.ts): the table model, and each row's
  // pairing with its search hit, is built for the rows in view only, not for all 15,000 on every
  // facet click or keystroke.
  const inView = virtualizer.getVirtualItems().flatMap((item) => {
    const facts = rows[item.index];
    if (facts === undefined) return [];
    const hit = hits.get(facts.listing.id);
    return [{ item, row: { facts, hit: hit && namedHit(hit, facts.listing) } }];
  });
  const rowsInView = inView.map(({ row }) => row);
  const table = useTable({
    features,
    columns,
    data: rowsInView,
    getRowId: (row) => row.facts.listing.id,
    state: { columnVisibility },
    onColumnVisibilityChange: (updater) =>
      onColumnVisibilityChange(typeof updater === 'function' ? updater(columnVisibility) : updater),
  });
  const tableRows = table.getRowModel().rows;

  // One stable handler for the column picker's checkboxes (memoised: see ui/Checkbox.tsx).
  const toggleColumn = useCallback(
    (id: string) =>
      onColumnVisibilityChange({ ...columnVisibility, [id]: columnVisibility[id] === false }),
    [columnVisibility, onColumnVisibilityChange],
  );

  function handleKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest('tr');
    const index = Number(current?.dataset.index);
    if (!Number.isFinite(index)) return;
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= rows.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${next}"] a`)?.focus();
    });
  }

  const visibleColumns = table.getVisibleLeafColumns();
  return (
    <div className="results">
      <details className="column-picker">
        <summary>Columns</summary>
        <ul>
          {table.getAllLeafColumns().map((column) => (
            <li key={column.id}>
              <label>
                <Checkbox
                  value={column.id}
                  checked={column.getIsVisible()}
                  disabled={column.id === 'name'}
                  onToggle={toggleColumn}
                />{' '}
                {COLUMNS.find((meta) => meta.id === column.id)?.header ?? column.id}
              </label>
            </li>
          ))}
        </ul>
      </details>
      <div className="table-scroll" ref={scrollRef} tabIndex={-1}>
        <table
          className="results-table"
          aria-rowcount={rows.length + 1}
          style={
            {
              '--cols': visibleColumns.map((column) => COLUMN_WIDTHS[column.id] ?? '1fr').join(' '),
            } as CSSProperties
          }
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const column = header.column.id as SortColumn;
                  const active = sort?.column === column;
                  const ariaSort = active ? (sort.desc ? 'descending' : 'ascending') : undefined;
                  return (
                    <th
                      key={header.id}
                      className={`col-${column}`}
                      aria-sort={ariaSort}
                      scope="col"
                    >
                      <button type="button" className="sort-button" onClick={() => onSort(column)}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="sort-indicator">
                          {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize() }} onKeyDown={handleKeyDown}>
            {inView.map(({ item }, position) => {
              const row = tableRows[position];
              if (row === undefined) return null;
              // Fixed-height rows (and their cells) are keyed by position, as the virtualizer keys
              // them: a keystroke that changes the results rewrites the text of the ~15 rows in
              // view instead of removing them and building new ones (keystroke median / p95
              // 7.4 / 16.7 → 6.9 / 15.7 ms over 3,080 keystrokes per build). The cells hold no
              // state, so a row shown for another listing carries nothing over. Measured cards
              // keep their listing's key, as the virtualizer's cache of their heights does.
              return (
                <tr
                  key={isCardLayout ? row.id : item.index}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  ref={isCardLayout ? virtualizer.measureElement : undefined}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.column.id}
                      className={`col-${cell.column.id}`}
                      data-label={COLUMNS.find((meta) => meta.id === cell.column.id)?.header}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="empty">No listing matches. Try fewer filters or another spelling.</p>
        ) : null}
      </div>
      <p className="order-note">
        {sort === null
          ? hasQuery
            ? 'Ordered by relevance. Click a column header to sort.'
            : 'Ordered by name. Click a column header to sort.'
          : `Sorted by ${COLUMNS.find((meta) => meta.id === sort.column)?.header.toLowerCase()} (${sort.desc ? 'descending' : 'ascending'}). ${visibleColumns.length} columns shown.`}
      </p>
    </div>
  );
});

function NameCell({ row, href }: { row: ResultRow; href: string }) {
  const listing = row.facts.listing;
  const hit = row.hit;
  const viaAlias = hit !== undefined && hit.matchedKind !== 'primary';
  const explanation = hit === undefined ? undefined : explainSearchHit(hit);
  return (
    <div className="name-cell">
      {/* The row shows two lines; the title gives the whole name on hover. */}
      <Link href={href} className="entity-link" title={listing.name}>
        {/* Isolated: a right-to-left override in a name must not reorder the text after it. */}
        <bdi>{listing.name}</bdi>
      </Link>
      {hit ? (
        <span
          className={`match match-${hit.quality}`}
          title={explanation}
          tabIndex={0}
          aria-label={explanation}
        >
          {viaAlias ? (
            <>
              matched {hit.matchedKind === 'identifier' ? 'identifier' : 'alias'} “
              <bdi>{hit.matchedName}</bdi>”
            </>
          ) : (
            hit.quality
          )}
        </span>
      ) : null}
    </div>
  );
}
