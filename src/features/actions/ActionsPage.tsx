import { useEffect, useRef } from 'react';
import { LISTS, LIST_CODES, type ListCode } from '../../domain/lists';
import { Link } from '../../ui/Link';
import type { ActionIndex } from './model/actions';
import { formatCount } from '../../ui/format-count';

interface ActionsPageProps {
  readonly index: ActionIndex;
  /** Show only days with additions to this list. */
  readonly list: ListCode | null;
  readonly year: string | null;
  readonly onFilterChange: (list: ListCode | null, year: string | null) => void;
  readonly dayHref: (date: string) => string;
  /** Listings whose sources publish no date, counted honestly. */
  readonly undatedCount: number;
}

/** Official action dates, newest first, with the additions per list on each day. */
export function ActionsPage({
  index,
  list,
  year,
  onFilterChange,
  dayHref,
  undatedCount,
}: ActionsPageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Actions by date · Sanctions Explorer';
  }, []);
  const years = [...new Set(index.days.map((day) => day.date.slice(0, 4)))].sort().reverse();
  const days = index.days.filter(
    (day) =>
      (list === null || (day.additions[list] ?? 0) > 0) &&
      (year === null || day.date.startsWith(year)),
  );
  const listsShown = LIST_CODES.filter((code) =>
    days.some((day) => (day.additions[code] ?? 0) > 0),
  );
  const total = days.reduce(
    (sum, day) => sum + (list === null ? day.totalAdditions : (day.additions[list] ?? 0)),
    0,
  );

  return (
    <article className="actions">
      <h1 ref={headingRef}>Additions by date</h1>
      <p>
        The official dates parties were added to each list: the Entity List, MEU, DPL and ISN
        effective dates, the NS-CMIC listing dates and the UN “listed on” dates.{' '}
        {formatCount(undatedCount)} listings have no published date (the OFAC lists in the
        Consolidated Screening List, for example) and appear on no day.
      </p>
      <div className="actions-filters">
        <label>
          List{' '}
          <select
            value={list ?? ''}
            onChange={(event) =>
              onFilterChange((event.target.value || null) as ListCode | null, year)
            }
          >
            <option value="">All lists</option>
            {LIST_CODES.map((code) => (
              <option key={code} value={code}>
                {code} · {LISTS[code].name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Year{' '}
          <select
            value={year ?? ''}
            onChange={(event) => onFilterChange(list, event.target.value || null)}
          >
            <option value="">All years</option>
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status">
        {formatCount(days.length)} days, {formatCount(total)} additions
      </p>
      <div className="actions-table-wrap">
        <table className="actions-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Additions</th>
              {listsShown.map((code) => (
                <th key={code} scope="col">
                  <abbr title={LISTS[code].name}>{code}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <th scope="row">
                  <Link href={dayHref(day.date)}>{day.date}</Link>
                </th>
                <td>{day.totalAdditions}</td>
                {listsShown.map((code) => (
                  <td key={code}>{day.additions[code] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
