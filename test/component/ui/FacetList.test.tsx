import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FacetList, type FacetOption } from '../../../src/ui/FacetList';

const COUNTRIES: FacetOption[] = Array.from({ length: 10 }, (_, index) => ({
  value: `C${index}`,
  label: `Country ${index}`,
  count: 10 - index,
  selected: false,
}));

describe('FacetList', () => {
  it('says when no listing in the results has a value for the facet', () => {
    render(<FacetList title="Program" options={[]} onToggle={vi.fn()} />);
    expect(screen.getByText('None among these results')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('says what the filter box found nothing for, and shows the options again when cleared', async () => {
    const user = userEvent.setup();
    render(<FacetList title="Country" options={COUNTRIES} onToggle={vi.fn()} />);
    const box = screen.getByLabelText('Filter country options');
    await user.type(box, 'zz');
    expect(screen.getByText('No country matches “zz”')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await user.clear(box);
    expect(screen.queryByText(/matches/)).not.toBeInTheDocument();
    expect(screen.getAllByRole('checkbox')).toHaveLength(8);
  });
});
