import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChartsPanel } from '../../../src/features/charts/ChartsPanel';
import type { ChartRow } from '../../../src/features/charts/model/series';

function row(listed: string | null, list: string, agency: string): ChartRow {
  return { listed, agency, listing: { list }, countries: ['CN'], sectors: ['unclassified'] };
}

const ROWS: ChartRow[] = [
  row('2019-10-09', 'EL', 'commerce'),
  row('2021-12-17', 'EL', 'commerce'),
  row('2021-12-16', 'CMIC', 'treasury'),
  row('2020-06-03', 'CMIC', 'treasury'),
  row('2021-01-14', 'CMIC', 'treasury'),
  row(null, 'SDN', 'treasury'),
];

describe('the additions chart legend', () => {
  it('lists each stack key with its total, largest first, and filters by it when clicked', () => {
    const onSelect = vi.fn();
    render(<ChartsPanel query="" rows={ROWS} onSelect={onSelect} onSelectPeriod={vi.fn()} />);
    const legend = screen.getByRole('list', { name: 'Filter by list' });
    const entries = within(legend)
      .getAllByRole('button')
      .map((button) => button.textContent);
    // The undated SDN row is not on the time axis, so not in its legend either.
    expect(entries).toEqual([
      'CMIC · Non-SDN Chinese Military-Industrial Complex Companies 3',
      'EL · Entity List 2',
    ]);
    fireEvent.click(within(legend).getByRole('button', { name: /^EL · Entity List/ }));
    expect(onSelect).toHaveBeenCalledWith('list', 'EL');
  });

  it('follows the stacking: by agency, the legend names agencies and filters by agency', () => {
    const onSelect = vi.fn();
    render(<ChartsPanel query="" rows={ROWS} onSelect={onSelect} onSelectPeriod={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'By agency' }));
    const legend = screen.getByRole('list', { name: 'Filter by agency' });
    const buttons = within(legend).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      expect.stringMatching(/Treasury.* 3$/),
      expect.stringMatching(/Commerce.* 2$/),
    ]);
    fireEvent.click(buttons[1]!);
    expect(onSelect).toHaveBeenCalledWith('agency', 'commerce');
  });

  const legendTexts = () =>
    within(screen.getByRole('list', { name: 'Filter by list' }))
      .getAllByRole('button')
      .map((button) => button.textContent);
  const onlyEntityList = ROWS.filter((entry) => entry.listing.list === 'EL');

  it('draws the rows of a new query once the frame that showed the table has been painted', async () => {
    const { rerender } = render(
      <ChartsPanel query="" rows={ROWS} onSelect={vi.fn()} onSelectPeriod={vi.fn()} />,
    );
    rerender(
      <ChartsPanel
        query="entity"
        rows={onlyEntityList}
        onSelect={vi.fn()}
        onSelectPeriod={vi.fn()}
      />,
    );
    // Still the rows painted last, in the render that changed them.
    expect(legendTexts()).toHaveLength(2);
    await waitFor(() => expect(legendTexts()).toEqual(['EL · Entity List 2']));
  });

  it('draws the rows of a filter, for the same query, with the table', () => {
    const { rerender } = render(
      <ChartsPanel query="" rows={ROWS} onSelect={vi.fn()} onSelectPeriod={vi.fn()} />,
    );
    rerender(
      <ChartsPanel query="" rows={onlyEntityList} onSelect={vi.fn()} onSelectPeriod={vi.fn()} />,
    );
    expect(legendTexts()).toEqual(['EL · Entity List 2']);
  });

  it('keeps its callbacks current when the explorer hands new ones with the same rows', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(
      <ChartsPanel query="" rows={ROWS} onSelect={first} onSelectPeriod={vi.fn()} />,
    );
    rerender(<ChartsPanel query="" rows={ROWS} onSelect={second} onSelectPeriod={vi.fn()} />);
    const legend = screen.getByRole('list', { name: 'Filter by list' });
    fireEvent.click(within(legend).getAllByRole('button')[0]!);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('list', 'CMIC');
  });
});

describe('the additions chart caption', () => {
  const caption = () =>
    screen.getByRole('figure', { name: /Additions per/ }).querySelector('figcaption');

  it('counts the dated listings and says how many are left off the chart', () => {
    render(<ChartsPanel query="" rows={ROWS} onSelect={vi.fn()} onSelectPeriod={vi.fn()} />);
    expect(caption()?.textContent).toBe(
      '5 listings with an official listing date, 2019-10 to 2021-12, stacked by list. 1 listing without a published date is not on this chart. Click a bar to show that month in the table.',
    );
  });

  it('says so when every listing shown is dated, or none is', () => {
    const { unmount } = render(
      <ChartsPanel query="" rows={ROWS.slice(1, 3)} onSelect={vi.fn()} onSelectPeriod={vi.fn()} />,
    );
    expect(caption()?.textContent).toBe(
      '2 listings with an official listing date, 2021-12 to 2021-12, stacked by list. Every listing shown has one. Click a bar to show that month in the table.',
    );
    unmount();
    render(
      <ChartsPanel query="" rows={ROWS.slice(5)} onSelect={vi.fn()} onSelectPeriod={vi.fn()} />,
    );
    expect(caption()?.textContent).toBe(
      'None of the 1 listing shown has a published listing date.',
    );
  });
});

describe('the table beside each chart', () => {
  it('is made only once opened, with the chart’s numbers and a button that filters', async () => {
    const onSelect = vi.fn();
    const { container } = render(
      <ChartsPanel query="" rows={ROWS} onSelect={onSelect} onSelectPeriod={vi.fn()} />,
    );
    const sectors = screen.getByRole('figure', { name: /Listings by sector/ });
    // Closed, nothing of it is made: a facet click would otherwise rebuild its rows unseen.
    expect(container.querySelectorAll('.chart-table table')).toHaveLength(0);
    fireEvent.click(within(sectors).getByText('Show as a table'));
    await waitFor(() => expect(within(sectors).getByRole('table')).toBeInTheDocument());
    expect(container.querySelectorAll('.chart-table table')).toHaveLength(1);
    const row = within(sectors).getByRole('row', { name: /Unclassified/ });
    expect(within(row).getByRole('cell', { name: '6' })).toBeInTheDocument();
    fireEvent.click(within(row).getByRole('button'));
    expect(onSelect).toHaveBeenCalledWith('sector', 'unclassified');
  });
});
