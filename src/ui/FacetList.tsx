import { memo, useId, useState } from 'react';

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

  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {options.length > initialVisible ? (
        <div className="facet-filter">
          <label htmlFor={filterId} className="visually-hidden">
            Filter {title.toLowerCase()} options
          </label>
          <input
            id={filterId}
            type="search"
            placeholder={`Find ${title.toLowerCase()}…`}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      ) : null}
      <ul className="facet-options">
        {visible.map((option) => (
          <li key={option.value}>
            <label title={option.description}>
              <input
                type="checkbox"
                checked={option.selected}
                onChange={() => onToggle(option.value)}
              />
              <span className="facet-label">{option.label}</span>
              <span className="facet-count">{option.count.toLocaleString('en-US')}</span>
            </label>
          </li>
        ))}
        {visible.length === 0 ? <li className="facet-empty">No options</li> : null}
      </ul>
      {hidden > 0 || (expanded && matching.length > initialVisible) ? (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${matching.length}`}
        </button>
      ) : null}
    </fieldset>
  );
});
