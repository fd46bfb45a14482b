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

  it('rewrites its options in place when other values lead the facet (a keystroke in the search)', () => {
    const { rerender } = render(
      <FacetList title="Country" options={COUNTRIES} onToggle={vi.fn()} />,
    );
    const before = screen.getAllByRole('checkbox');
    const reversed = COUNTRIES.map((option, index) => ({ ...option, count: index + 1 })).reverse();
    rerender(<FacetList title="Country" options={reversed} onToggle={vi.fn()} />);
    const after = screen.getAllByRole('checkbox');
    expect(after.map((box) => (box as HTMLInputElement).value)).toEqual([
      'C9',
      'C8',
      'C7',
      'C6',
      'C5',
      'C4',
      'C3',
      'C2',
    ]);
    // The same eight elements, now for other values: none was removed and built anew.
    expect(after).toHaveLength(8);
    after.forEach((box, index) => expect(box).toBe(before[index]));
    expect(screen.getByRole('checkbox', { name: /Country 9/ })).toBe(before[0]);
  });

  it('keeps the focus on the value a keyboard user is on when its place in the list changes', async () => {
    const user = userEvent.setup();
    const onToggle = vi.fn();
    const { rerender } = render(
      <FacetList title="Country" options={COUNTRIES} onToggle={onToggle} />,
    );
    screen.getByRole('checkbox', { name: /Country 3/ }).focus();
    // Checked, Country 3 now leads the list (its count is the highest).
    const moved = COUNTRIES.map((option) =>
      option.value === 'C3' ? { ...option, count: 99, selected: true } : option,
    ).sort((a, b) => b.count - a.count);
    rerender(<FacetList title="Country" options={moved} onToggle={onToggle} />);
    const focused = document.activeElement as HTMLInputElement;
    expect(focused.value).toBe('C3');
    expect(focused.checked).toBe(true);
    expect(screen.getAllByRole('checkbox')[0]).toBe(focused);
    // Space toggles the value the user is on, not the one now in its old place.
    await user.keyboard(' ');
    expect(onToggle).toHaveBeenCalledWith('C3');
  });

  it('lets go of the focus when the focused value is no longer shown', () => {
    const { rerender } = render(
      <FacetList title="Country" options={COUNTRIES} onToggle={vi.fn()} />,
    );
    const box = screen.getByRole('checkbox', { name: /Country 7/ });
    box.focus();
    expect(document.activeElement).toBe(box);
    rerender(
      <FacetList
        title="Country"
        options={COUNTRIES.filter((option) => option.value !== 'C7')}
        onToggle={vi.fn()}
      />,
    );
    // Its element now shows Country 8: focus must not stay on another value.
    expect((box as HTMLInputElement).value).toBe('C8');
    expect(document.activeElement).not.toBe(box);
  });
});
