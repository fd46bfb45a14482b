import {
  memo,
  useCallback,
  useRef,
  useState,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from 'react';
import {
  usePlotArea,
  useXAxisDomain,
  useXAxisScale,
  useYAxisDomain,
  useYAxisScale,
  type PlotArea,
  type ScaleFunction,
} from 'recharts';
import { textMeasurer } from './measure-text';
import { colourFor } from './model/palette';
import { stackPaths, type PeriodBar, type PlacedStack } from './model/series';
import { domainsFitBars, valueAxisTicks } from './model/value-axis';
import { wrapLabel } from './model/wrap-label';

/*
 * The bars of the charts, drawn as plain SVG (a <rect> per category, a <path> per stack key for
 * the stacked periods) with the chart's own scales (Recharts' axis hooks), with every axis'
 * labels and tick marks and the grid; Recharts still lays out the plot, works out the scales and
 * the value axes' round numbers, and draws the axes' lines. Recharts' <Bar> renders several
 * components per bar and works out every bar's geometry again in its store on each change of
 * data: with the charts shown, a facet click took 105 ms (median) with its bars and 62 ms with
 * none drawn, and takes 68 ms with these against 91 ms with Recharts' (3 loads × 24 clicks a
 * build, bench/HISTORY.md, session 21). Recharts' tooltip reads what a <Bar> tells it, so the
 * tooltip is ours too (`useBarHover`).
 */

/** Recharts' default gap between bars: 10% of a category's band on each side. */
const BAND_GAP = 0.1;

/** A category's band along its axis (`from`, `size`), and its bar within it: the band less the
 * gap on each side. */
interface Band {
  readonly from: number;
  readonly size: number;
  readonly barFrom: number;
  readonly barSize: number;
}

function bandOf(scale: ScaleFunction, category: string): Band | null {
  const from = scale(category, { position: 'start' });
  const end = scale(category, { position: 'end' });
  if (from === undefined || end === undefined) return null;
  const size = end - from;
  return { from, size, barFrom: from + size * BAND_GAP, barSize: size * (1 - 2 * BAND_GAP) };
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

/** One bar: what it draws, over its whole band, which answers the pointer (shaded when hovered)
 * as Recharts' axis tooltip does, and filters by its key when clicked. */
function BarGroup({
  barKey,
  area,
  hovered,
  onHover,
  onSelect,
  children,
}: {
  readonly barKey: string;
  /** The band's box in the chart. */
  readonly area: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  readonly hovered: boolean;
  readonly onHover: OnBarHover;
  readonly onSelect: (key: string) => void;
  /** What is drawn within the band: a category's bar (a period's stack is drawn apart, with the
   * other periods', `stackPaths`). */
  readonly children?: ReactNode;
}) {
  return (
    <g
      className="chart-bar"
      data-key={barKey}
      onClick={() => onSelect(barKey)}
      onMouseMove={(event) => onHover(barKey, event)}
      onMouseLeave={() => onHover(null)}
    >
      <rect className={hovered ? 'chart-band chart-band-hovered' : 'chart-band'} {...area} />
      {children}
    </g>
  );
}

/** The chart's scales and plot area, once Recharts has laid the chart out; null before. */
interface ChartScales {
  readonly x: ScaleFunction;
  readonly y: ScaleFunction;
  readonly plot: PlotArea;
}

function useChartScales(): ChartScales | null {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  return x === undefined || y === undefined || plot === undefined ? null : { x, y, plot };
}

/** The bars last drawn with a chart's domains, by its category domain (each chart's store makes
 * its own), with its value domain: see `useDrawnWithTheirScales`. */
const drawnByDomains = new WeakMap<
  object,
  { readonly valueDomain: unknown; readonly element: ReactElement | null }
>();

/**
 * What a chart's bars draw, kept as last drawn while the chart's store has not yet taken their new
 * data. Recharts takes a chart's data in an effect, after the render that hands it over, so that
 * render still has the old scales: each chart's bars were drawn twice a facet click (counted),
 * once with the old scales and at once again with the new. Until the store's domains are those of
 * the bars' data (`domainsFitBars`: the bars' `categories`, along `categoryAxis`, and their
 * `largest` value), the element drawn with the same domains (the same objects) is given again,
 * which React leaves alone; domains that are new objects are always drawn with, whatever they
 * hold, so that a store that words its domains otherwise is never waited on.
 */
function useDrawnWithTheirScales(
  categoryAxis: 'x' | 'y',
  categories: readonly string[],
  largest: number,
  draw: (scales: ChartScales | null) => ReactElement | null,
): ReactElement | null {
  const scales = useChartScales();
  const xDomain = useXAxisDomain();
  const yDomain = useYAxisDomain();
  const [categoryDomain, valueDomain] =
    categoryAxis === 'x' ? [xDomain, yDomain] : [yDomain, xDomain];
  const fits = domainsFitBars(categories, largest, categoryDomain, valueDomain);
  const last = categoryDomain === undefined ? undefined : drawnByDomains.get(categoryDomain);
  if (!fits && last !== undefined && last.valueDomain === valueDomain) return last.element;
  const element = draw(scales);
  if (categoryDomain !== undefined) drawnByDomains.set(categoryDomain, { valueDomain, element });
  return element;
}

/*
 * Bars are keyed by their place, not their key: a facet click brings other countries into the top
 * ten, other periods (or months instead of years) into the time chart, and keyed by those the
 * bars were removed and built anew (~60–300 elements a chart a click) where now their attributes
 * are rewritten. A bar holds no state of its own; the hovered one is named by key (`BarHover`).
 */

/** What both kinds of bars take besides their data: the hovered bar's key, and what a bar tells. */
interface BarEvents {
  readonly hovered: string | null;
  readonly onHover: OnBarHover;
  readonly onSelect: (key: string) => void;
}

/** The axes' labels and tick marks drawn with the bars, as Recharts draws an axis': a 6 px mark,
 * the label 2 px beyond it, 12 px, in the axis' grey. */
const LABEL_FONT_SIZE = 12;
const TICK_SIZE = 6;
const TICK_MARGIN = 2;
const AXIS_GREY = '#666';

interface PeriodBarsProps extends BarEvents {
  readonly bars: readonly PeriodBar[];
  /** Every `labelStep`-th period is named on the axis, from the first (`periodLabelStep`). */
  readonly labelStep: number;
}

/** Additions per period, each bar its stack of segments (colours follow the keys' order), and
 * the time axis' labels and tick marks. */
export const PeriodBars = memo(function PeriodBars(props: PeriodBarsProps) {
  const { bars } = props;
  return useDrawnWithTheirScales(
    'x',
    bars.map((bar) => bar.period),
    Math.max(0, ...bars.map((bar) => bar.total)),
    (scales) => drawPeriodBars(props, scales),
  );
});

function drawPeriodBars(
  { bars, labelStep, hovered, onHover, onSelect }: PeriodBarsProps,
  scales: ChartScales | null,
): ReactElement | null {
  const base = scales?.y(0);
  if (scales === null || base === undefined) return null;
  const { x, y, plot } = scales;
  const bottom = plot.y + plot.height;
  const placed = bars.flatMap((bar) => {
    const band = bandOf(x, bar.period);
    const top = y(bar.total);
    return band === null || top === undefined ? [] : [{ bar, band, top }];
  });
  const stacks = placed.map<PlacedStack>(({ bar, band, top }) => ({
    x: band.barFrom,
    width: band.barSize,
    y: top,
    height: base - top,
    values: bar.values,
  }));
  const keyCount = Math.max(0, ...bars.map((bar) => bar.values.length));
  return (
    <>
      <g className="chart-bars">
        {placed.map(({ bar, band }, place) => (
          <BarGroup
            key={place}
            barKey={bar.period}
            area={{ x: band.from, y: plot.y, width: band.size, height: plot.height }}
            hovered={bar.period === hovered}
            onHover={onHover}
            onSelect={onSelect}
          />
        ))}
      </g>
      {/* The stacks over the bands, one path per key (`stackPaths`); the pointer goes through them
          to the band, which names the bar. */}
      <g className="chart-stacks" pointerEvents="none">
        {stackPaths(keyCount, stacks).map((path, keyIndex) => (
          <path key={keyIndex} d={path} fill={colourFor(keyIndex)} />
        ))}
      </g>
      <g className="chart-period-axis">
        {bars.map((bar, place) => {
          const band = place % labelStep === 0 ? bandOf(x, bar.period) : null;
          if (band === null) return null;
          const middle = band.from + band.size / 2;
          return (
            <g key={place}>
              <line
                x1={middle}
                x2={middle}
                y1={bottom}
                y2={bottom + TICK_SIZE}
                stroke={AXIS_GREY}
              />
              <text
                x={middle}
                y={bottom + TICK_SIZE + TICK_MARGIN}
                dy="0.71em"
                textAnchor="middle"
                fill={AXIS_GREY}
                fontSize={LABEL_FONT_SIZE}
              >
                {bar.period}
              </text>
            </g>
          );
        })}
      </g>
    </>
  );
}

/** The category axis' width. */
export const CATEGORY_AXIS_WIDTH = 170;
const measureLabel = textMeasurer(LABEL_FONT_SIZE);

/**
 * A category's label (a sector, a country) at the left of its bar, broken into lines that fit the
 * axis as Recharts' `Text` breaks it, but measured on a canvas (`wrapLabel`): Recharts' `Text`
 * measures each new word in the DOM, a forced layout of the page in the middle of a facet click.
 */
function CategoryLabel({ x, y, text }: { x: number; y: number; text: string }) {
  const lines = wrapLabel(text, CATEGORY_AXIS_WIDTH, measureLabel);
  // Centred on the bar as Recharts centres a label: lines 1em apart, by cap height 0.71em.
  const firstDy = -(lines.length - 1) / 2 + 0.355;
  return (
    <text x={x} y={y} textAnchor="end" fill={AXIS_GREY} fontSize={LABEL_FONT_SIZE}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? `${firstDy}em` : '1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export interface CategoryBar {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

interface CategoryBarsProps extends BarEvents {
  readonly entries: readonly CategoryBar[];
}

/** Horizontal bars, one per category (the chart's `layout="vertical"`), each with its label and
 * tick mark on the y axis. */
export const CategoryBars = memo(function CategoryBars(props: CategoryBarsProps) {
  const { entries } = props;
  return useDrawnWithTheirScales(
    'y',
    entries.map((entry) => entry.label),
    Math.max(0, ...entries.map((entry) => entry.count)),
    (scales) => drawCategoryBars(props, scales),
  );
});

function drawCategoryBars(
  { entries, hovered, onHover, onSelect }: CategoryBarsProps,
  scales: ChartScales | null,
): ReactElement | null {
  const base = scales?.x(0);
  if (scales === null || base === undefined) return null;
  const { x, y, plot } = scales;
  const placed = entries.flatMap((entry) => {
    const band = bandOf(y, entry.label);
    const end = x(entry.count);
    return band === null || end === undefined ? [] : [{ entry, band, end }];
  });
  return (
    <>
      <g className="chart-bars">
        {placed.map(({ entry, band, end }, place) => (
          <BarGroup
            key={place}
            barKey={entry.key}
            area={{ x: plot.x, y: band.from, width: plot.width, height: band.size }}
            hovered={entry.key === hovered}
            onHover={onHover}
            onSelect={onSelect}
          >
            <rect
              x={base}
              y={band.barFrom}
              width={Math.max(0, end - base)}
              height={band.barSize}
              fill={colourFor(0)}
            />
          </BarGroup>
        ))}
      </g>
      <g className="chart-category-axis">
        {placed.map(({ entry, band }, place) => {
          const middle = band.from + band.size / 2;
          return (
            <g key={place}>
              <line
                x1={plot.x - TICK_SIZE}
                x2={plot.x}
                y1={middle}
                y2={middle}
                stroke={AXIS_GREY}
              />
              <CategoryLabel x={plot.x - TICK_SIZE - TICK_MARGIN} y={middle} text={entry.label} />
            </g>
          );
        })}
      </g>
    </>
  );
}

/** Recharts' grid lines: light grey, dashed. */
const GRID_GREY = '#ccc';
const GRID_DASHES = '3 3';

/**
 * A value axis' round numbers (`valueAxisTicks`, to the top of the axis' domain), with their tick
 * marks and grid lines across the plot, drawn as the other axes' labels are, keyed by their place:
 * Recharts keyed each tick by its value and its place on the axis, and built them all anew
 * whenever a click rescaled the axis, which most clicks do.
 */
function ValueTicks({
  domain,
  scale,
  side,
}: {
  readonly domain: readonly unknown[] | undefined;
  readonly scale: ScaleFunction | undefined;
  /** Where the axis is: left of a vertical value axis, below a horizontal one. */
  readonly side: 'left' | 'bottom';
}) {
  const plot = usePlotArea();
  const top = domain?.[1];
  if (plot === undefined || scale === undefined || typeof top !== 'number') return null;
  const bottom = plot.y + plot.height;
  // Per tick, by the axis' side: its grid line across the plot, its mark and its label, placed
  // as Recharts places a value axis' (a 6 px mark, the label 2 px beyond it).
  const layout =
    side === 'left'
      ? (at: number) => ({
          grid: { x1: plot.x, x2: plot.x + plot.width, y1: at, y2: at },
          mark: { x1: plot.x - TICK_SIZE, x2: plot.x, y1: at, y2: at },
          label: {
            x: plot.x - TICK_SIZE - TICK_MARGIN,
            y: at,
            dy: '0.355em',
            textAnchor: 'end' as const,
          },
        })
      : (at: number) => ({
          grid: { x1: at, x2: at, y1: plot.y, y2: bottom },
          mark: { x1: at, x2: at, y1: bottom, y2: bottom + TICK_SIZE },
          label: {
            x: at,
            y: bottom + TICK_SIZE + TICK_MARGIN,
            dy: '0.71em',
            textAnchor: 'middle' as const,
          },
        });
  const placed = valueAxisTicks(top).flatMap((value) => {
    const at = scale(value);
    return at === undefined ? [] : [{ value, ...layout(at) }];
  });
  return (
    <>
      <g className="chart-grid" stroke={GRID_GREY} strokeDasharray={GRID_DASHES}>
        {placed.map(({ grid }, place) => (
          <line key={place} {...grid} />
        ))}
      </g>
      <g className="chart-value-axis">
        {placed.map(({ value, mark, label }, place) => (
          <g key={place}>
            <line {...mark} stroke={AXIS_GREY} />
            <text {...label} fill={AXIS_GREY} fontSize={LABEL_FONT_SIZE}>
              {String(value)}
            </text>
          </g>
        ))}
      </g>
    </>
  );
}

/** The additions chart's counts, up its left side, and its grid. */
export const TimeValueAxis = memo(function TimeValueAxis() {
  return <ValueTicks domain={useYAxisDomain()} scale={useYAxisScale()} side="left" />;
});

/** A category chart's counts, along its bottom, and its grid. */
export const CountValueAxis = memo(function CountValueAxis() {
  return <ValueTicks domain={useXAxisDomain()} scale={useXAxisScale()} side="bottom" />;
});
