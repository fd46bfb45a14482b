import { useId, useState, type ReactNode } from 'react';
import { formatCount } from '../../ui/format-count';

export interface FallbackRow {
  readonly key: string;
  readonly label: string;
  readonly cells: readonly (string | number)[];
}

interface ChartFigureProps {
  readonly title: string;
  /** One or two sentences that say what the chart shows, for everyone (and screen readers). */
  readonly description: string;
  readonly chart: ReactNode;
  /** Buttons that change the chart (kept outside the hidden SVG so they stay reachable). */
  readonly controls?: ReactNode;
  /** What follows the chart, such as its legend (outside the hidden SVG, so it stays reachable). */
  readonly after?: ReactNode;
  readonly columns: readonly string[];
  readonly rows: readonly FallbackRow[];
  /** What clicking a row's button does, e.g. "Filter the table to 2021". */
  readonly actionLabel: (row: FallbackRow) => string;
  readonly onSelect: (key: string) => void;
}

/**
 * A chart with its description and a table fallback. The SVG is hidden from assistive technology;
 * the table carries the same numbers and a button per row applies the same filter as a click.
 */
export function ChartFigure({
  title,
  description,
  chart,
  controls,
  after,
  columns,
  rows,
  actionLabel,
  onSelect,
}: ChartFigureProps) {
  const id = useId();
  // The table is made only while it is open: made closed, its rows (~400 elements in all three
  // charts) were rebuilt on every facet click with the charts shown, for no one to see or hear.
  const [tableOpen, setTableOpen] = useState(false);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <figcaption>{description}</figcaption>
      {controls}
      <div className="chart-canvas" aria-hidden="true">
        {chart}
      </div>
      {after}
      <details className="chart-table" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary>Show as a table</summary>
        {tableOpen ? (
          <table>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
                <th scope="col">Filter</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, index) => (
                    <td key={index}>{typeof cell === 'number' ? formatCount(cell) : cell}</td>
                  ))}
                  <td>
                    <button type="button" className="link-button" onClick={() => onSelect(row.key)}>
                      {actionLabel(row)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </details>
    </figure>
  );
}
