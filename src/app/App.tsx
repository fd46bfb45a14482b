import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { factsOf } from '../features/explorer/model/facts';
import { unfilteredResult } from '../features/explorer/model/filter';
import { cleanViewForData } from '../features/explorer/model/facet-options';
import type { ExplorerView } from '../features/explorer/model/view';
import { ExplorerPage } from '../features/explorer/ExplorerPage';
import { EntityPage } from '../features/entity/EntityPage';
import { ExportMenu } from '../features/export/ExportMenu';
import type { ChartFilter } from '../features/charts/ChartsPanel';

/** Recharts is a third of the code: loaded when someone first opens the charts. */
const ChartsPanel = lazy(() =>
  import('../features/charts/ChartsPanel').then((module) => ({ default: module.ChartsPanel })),
);
import { buildAlsoListedIndex, type AlsoListedIndex } from '../features/entity/model/also-listed';
import type { Dataset } from '../data/load-dataset';
import { Notices } from '../ui/Notices';
import { currentHref, navigate, useLocation } from '../ui/router';
import { DataErrorPage, LoadingPage, NotFoundPage } from './StatusPages';
import { DataSummary, SampleBanner } from './DataSummary';
import { ACTIONS_PATH, entityPath, matchRoute } from './routes';
import { Link } from '../ui/Link';
import { isAgencyCode, isListCode } from '../domain/lists';
import { ActionRoutes } from './ActionRoutes';
import { EarlySearch } from './EarlySearch';
import { formatExplorerSearch, parseExplorerSearch } from './url-state';
import { useDataset } from './use-dataset';
import { DATA_URL } from './data-url';
import { describeSearchStatus, takeSearchFileCopy, useSearchClient } from './use-search-client';
import { LOCAL_SEARCH_MAX_DOCS, useLocalSearchIndex } from './use-local-search-index';

export function App() {
  const state = useDataset(DATA_URL);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-title">
          <Link href="/">Sanctions Explorer</Link>
        </p>
        <nav className="app-nav" aria-label="Sections">
          <Link href="/">Search the lists</Link>
          <Link href={ACTIONS_PATH}>Additions by date</Link>
        </nav>
        {state.status === 'ready' ? (
          <DataSummary
            manifest={state.dataset.manifest}
            isOfflineCopy={state.dataset.isOfflineCopy}
          />
        ) : null}
      </header>
      {state.status === 'ready' && state.dataset.manifest.sample ? (
        <SampleBanner synthetic={state.dataset.manifest.synthetic} />
      ) : null}
      <main id="main">
        {state.status === 'loading' ? (
          <EarlySearch loading={<LoadingPage progress={state.progress} />} />
        ) : null}
        {state.status === 'error' ? <DataErrorPage error={state.error} /> : null}
        {state.status === 'ready' ? <ReadyApp dataset={state.dataset} /> : null}
      </main>
      <footer className="app-footer">
        <p>
          Everything runs in your browser: searches and filters are never sent anywhere. Data:
          official US government lists (public domain) and the UN Security Council Consolidated
          List.
        </p>
      </footer>
    </>
  );
}

/** A click on a chart narrows the view to that value (replacing the facet's selection). */
function applyChartFilter(view: ExplorerView, filter: ChartFilter, value: string): ExplorerView {
  switch (filter) {
    case 'agency':
      return isAgencyCode(value) ? { ...view, agency: [value] } : view;
    case 'list':
      return isListCode(value) ? { ...view, list: [value] } : view;
    case 'sector':
      return { ...view, sector: [value] };
    case 'country':
      return { ...view, country: [value] };
  }
}

/** Built on the first entity page, not at start-up: it costs ~0.25 s over the full lists. */
const alsoListedIndexes = new WeakMap<Dataset, AlsoListedIndex>();
function alsoListedIndexOf(dataset: Dataset): AlsoListedIndex {
  let index = alsoListedIndexes.get(dataset);
  if (!index) {
    index = buildAlsoListedIndex(dataset.listings);
    alsoListedIndexes.set(dataset, index);
  }
  return index;
}

/** Remembered so the entity page's "Back to the results" restores the view it came from. */
const lastExplorer = { search: '' };

function ReadyApp({ dataset }: { dataset: Dataset }) {
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const facts = useMemo(() => factsOf(dataset.listings), [dataset]);
  const known = useMemo(() => {
    // Every value some listing has: the unfiltered counts' keys (computed while loading).
    const { facets } = unfilteredResult(facts);
    return {
      program: new Set(facets.program.keys()),
      rationale: new Set(facets.rationale.keys()),
      sector: new Set(facets.sector.keys()),
    };
  }, [facts]);
  const { port, status } = useSearchClient();
  // Above the page's limit every search stays with the worker: no copy to make, from either source.
  const localSearchIndex = useLocalSearchIndex(
    dataset.listings,
    status.status === 'ready' && status.docCount <= LOCAL_SEARCH_MAX_DOCS,
    takeSearchFileCopy,
  );
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);

  const parsed = useMemo(() => {
    const fromUrl = parseExplorerSearch(location.search);
    const cleaned = cleanViewForData(fromUrl.view, known);
    return { view: cleaned.view, notices: [...fromUrl.notices, ...cleaned.notices] };
  }, [location.search, known]);

  const onViewChange = useCallback((view: ExplorerView, mode: 'push' | 'replace') => {
    navigate(`/${formatExplorerSearch(view)}`, { replace: mode === 'replace' });
  }, []);

  useEffect(() => {
    if (route.kind === 'explorer') lastExplorer.search = location.search;
  }, [route.kind, location.search]);

  if (route.kind === 'explorer') {
    const notices = dismissedFor === location.search ? [] : parsed.notices;
    return (
      <>
        <h1 className="visually-hidden">Search the sanctions and export-control lists</h1>
        <Notices notices={notices} onDismiss={() => setDismissedFor(location.search)} />
        <ExplorerPage
          facts={facts}
          view={parsed.view}
          searchPort={port}
          localSearchIndex={localSearchIndex}
          searchStatus={describeSearchStatus(status)}
          onViewChange={onViewChange}
          entityHref={entityPath}
          renderTools={(context) => (
            <ExportMenu
              rowCount={context.rowCount}
              listings={context.listings}
              visibleColumns={context.visibleColumns}
              manifest={dataset.manifest}
              viewUrl={currentHref()}
              filters={Object.fromEntries(
                [...new URLSearchParams(formatExplorerSearch(parsed.view))].filter(
                  ([key]) => key !== 'v',
                ),
              )}
            />
          )}
          renderCharts={(rows, query) => (
            <Suspense fallback={<p className="muted">Loading the charts…</p>}>
              <ChartsPanel
                rows={rows}
                query={query}
                onSelectPeriod={(listedFrom, listedTo) =>
                  onViewChange({ ...parsed.view, listedFrom, listedTo }, 'push')
                }
                onSelect={(filter, value) =>
                  onViewChange(applyChartFilter(parsed.view, filter, value), 'push')
                }
              />
            </Suspense>
          )}
        />
      </>
    );
  }
  if (route.kind === 'entity') {
    return (
      <EntityPage
        listing={dataset.byId.get(route.id) ?? null}
        requestedId={route.id}
        byId={dataset.byId}
        alsoListedIndex={alsoListedIndexOf(dataset)}
        backHref={`/${lastExplorer.search}`}
        entityHref={entityPath}
      />
    );
  }
  if (route.kind === 'actions' || route.kind === 'day') {
    return (
      <ActionRoutes
        route={route}
        dataset={dataset}
        search={location.search}
        undatedCount={facts.filter((fact) => fact.listed === null).length}
      />
    );
  }
  return <NotFoundPage path={route.path} />;
}
