import { memo } from 'react';

interface CheckboxProps {
  readonly value: string;
  readonly checked: boolean;
  readonly disabled?: boolean;
  /** Called with `value`; must be a stable function for the memo to hold. */
  readonly onToggle: (value: string) => void;
}

/**
 * A checkbox that re-renders only when its own state changes. React rewrites an input's `name`
 * and `type` attributes on every update of it, whatever changed; the filters and the column
 * picker re-render on every keystroke that changes the results, and ~45 of their inputs were
 * rewritten per keystroke (three attribute mutations and a style invalidation each).
 */
export const Checkbox = memo(function Checkbox({
  value,
  checked,
  disabled,
  onToggle,
}: CheckboxProps) {
  return (
    <input
      type="checkbox"
      value={value}
      checked={checked}
      disabled={disabled}
      onChange={() => onToggle(value)}
    />
  );
});
