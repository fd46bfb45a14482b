import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { AGENCY_NAMES, LISTS, isAgencyCode, isListCode } from '../../domain/lists';
import { countryName } from '../../domain/countries';
import { SECTORS, isSectorCode } from '../../domain/sector';
import { ChartFigure, type FallbackRow } from './ChartFigure';
import {
  CATEGORY_AXIS_WIDTH,
  CategoryBars,
  ChartPlot,
  CountValueAxis,
  PeriodBars,
  TimeValueAxis,
  useBarHover,
  type CategoryBar,
} from './ChartBars';
import { describeAdditions, describeSectors } from './model/captions';
import { COUNT_AXIS_DOMAIN } from './model/value-axis';
import { colourFor } from './model/palette';
import {
  additionsOverTime,
  countBySector,
  periodBars,
  periodLabelStep,
  periodRange,
  rememberedPerRows,
  topCountries,
  type ChartRow,
  type PeriodBar,
  type StackBy,
  type TimeSeries,
} from './model/series';
import { formatCount } from '../../ui/format-count';
import { useElementWidth } from '../../ui/use-element-width';
import { useValueAfterPaint } from '../../ui/use-value-after-paint';

export type ChartFilter = 'agency' | 'list' | 'sector' | 'country';

interface ChartsPanelProps {
  readonly rows: readonly ChartRow[];
  /** The query the rows are for: rows for a new one are drawn after the table's paint. */
  readonly query: string;
  readonly onSelectPeriod: (from: string, to: string) => void;
  readonly onSelect: (filter: ChartFilter, value: string) => void;
}

const TOP_COUNTRIES = 10;

// Recharts recomputes a chart's layout when a prop changes identity, so every object and function
// handed to it is either defined here once or memoised below (recharts.github.io/guide/performance).
const TIME_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 } as const;
const TIME_VALUE_AXIS_WIDTH = 44;
const BARS_MARGIN = { left: 8, right: 16 } as const;

// A chart's parts read its data from Recharts' store, which takes new data in an effect. Made once,
// they are left alone by the render that hands a chart new data, and drawn once, after the store
// has it, not also before with the old (a facet click with the charts shown: 110 → 94 ms median,
// 3 loads × 24 clicks a build, bench/HISTORY.md, session 21). The value axes name the bars' field,
// whose largest value Recharts rounds up to the axis' top with our rule, not its own "nice ticks"
// (`COUNT_AXIS_DOMAIN`; there is no <Bar>: `ChartBars.tsx`). Every axis' labels and tick marks,
// and the grid, are drawn with the bars (`TimeValueAxis`, `PeriodBars`, …): Recharts keys a tick
// by its place on the axis, and built them all anew when a click rescaled it.
const TIME_CHART_PARTS = (
  <>
    <XAxis dataKey="period" tick={false} />
    <YAxis
      dataKey="total"
      domain={COUNT_AXIS_DOMAIN}
      niceTicks="none"
      tick={false}
      width={TIME_VALUE_AXIS_WIDTH}
    />
    <TimeValueAxis />
  </>
);
const CATEGORY_CHART_PARTS = (
  <>
    <XAxis type="number" dataKey="count" domain={COUNT_AXIS_DOMAIN} niceTicks="none" tick={false} />
    <YAxis type="category" dataKey="label" width={CATEGORY_AXIS_WIDTH} tick={false} interval={0} />
    <CountValueAxis />
  </>
);

// Per rows array: see `rememberedPerRows`.
const additionsByList = rememberedPerRows((rows) => additionsOverTime(rows, 'list'));
const additionsByAgency = rememberedPerRows((rows) => additionsOverTime(rows, 'agency'));
const sectorBars = rememberedPerRows((rows) =>
  countBySector(rows).map((entry) => ({ ...entry, label: sectorLabel(entry.key) })),
);
const countryBars = rememberedPerRows((rows) =>
  topCountries(rows, TOP_COUNTRIES).map((entry) => ({
    ...entry,
    label: `${countryName(entry.key)} (${entry.key})`,
  })),
);

function keyLabel(stackBy: StackBy, key: string): string {
  if (stackBy === 'agency') return isAgencyCode(key) ? AGENCY_NAMES[key] : key;
  return isListCode(key) ? `${key} · ${LISTS[key].name}` : key;
}

function sectorLabel(key: string): string {
  return isSectorCode(key) ? SECTORS[key].label : key;
}

/** Additions over time, by sector and by country, for the rows the table shows: drawn with the
 * table for a filter, and once the table has been painted for a new query (`useValueAfterPaint`). */
export const ChartsPanel = memo(function ChartsPanel({
  rows,
  query,
  onSelectPeriod,
  onSelect,
}: ChartsPanelProps) {
  return (
    <ChartsOfRows
      rows={useValueAfterPaint(rows, query)}
      onSelectPeriod={onSelectPeriod}
      onSelect={onSelect}
    />
  );
});

const ChartsOfRows = memo(function ChartsOfRows({
  rows,
  onSelectPeriod,
  onSelect,
}: Omit<ChartsPanelProps, 'query'>) {
  // The explorer hands new callbacks on every render; the charts keep stable ones that call the
  // latest, so a render that changes no rows leaves the charts alone.
  const latest = useRef({ onSelectPeriod, onSelect });
  useLayoutEffect(() => {
    latest.current = { onSelectPeriod, onSelect };
  });
  const selectPeriod = useCallback((period: string) => {
    const range = periodRange(period);
    latest.current.onSelectPeriod(range.from, range.to);
  }, []);
  const selectSector = useCallback((key: string) => latest.current.onSelect('sector', key), []);
  const selectCountry = useCallback((key: string) => latest.current.onSelect('country', key), []);
  const selectKey = useCallback(
    (stackBy: StackBy, key: string) => latest.current.onSelect(stackBy, key),
    [],
  );

  const [stackBy, setStackBy] = useState<StackBy>('list');
  const time = stackBy === 'list' ? additionsByList(rows) : additionsByAgency(rows);
  const sectors = sectorBars(rows);
  const countries = countryBars(rows);
  const unclassified = sectors.find((entry) => entry.key === 'unclassified')?.count ?? 0;

  return (
    <section className="charts" aria-label="Charts of the listings shown">
      <AdditionsChart
        time={time}
        shown={rows.length}
        stackBy={stackBy}
        onStackBy={setStackBy}
        onSelectPeriod={selectPeriod}
        onSelectKey={selectKey}
      />
      <HorizontalBars
        title="Listings by sector"
        description={describeSectors(unclassified)}
        column="Sector"
        entries={sectors}
        onSelect={selectSector}
      />
      <HorizontalBars
        title={`Top ${TOP_COUNTRIES} countries`}
        description="Countries from addresses, nationalities and citizenships; a listing can count for several. Click a bar to filter by country."
        column="Country"
        entries={countries}
        onSelect={selectCountry}
      />
    </section>
  );
});

interface AdditionsChartProps {
  readonly time: TimeSeries;
  /** Listings shown in the table, dated or not. */
  readonly shown: number;
  readonly stackBy: StackBy;
  readonly onStackBy: (stackBy: StackBy) => void;
  readonly onSelectPeriod: (period: string) => void;
  readonly onSelectKey: (stackBy: StackBy, key: string) => void;
}

const AdditionsChart = memo(function AdditionsChart({
  time,
  shown,
  stackBy,
  onStackBy,
  onSelectPeriod,
  onSelectKey,
}: AdditionsChartProps) {
  const { keys, totals } = time;
  const bars = useMemo(() => periodBars(time), [time]);
  const unit = time.granularity;

  const { hover, onHover, plotRef } = useBarHover();
  const hoveredKey = hover?.key ?? null;
  const hoveredBar = bars.find((bar) => bar.period === hoveredKey);
  const axisWidth =
    useElementWidth(plotRef) - TIME_VALUE_AXIS_WIDTH - TIME_MARGIN.left - TIME_MARGIN.right;
  const labelStep = periodLabelStep(bars.length, unit, axisWidth);
  // The pointer moving within a bar moves only the tooltip: the chart is redrawn for new bars or
  // another bar hovered.
  const plot = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={bars} accessibilityLayer={false} margin={TIME_MARGIN}>
          {TIME_CHART_PARTS}
          <PeriodBars
            bars={bars}
            labelStep={labelStep}
            hovered={hoveredKey}
            onHover={onHover}
            onSelect={onSelectPeriod}
          />
        </BarChart>
      </ResponsiveContainer>
    ),
    [bars, labelStep, hoveredKey, onHover, onSelectPeriod],
  );
  const fallbackRows = useMemo<FallbackRow[]>(
    () => bars.map((bar) => ({ key: bar.period, label: bar.period, cells: [bar.total] })),
    [bars],
  );

  return (
    <ChartFigure
      title={`Additions per ${unit}`}
      description={describeAdditions(time, shown, stackBy)}
      controls={
        <div className="chart-controls">
          <button type="button" aria-pressed={stackBy === 'list'} onClick={() => onStackBy('list')}>
            By list
          </button>
          <button
            type="button"
            aria-pressed={stackBy === 'agency'}
            onClick={() => onStackBy('agency')}
          >
            By agency
          </button>
        </div>
      }
      chart={
        <ChartPlot
          plotRef={plotRef}
          hover={hover}
          tooltip={
            hoveredBar === undefined ? null : (
              <PeriodTooltip
                bar={hoveredBar}
                keys={keys}
                keyName={(key) => keyLabel(stackBy, key)}
              />
            )
          }
        >
          {plot}
        </ChartPlot>
      }
      after={
        // The legend is HTML, not Recharts': buttons a keyboard reaches, which filter by that key.
        <ul className="chart-legend" aria-label={`Filter by ${stackBy}`}>
          {keys.map((key, index) => (
            <li key={key}>
              <button type="button" onClick={() => onSelectKey(stackBy, key)}>
                <span className="chart-swatch" style={{ background: colourFor(index) }} />
                {keyLabel(stackBy, key)}{' '}
                <span className="muted">{formatCount(totals[index] ?? 0)}</span>
              </button>
            </li>
          ))}
        </ul>
      }
      columns={[unit === 'year' ? 'Year' : 'Month', 'Additions']}
      rows={fallbackRows}
      actionLabel={(row) => `Show ${row.label}`}
      onSelect={onSelectPeriod}
    />
  );
});

function PeriodTooltip({
  bar,
  keys,
  keyName,
}: {
  bar: PeriodBar;
  keys: readonly string[];
  keyName: (key: string) => string;
}) {
  return (
    <>
      <strong>
        {bar.period}: {formatCount(bar.total)}
      </strong>
      <ul>
        {keys.map((key, index) =>
          (bar.values[index] ?? 0) > 0 ? (
            <li key={key}>
              <span className="chart-swatch" style={{ background: colourFor(index) }} />
              {keyName(key)}: {formatCount(bar.values[index] ?? 0)}
            </li>
          ) : null,
        )}
      </ul>
    </>
  );
}

interface HorizontalBarsProps {
  readonly title: string;
  readonly description: string;
  readonly column: string;
  readonly entries: readonly CategoryBar[];
  readonly onSelect: (key: string) => void;
}

const HorizontalBars = memo(function HorizontalBars({
  title,
  description,
  column,
  entries,
  onSelect,
}: HorizontalBarsProps) {
  const height = Math.max(120, entries.length * 26 + 30);
  const data = useMemo(() => [...entries], [entries]);
  const { hover, onHover, plotRef } = useBarHover();
  const hoveredKey = hover?.key ?? null;
  const hoveredEntry = entries.find((entry) => entry.key === hoveredKey);
  // As in the additions chart: the pointer moving within a bar moves only the tooltip.
  const plot = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={BARS_MARGIN}>
          {CATEGORY_CHART_PARTS}
          <CategoryBars
            entries={entries}
            hovered={hoveredKey}
            onHover={onHover}
            onSelect={onSelect}
          />
        </BarChart>
      </ResponsiveContainer>
    ),
    [height, data, entries, hoveredKey, onHover, onSelect],
  );
  const fallbackRows = useMemo<FallbackRow[]>(
    () => entries.map((entry) => ({ key: entry.key, label: entry.label, cells: [entry.count] })),
    [entries],
  );
  return (
    <ChartFigure
      title={title}
      description={description}
      chart={
        <ChartPlot
          plotRef={plotRef}
          hover={hover}
          tooltip={
            hoveredEntry === undefined ? null : (
              <>
                <strong>{hoveredEntry.label}</strong>: {formatCount(hoveredEntry.count)} listings
              </>
            )
          }
        >
          {plot}
        </ChartPlot>
      }
      columns={[column, 'Listings']}
      rows={fallbackRows}
      actionLabel={(row) => `Filter by ${row.label}`}
      onSelect={onSelect}
    />
  );
});
