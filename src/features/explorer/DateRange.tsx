import { memo, useId } from 'react';
import { formatCount } from '../../ui/format-count';
import { useAfterFirstPaint } from '../../ui/use-after-first-paint';

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
  // Made once the explorer has painted: a date field's first making loads the browser's date
  // formats (ICU's data, 40–76 ms in a fresh Chromium page; ~34 ms of the first render in a
  // trace), and this group is below the fold, where nobody can reach it in that frame.
  const fieldsReady = useAfterFirstPaint();
  return (
    <fieldset className="facet date-range">
      <legend>Date listed</legend>
      {fieldsReady ? (
        <DateInputs id={id} from={from} to={to} onChange={onChange} />
      ) : (
        <div className="date-inputs" />
      )}
      <p className="date-note">
        {formatCount(dated)} with an official date · {formatCount(undated)} with no published date
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

/** The two date fields, memoised apart from the counts, which change with every search: React
 * rewrites an input's attributes on every update of it (see src/ui/Checkbox.tsx). */
const DateInputs = memo(function DateInputs({
  id,
  from,
  to,
  onChange,
}: Pick<DateRangeProps, 'from' | 'to' | 'onChange'> & { readonly id: string }) {
  return (
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
  );
});
