import { useMemo } from 'react';
import { isListCode, type ListCode } from '../domain/lists';
import type { Dataset } from '../data/load-dataset';
import { ActionsPage } from '../features/actions/ActionsPage';
import { DayPage } from '../features/actions/DayPage';
import { buildActionIndex, type ActionIndex } from '../features/actions/model/actions';
import { DEFAULT_VIEW } from '../features/explorer/model/view';
import { navigate } from '../ui/router';
import { ACTIONS_PATH, dayPath, entityPath } from './routes';
import { formatExplorerSearch } from './url-state';

const actionIndexes = new WeakMap<Dataset, ActionIndex>();

function actionIndexOf(dataset: Dataset): ActionIndex {
  let index = actionIndexes.get(dataset);
  if (!index) {
    index = buildActionIndex(dataset.listings);
    actionIndexes.set(dataset, index);
  }
  return index;
}

/** `/actions?list=EL&year=2021`: unknown values are simply not applied. */
function readActionFilters(search: string): { list: ListCode | null; year: string | null } {
  const params = new URLSearchParams(search);
  const list = params.get('list')?.toUpperCase() ?? '';
  const year = params.get('year') ?? '';
  return { list: isListCode(list) ? list : null, year: /^\d{4}$/.test(year) ? year : null };
}

interface ActionRoutesProps {
  readonly route: { readonly kind: 'actions' } | { readonly kind: 'day'; readonly date: string };
  readonly dataset: Dataset;
  readonly search: string;
  readonly undatedCount: number;
}

export function ActionRoutes({ route, dataset, search, undatedCount }: ActionRoutesProps) {
  const index = useMemo(() => actionIndexOf(dataset), [dataset]);
  if (route.kind === 'day') {
    return (
      <DayPage
        index={index}
        date={route.date}
        byId={dataset.byId}
        entityHref={entityPath}
        dayHref={dayPath}
        actionsHref={ACTIONS_PATH}
        explorerHref={(date, list) =>
          `/${formatExplorerSearch({ ...DEFAULT_VIEW, list: isListCode(list) ? [list] : [], listedFrom: date, listedTo: date })}`
        }
      />
    );
  }
  const filters = readActionFilters(search);
  return (
    <ActionsPage
      index={index}
      list={filters.list}
      year={filters.year}
      undatedCount={undatedCount}
      dayHref={dayPath}
      onFilterChange={(list, year) => {
        const params = new URLSearchParams();
        if (list) params.set('list', list);
        if (year) params.set('year', year);
        const query = params.toString();
        navigate(`${ACTIONS_PATH}${query ? `?${query}` : ''}`);
      }}
    />
  );
}
