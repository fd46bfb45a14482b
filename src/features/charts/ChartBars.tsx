import {
  memo,
  useCallback,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale, type ScaleFunction } from 'recharts';
import { colourFor } from './model/palette';
import { stackSegments, type PeriodBar } from './model/series';

/*
 * The bars of the charts, drawn as plain <rect>s with the chart's own scales (Recharts' axis
 * hooks); Recharts still lays out the plot, its axes and grid. Recharts' <Bar> renders several
 * components per bar and works out every bar's geometry again in its store on each change of
 * data: with the charts shown, a facet click took 105 ms (median) with its bars and 62 ms with
 * none drawn, and takes 68 ms with these against 91 ms with Recharts' (3 loads × 24 clicks a
 * build, bench/HISTORY.md, session 21). Recharts' tooltip reads what a <Bar> tells it, so the
 * tooltip is ours too (`useBarHover`).
 */

/** Recharts' default gap between bars: 10% of a category's band on each side. */
const BAND_GAP = 0.1;

/** Where a category's bar lies along its axis: its band less the gap. */
function barBand(scale: ScaleFunction, category: string): { start: number; size: number } | null {
  const start = scale(category, { position: 'start' });
  const end = scale(category, { position: 'end' });
  if (start === undefined || end === undefined) return null;
  const band = end - start;
  return { start: start + band * BAND_GAP, size: band * (1 - 2 * BAND_GAP) };
}

/** The bar under the pointer, and the pointer's place in the chart's box (for the tooltip). By
 * key, not place: after a click filters the rows, the tooltip under the pointer is the same bar's,
 * with its new numbers, or none. */
export interface BarHover {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  /** The chart's width, so the tooltip opens towards the middle. */
  readonly width: number;
}

type OnBarHover = (key: string | null, event?: MouseEvent) => void;

/** The hovered bar of one chart, and the box its tooltip is placed in (`ChartPlot`). */
export function useBarHover(): {
  readonly hover: BarHover | null;
  readonly onHover: OnBarHover;
  readonly plotRef: RefObject<HTMLDivElement | null>;
} {
  const plotRef = useRef<HTMLDivElement | null>(null);
  const [hover, setHover] = useState<BarHover | null>(null);
  const onHover = useCallback<OnBarHover>((key, event) => {
    const box = plotRef.current?.getBoundingClientRect();
    if (key === null || event === undefined || box === undefined) setHover(null);
    else
      setHover({
        key,
        x: event.clientX - box.left,
        y: event.clientY - box.top,
        width: box.width,
      });
  }, []);
  return { hover, onHover, plotRef };
}

/** A chart and, beside the pointer, the tooltip of the bar under it. */
export function ChartPlot({
  plotRef,
  hover,
  tooltip,
  children,
}: {
  readonly plotRef: RefObject<HTMLDivElement | null>;
  readonly hover: BarHover | null;
  readonly tooltip: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <div className="chart-plot" ref={plotRef}>
      {children}
      {hover !== null && tooltip !== null ? (
        <div
          className="chart-tooltip"
          style={{
            left: hover.x,
            top: hover.y,
            transform: `translate(${hover.x > hover.width / 2 ? 'calc(-100% - 12px)' : '12px'}, 12px)`,
          }}
        >
          {tooltip}
        </div>
      ) : null}
    </div>
  );
}

interface PeriodBarsProps {
  readonly bars: readonly PeriodBar[];
  readonly hovered: string | null;
  readonly onHover: OnBarHover;
  readonly onSelect: (period: string) => void;
}

/** Additions per period, each bar its stack of segments (colours follow the keys' order). The
 * whole height of a period's band answers the pointer, as Recharts' axis tooltip does. */
export const PeriodBars = memo(function PeriodBars({
  bars,
  hovered,
  onHover,
  onSelect,
}: PeriodBarsProps) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  const base = y?.(0);
  if (x === undefined || y === undefined || plot === undefined || base === undefined) return null;
  return (
    <g className="chart-bars">
      {bars.map((bar) => {
        const band = barBand(x, bar.period);
        const top = y(bar.total);
        if (band === null || top === undefined) return null;
        const gap = (band.size * BAND_GAP) / (1 - 2 * BAND_GAP);
        return (
          <g
            key={bar.period}
            className="chart-bar"
            data-period={bar.period}
            onClick={() => onSelect(bar.period)}
            onMouseMove={(event) => onHover(bar.period, event)}
            onMouseLeave={() => onHover(null)}
          >
            <rect
              className={bar.period === hovered ? 'chart-band chart-band-hovered' : 'chart-band'}
              x={band.start - gap}
              y={plot.y}
              width={band.size + 2 * gap}
              height={plot.height}
            />
            {stackSegments(bar.values, { y: top, height: base - top }).map((segment) => (
              <rect
                key={segment.keyIndex}
                x={band.start}
                y={segment.y}
                width={band.size}
                height={segment.height}
                fill={colourFor(segment.keyIndex)}
              />
            ))}
          </g>
        );
      })}
    </g>
  );
});

export interface CategoryBar {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

interface CategoryBarsProps {
  readonly entries: readonly CategoryBar[];
  readonly hovered: string | null;
  readonly onHover: OnBarHover;
  readonly onSelect: (key: string) => void;
}

/** Horizontal bars, one per category (the chart's `layout="vertical"`, labels on the y axis). */
export const CategoryBars = memo(function CategoryBars({
  entries,
  hovered,
  onHover,
  onSelect,
}: CategoryBarsProps) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  const base = x?.(0);
  if (x === undefined || y === undefined || plot === undefined || base === undefined) return null;
  return (
    <g className="chart-bars">
      {entries.map((entry) => {
        const band = barBand(y, entry.label);
        const end = x(entry.count);
        if (band === null || end === undefined) return null;
        return (
          <g
            key={entry.key}
            className="chart-bar"
            data-key={entry.key}
            onClick={() => onSelect(entry.key)}
            onMouseMove={(event) => onHover(entry.key, event)}
            onMouseLeave={() => onHover(null)}
          >
            <rect
              className={entry.key === hovered ? 'chart-band chart-band-hovered' : 'chart-band'}
              x={plot.x}
              y={band.start}
              width={plot.width}
              height={band.size}
            />
            <rect
              x={base}
              y={band.start}
              width={Math.max(0, end - base)}
              height={band.size}
              fill={colourFor(0)}
            />
          </g>
        );
      })}
    </g>
  );
});
