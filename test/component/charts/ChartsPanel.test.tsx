import { fireEvent, render, screen, within } from '@testing-library/react';
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
    render(<ChartsPanel rows={ROWS} onSelect={onSelect} onSelectPeriod={vi.fn()} />);
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
    render(<ChartsPanel rows={ROWS} onSelect={onSelect} onSelectPeriod={vi.fn()} />);
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

  it('keeps its callbacks current when the explorer hands new ones with the same rows', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(
      <ChartsPanel rows={ROWS} onSelect={first} onSelectPeriod={vi.fn()} />,
    );
    rerender(<ChartsPanel rows={ROWS} onSelect={second} onSelectPeriod={vi.fn()} />);
    const legend = screen.getByRole('list', { name: 'Filter by list' });
    fireEvent.click(within(legend).getAllByRole('button')[0]!);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('list', 'CMIC');
  });
});
