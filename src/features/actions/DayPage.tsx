import { useEffect, useRef } from 'react';
import { AGENCY_NAMES, LISTS } from '../../domain/lists';
import type { Listing } from '../../domain/listing';
import { Link } from '../../ui/Link';
import { adjacentDays, describeDay, type ActionIndex, type ListGroup } from './model/actions';

interface DayPageProps {
  readonly index: ActionIndex;
  readonly date: string;
  readonly byId: ReadonlyMap<string, Listing>;
  readonly entityHref: (id: string) => string;
  readonly dayHref: (date: string) => string;
  readonly explorerHref: (date: string, list: string) => string;
  readonly actionsHref: string;
}

const KIND_TITLES: Record<string, string> = {
  amended: 'Amended',
  effective: 'Took effect (NS-CMIC)',
  divestment: 'Divestment deadline (NS-CMIC)',
  expires: 'Listings expiring',
};

/** What happened on one date: additions grouped by list and Federal Register citation. */
export function DayPage({
  index,
  date,
  byId,
  entityHref,
  dayHref,
  explorerHref,
  actionsHref,
}: DayPageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const day = describeDay(index, date);
  const { previous, next } = adjacentDays(index, date);
  const total = day.additions.reduce((sum, group) => sum + group.count, 0);
  useEffect(() => {
    document.title = `${date} · Actions · Sanctions Explorer`;
    headingRef.current?.focus();
  }, [date]);

  return (
    <article className="day">
      <p>
        <Link href={actionsHref}>← All dates</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        Actions on {date}
      </h1>
      <p role="status">
        {total === 0
          ? 'No additions on this date.'
          : `${total} addition${total === 1 ? '' : 's'} on this date.`}
      </p>
      <nav className="day-nav" aria-label="Other dates">
        {previous ? <Link href={dayHref(previous)}>← {previous}</Link> : null}
        {next ? <Link href={dayHref(next)}>{next} →</Link> : null}
      </nav>
      {day.additions.map((group) => (
        <GroupSection
          key={group.list}
          title={`Added to the ${LISTS[group.list].name} (${group.list}) — ${group.count}`}
          group={group}
          byId={byId}
          entityHref={entityHref}
          explorerLink={explorerHref(date, group.list)}
        />
      ))}
      {day.otherEvents.map((group) => (
        <GroupSection
          key={`${group.kind}-${group.list}`}
          title={`${KIND_TITLES[group.kind] ?? group.kind}: ${LISTS[group.list].name} (${group.list}) — ${group.count}`}
          group={group}
          byId={byId}
          entityHref={entityHref}
          explorerLink={null}
        />
      ))}
    </article>
  );
}

function GroupSection({
  title,
  group,
  byId,
  entityHref,
  explorerLink,
}: {
  title: string;
  group: ListGroup;
  byId: ReadonlyMap<string, Listing>;
  entityHref: (id: string) => string;
  explorerLink: string | null;
}) {
  return (
    <section className="day-group">
      <h2>{title}</h2>
      <p className="muted">
        {AGENCY_NAMES[LISTS[group.list].agency]}
        {explorerLink ? (
          <>
            {' · '}
            <Link href={explorerLink}>Open these in the explorer (filter, export)</Link>
          </>
        ) : null}
      </p>
      {group.citations.map((citation) => (
        <div key={citation.citation ?? 'none'} className="day-citation">
          <h3>{citation.citation ?? 'No Federal Register citation given'}</h3>
          <ul>
            {citation.listingIds.map((id) => (
              <li key={id}>
                <Link href={entityHref(id)}>
                  <bdi>{byId.get(id)?.name ?? id}</bdi>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
