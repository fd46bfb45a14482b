import { memo, useId, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import { Checkbox } from './Checkbox';
import { formatCount } from './format-count';

export interface FacetOption {
  readonly value: string;
  readonly label: string;
  readonly count: number;
  readonly selected: boolean;
  /** Longer text for the hover/focus title (e.g. a legal basis). */
  readonly description?: string;
}

interface FacetListProps {
  readonly title: string;
  readonly options: readonly FacetOption[];
  readonly onToggle: (value: string) => void;
  /** How many options show before "Show all"; long lists also get a filter box. */
  readonly initialVisible?: number;
}

/** A group of checkboxes with live counts. Selected options always stay visible. Memoised: a
 * keystroke in the search box passes the same options until the search answers. */
export const FacetList = memo(function FacetList({
  title,
  options,
  onToggle,
  initialVisible = 8,
}: FacetListProps) {
  const [expanded, setExpanded] = useState(false);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const needle = filter.trim().toLowerCase();
  const matching = needle
    ? options.filter(
        (option) =>
          option.label.toLowerCase().includes(needle) || option.value.toLowerCase() === needle,
      )
    : options;
  const visible =
    expanded || needle
      ? matching
      : matching.filter((option, index) => index < initialVisible || option.selected);
  const hidden = matching.length - visible.length;

  // Options are keyed by their place in the list, not by value: a keystroke in the search box
  // changes which values lead each facet, and keyed by value ~20–40 options were removed and
  // built anew per keystroke (100–200 elements), where now their text and state are rewritten in
  // place. A focused checkbox must stay on its value, not its place: after an update that moved
  // the value, focus follows it (to nothing, when it is no longer shown).
  const list = useRef<HTMLUListElement>(null);
  const focusedValue = useRef<string | null>(null);
  useLayoutEffect(() => {
    const value = focusedValue.current;
    const focused = document.activeElement;
    if (value === null || !(focused instanceof HTMLInputElement) || focused.value === value) return;
    if (!list.current?.contains(focused)) return;
    const moved = [...list.current.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find(
      (input) => input.value === value,
    );
    if (moved) moved.focus();
    else focused.blur();
  });
  const trackFocus = (event: FocusEvent<HTMLUListElement>) => {
    focusedValue.current = event.target instanceof HTMLInputElement ? event.target.value : null;
  };

  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {options.length > initialVisible ? (
        <div className="facet-filter">
          <label htmlFor={filterId} className="visually-hidden">
            Filter {title.toLowerCase()} options
          </label>
          <OptionFilter id={filterId} title={title} value={filter} onChange={setFilter} />
        </div>
      ) : null}
      <ul
        className="facet-options"
        ref={list}
        onFocus={trackFocus}
        onBlur={() => (focusedValue.current = null)}
      >
        {visible.map((option, place) => (
          <li key={place}>
            <label title={option.description}>
              <Checkbox value={option.value} checked={option.selected} onToggle={onToggle} />
              <span className="facet-label">{option.label}</span>
              <span className="facet-count">{formatCount(option.count)}</span>
            </label>
          </li>
        ))}
        {visible.length === 0 ? (
          <li className="facet-empty">
            {options.length === 0
              ? 'None among these results'
              : `No ${title.toLowerCase()} matches “${filter.trim()}”`}
          </li>
        ) : null}
      </ul>
      {hidden > 0 || (expanded && matching.length > initialVisible) ? (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${matching.length}`}
        </button>
      ) : null}
    </fieldset>
  );
});

/** The filter box of a long list: memoised, like `Checkbox`, so that new counts leave it be. */
const OptionFilter = memo(function OptionFilter({
  id,
  title,
  value,
  onChange,
}: {
  readonly id: string;
  readonly title: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <input
      id={id}
      type="search"
      placeholder={`Find ${title.toLowerCase()}…`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
});
