import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DateRange } from '../../../src/features/explorer/DateRange';

describe('DateRange', () => {
  it('makes its date fields once the first render has been painted, with the view’s dates', async () => {
    render(<DateRange from="2024-01-01" to={null} dated={3} undated={2} onChange={vi.fn()} />);
    // Not in the first render: making a date field loads the browser's date formats.
    expect(screen.queryByLabelText('From')).not.toBeInTheDocument();
    expect(
      screen.getByText(/3 with an official date · 2 with no published date/),
    ).toBeInTheDocument();
    const from = await screen.findByLabelText('From');
    expect(from).toHaveAttribute('type', 'date');
    expect(from).toHaveValue('2024-01-01');
    expect(screen.getByLabelText('To')).toHaveValue('');
  });

  it('reports a date typed into a field', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<DateRange from={null} to={null} dated={3} undated={2} onChange={onChange} />);
    const to = await screen.findByLabelText('To');
    await user.type(to, '2025-06-30');
    expect(onChange).toHaveBeenLastCalledWith(null, '2025-06-30');
  });
});
