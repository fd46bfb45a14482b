import { memo, useId } from 'react';

interface DateRangeProps {
  readonly from: string | null;
  readonly to: string | null;
  /** Listings (matching the other filters) that have an official listed date, and that do not. */
  readonly dated: number;
  readonly undated: number;
  readonly onChange: (from: string | null, to: string | null) => void;
}

export const DateRange = memo(function DateRange({
  from,
  to,
  dated,
  undated,
  onChange,
}: DateRangeProps) {
  const id = useId();
  const active = from !== null || to !== null;
  return (
    <fieldset className="facet date-range">
      <legend>Date listed</legend>
      <div className="date-inputs">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from ?? ''}
          onChange={(event) => onChange(event.target.value || null, to)}
        />
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to ?? ''}
          onChange={(event) => onChange(from, event.target.value || null)}
        />
      </div>
      <p className="date-note">
        {dated.toLocaleString('en-US')} with an official date · {undated.toLocaleString('en-US')}{' '}
        with no published date
        {active && undated > 0 ? ' (left out while a date range is set)' : ''}
      </p>
      {active ? (
        <button type="button" className="link-button" onClick={() => onChange(null, null)}>
          Clear dates
        </button>
      ) : null}
    </fieldset>
  );
});
