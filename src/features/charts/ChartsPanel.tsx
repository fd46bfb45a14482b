import { useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AGENCY_NAMES, LISTS, isAgencyCode, isListCode } from '../../domain/lists';
import { countryName } from '../../domain/countries';
import { SECTORS, isSectorCode } from '../../domain/sector';
import { ChartFigure } from './ChartFigure';
import { colourFor } from './model/palette';
import {
  additionsOverTime,
  countBySector,
  periodRange,
  topCountries,
  type ChartRow,
  type StackBy,
} from './model/series';

export type ChartFilter = 'agency' | 'list' | 'sector' | 'country';

interface ChartsPanelProps {
  readonly rows: readonly ChartRow[];
  readonly onSelectPeriod: (from: string, to: string) => void;
  readonly onSelect: (filter: ChartFilter, value: string) => void;
}

const TOP_COUNTRIES = 10;

function keyLabel(stackBy: StackBy, key: string): string {
  if (stackBy === 'agency') return isAgencyCode(key) ? AGENCY_NAMES[key] : key;
  return isListCode(key) ? `${key} · ${LISTS[key].name}` : key;
}

function sectorLabel(key: string): string {
  return isSectorCode(key) ? SECTORS[key].label : key;
}

/** Additions over time, by sector and by country, for the rows the table shows. */
export function ChartsPanel({ rows, onSelectPeriod, onSelect }: ChartsPanelProps) {
  const [stackBy, setStackBy] = useState<StackBy>('list');
  const time = useMemo(() => additionsOverTime(rows, stackBy), [rows, stackBy]);
  const sectors = useMemo(() => countBySector(rows), [rows]);
  const countries = useMemo(() => topCountries(rows, TOP_COUNTRIES), [rows]);
  const dated = rows.length - time.undated;
  const unit = time.granularity === 'year' ? 'year' : 'month';
  const first = time.data[0]?.period;
  const last = time.data[time.data.length - 1]?.period;

  return (
    <section className="charts" aria-label="Charts of the listings shown">
      <ChartFigure
        title={`Additions per ${unit}`}
        description={
          dated === 0
            ? `None of the ${rows.length.toLocaleString('en-US')} listings shown has a published listing date.`
            : `${dated.toLocaleString('en-US')} listings with an official listing date, ${first} to ${last}, stacked by ${stackBy}. ${time.undated.toLocaleString('en-US')} listings have no published date and are not on this chart. Click a bar to show that ${unit} in the table.`
        }
        controls={
          <div className="chart-controls">
            <button
              type="button"
              aria-pressed={stackBy === 'list'}
              onClick={() => setStackBy('list')}
            >
              By list
            </button>
            <button
              type="button"
              aria-pressed={stackBy === 'agency'}
              onClick={() => setStackBy('agency')}
            >
              By agency
            </button>
          </div>
        }
        chart={
          <>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart
                data={[...time.data]}
                accessibilityLayer={false}
                margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="period" tick={{ fontSize: 12 }} minTickGap={8} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={44} />
                <Tooltip />
                <Legend
                  formatter={(value: string) => keyLabel(stackBy, value)}
                  onClick={(entry) => {
                    if (typeof entry.dataKey === 'string') onSelect(stackBy, entry.dataKey);
                  }}
                  wrapperStyle={{ cursor: 'pointer', fontSize: 12 }}
                />
                {time.keys.map((key, index) => (
                  <Bar
                    key={key}
                    dataKey={key}
                    name={key}
                    stackId="additions"
                    fill={colourFor(index)}
                    cursor="pointer"
                    isAnimationActive={false}
                    onClick={(item) => {
                      const period = (item.payload as { period?: unknown } | undefined)?.period;
                      if (typeof period === 'string') {
                        const range = periodRange(period);
                        onSelectPeriod(range.from, range.to);
                      }
                    }}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </>
        }
        columns={[unit === 'year' ? 'Year' : 'Month', 'Additions']}
        rows={time.data.map((entry) => {
          const period = String(entry.period);
          const total = time.keys.reduce((sum, key) => sum + Number(entry[key] ?? 0), 0);
          return { key: period, label: period, cells: [total] };
        })}
        actionLabel={(row) => `Show ${row.label}`}
        onSelect={(period) => {
          const range = periodRange(period);
          onSelectPeriod(range.from, range.to);
        }}
      />
      <HorizontalBars
        title="Listings by sector"
        description={`Sectors are the explorer’s rule-based estimate; no official list has a sector field. ${(sectors.find((entry) => entry.key === 'unclassified')?.count ?? 0).toLocaleString('en-US')} listings are unclassified. Click a bar to filter by sector.`}
        entries={sectors.map((entry) => ({ ...entry, label: sectorLabel(entry.key) }))}
        onSelect={(key) => onSelect('sector', key)}
        actionLabel="Filter by"
      />
      <HorizontalBars
        title={`Top ${TOP_COUNTRIES} countries`}
        description="Countries from addresses, nationalities and citizenships; a listing can count for several. Click a bar to filter by country."
        entries={countries.map((entry) => ({
          ...entry,
          label: `${countryName(entry.key)} (${entry.key})`,
        }))}
        onSelect={(key) => onSelect('country', key)}
        actionLabel="Filter by"
      />
    </section>
  );
}

interface HorizontalBarsProps {
  readonly title: string;
  readonly description: string;
  readonly entries: readonly { key: string; label: string; count: number }[];
  readonly onSelect: (key: string) => void;
  readonly actionLabel: string;
}

function HorizontalBars({
  title,
  description,
  entries,
  onSelect,
  actionLabel,
}: HorizontalBarsProps) {
  const height = Math.max(120, entries.length * 26 + 30);
  return (
    <ChartFigure
      title={title}
      description={description}
      chart={
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={[...entries]}
            layout="vertical"
            accessibilityLayer={false}
            margin={{ left: 8, right: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis
              type="category"
              dataKey="label"
              width={170}
              tick={{ fontSize: 12 }}
              interval={0}
            />
            <Tooltip />
            <Bar
              dataKey="count"
              name="Listings"
              fill={colourFor(0)}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(item) => {
                const key = (item.payload as { key?: unknown } | undefined)?.key;
                if (typeof key === 'string') onSelect(key);
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      }
      columns={[title.includes('sector') ? 'Sector' : 'Country', 'Listings']}
      rows={entries.map((entry) => ({ key: entry.key, label: entry.label, cells: [entry.count] }))}
      actionLabel={(row) => `${actionLabel} ${row.label}`}
      onSelect={onSelect}
    />
  );
}
