import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { SearchBox } from '../features/explorer/SearchBox';
import { SearchSupersededError, type SearchPreview } from '../search/search-client';
import { Link } from '../ui/Link';
import { navigate, useLocation } from '../ui/router';
import { entityPath, matchRoute } from './routes';
import { firstShownText, listingsText, previewRowNote } from './early-results-text';
import { formatExplorerSearch, parseExplorerSearch } from './url-state';
import { describeSearchStatus, useEarlySearch } from './use-search-client';
import { useFirstRows } from './first-rows';
import { FirstRowsPreview } from './FirstRowsPreview';
import { cycleSort } from '../features/explorer/model/view';

/** How many names the preview shows: a screenful, until the table replaces it. */
const PREVIEW_ROWS = 20;

/**
 * The explorer's search box while the listings are still arriving. The worker makes search ready
 * from the search file alone (checked against the manifest), which is a tenth of the listings'
 * size and comes first; until the listings follow, what a query finds is named by the file's
 * primary names. The query lives in the address, as the explorer's does, so the explorer opens on
 * it (and on any filters the address had) once the listings are in. Shown on the explorer's
 * address only: an entity page waits for its listing.
 */
export function EarlySearch({ loading = null }: { loading?: ReactNode }) {
  const location = useLocation();
  if (matchRoute(location.pathname).kind !== 'explorer') return loading;
  return <EarlySearchBox search={location.search} loading={loading} />;
}

function EarlySearchBox({ search, loading }: { search: string; loading: ReactNode }) {
  const { status, preview } = useEarlySearch();
  const firstRows = useFirstRows();
  const view = useMemo(() => parseExplorerSearch(search).view, [search]);
  const query = view.q.trim();
  const [answer, setAnswer] = useState<{ query: string; found: SearchPreview } | null>(null);

  useEffect(() => {
    if (preview === null || query === '') return;
    let active = true;
    preview(query, PREVIEW_ROWS).then(
      (found) => {
        if (active) setAnswer({ query, found });
      },
      (error: unknown) => {
        // A newer query's answer is on its way; any other failure leaves the explorer's search,
        // which follows with the listings, to say what went wrong.
        if (!(error instanceof SearchSupersededError)) console.warn(error);
      },
    );
    return () => {
      active = false;
    };
  }, [preview, query]);

  // The explorer's search box replaces this one once the listings are in: whoever was typing
  // here goes on typing there, at the end of what they typed.
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const container = box.current;
    return () => {
      if (container === null || !container.contains(document.activeElement)) return;
      queueMicrotask(() => {
        const input = document.querySelector<HTMLInputElement>('.explorer-search input');
        input?.focus();
        input?.setSelectionRange(input.value.length, input.value.length);
      });
    };
  }, []);

  const searchBox = (
    <div className="explorer-search" ref={box}>
      <SearchBox
        value={view.q}
        status={describeSearchStatus(status)}
        onChange={(q) => navigate(`/${formatExplorerSearch({ ...view, q })}`, { replace: true })}
      />
    </div>
  );
  // The default view's first rows, laid out as the explorer will be, so that nothing moves
  // when the full table replaces them.
  if (firstRows !== null && formatExplorerSearch(view) === '') {
    return (
      <FirstRowsPreview
        firstRows={firstRows}
        searchBox={searchBox}
        loading={loading}
        onSort={(column) =>
          navigate(`/${formatExplorerSearch(cycleSort(view, column))}`, { replace: false })
        }
      />
    );
  }
  const shown = query === '' ? null : answer;
  return (
    <div className="early-search">
      {searchBox}
      {shown === null ? null : (
        <section className="early-results" aria-label="First results">
          <p role="status" aria-live="polite">
            <strong>{listingsText(shown.found.total)}</strong> found
            {firstShownText(shown.found.total, shown.found.rows.length)}. Their lists’ details, the
            filters and the full table come when the listings have loaded.
          </p>
          <ol>
            {shown.found.rows.map((row) => (
              <li key={row.listingId}>
                <Link href={entityPath(row.listingId)}>{row.name}</Link>{' '}
                <span className="muted">{previewRowNote(row)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {loading}
    </div>
  );
}
