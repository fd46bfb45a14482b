import type { ListCode } from '../../../domain/lists';
import { LIST_CODES } from '../../../domain/lists';
import type { EventKind, Listing } from '../../../domain/listing';

/**
 * Official actions by date, from the listings' events: on which days parties were added to (or
 * amended on, or expire from) which list, under which Federal Register citation. Only dates the
 * sources publish are used; a listing without a dated event appears on no day.
 */
export interface DayAction {
  readonly date: string;
  readonly kind: EventKind;
  readonly list: ListCode;
  /** Citation text as the source writes it, or null when the event has none. */
  readonly citation: string | null;
  readonly listingId: string;
}

export interface DaySummary {
  readonly date: string;
  /** Additions ('listed' events) per list. */
  readonly additions: Readonly<Partial<Record<ListCode, number>>>;
  readonly totalAdditions: number;
  /** Other dated events (amended, effective, divestment, expires) that day. */
  readonly otherEvents: number;
}

export interface ActionIndex {
  readonly byDate: ReadonlyMap<string, readonly DayAction[]>;
  /** Days with at least one addition, newest first. */
  readonly days: readonly DaySummary[];
}

export function buildActionIndex(listings: readonly Listing[]): ActionIndex {
  const byDate = new Map<string, DayAction[]>();
  for (const listing of listings) {
    const seen = new Set<string>();
    for (const event of listing.events) {
      if (event.date === null) continue;
      const key = `${event.date}|${event.kind}`;
      // One listing counts once per day and kind, however many citations repeat the date.
      if (seen.has(key)) continue;
      seen.add(key);
      const actions = byDate.get(event.date) ?? [];
      actions.push({
        date: event.date,
        kind: event.kind,
        list: listing.list,
        citation: event.citation?.text ?? null,
        listingId: listing.id,
      });
      byDate.set(event.date, actions);
    }
  }
  const days: DaySummary[] = [];
  for (const [date, actions] of byDate) {
    const additions: Partial<Record<ListCode, number>> = {};
    let totalAdditions = 0;
    for (const action of actions) {
      if (action.kind !== 'listed') continue;
      additions[action.list] = (additions[action.list] ?? 0) + 1;
      totalAdditions += 1;
    }
    if (totalAdditions === 0 && actions.every((action) => action.kind === 'expires')) continue;
    days.push({ date, additions, totalAdditions, otherEvents: actions.length - totalAdditions });
  }
  days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { byDate, days };
}

export interface CitationGroup {
  readonly citation: string | null;
  readonly listingIds: readonly string[];
}

export interface ListGroup {
  readonly list: ListCode;
  readonly citations: readonly CitationGroup[];
  readonly count: number;
}

export interface DayView {
  readonly date: string;
  readonly additions: readonly ListGroup[];
  /** Amendments, CMIC effective/divestment dates and expiries on the day, grouped likewise. */
  readonly otherEvents: readonly (ListGroup & { readonly kind: EventKind })[];
}

/** One day's actions grouped by list (in list order) and citation, for `/actions/YYYY-MM-DD`. */
export function describeDay(index: ActionIndex, date: string): DayView {
  const actions = index.byDate.get(date) ?? [];
  const additions = groupByList(actions.filter((action) => action.kind === 'listed'));
  const others = new Map<EventKind, DayAction[]>();
  for (const action of actions) {
    if (action.kind === 'listed') continue;
    others.set(action.kind, [...(others.get(action.kind) ?? []), action]);
  }
  const otherEvents = [...others.entries()].flatMap(([kind, group]) =>
    groupByList(group).map((listGroup) => ({ ...listGroup, kind })),
  );
  return { date, additions, otherEvents };
}

function groupByList(actions: readonly DayAction[]): ListGroup[] {
  const lists = new Map<ListCode, Map<string, string[]>>();
  for (const action of actions) {
    const citations = lists.get(action.list) ?? new Map<string, string[]>();
    const key = action.citation ?? '';
    citations.set(key, [...(citations.get(key) ?? []), action.listingId]);
    lists.set(action.list, citations);
  }
  return LIST_CODES.filter((code) => lists.has(code)).map((code) => {
    const citations = [...lists.get(code)!.entries()]
      .map(([citation, listingIds]) => ({
        citation: citation === '' ? null : citation,
        listingIds,
      }))
      .sort((a, b) => b.listingIds.length - a.listingIds.length);
    return {
      list: code,
      citations,
      count: citations.reduce((sum, group) => sum + group.listingIds.length, 0),
    };
  });
}

/** The neighbouring action days, for "previous day / next day" links. */
export function adjacentDays(
  index: ActionIndex,
  date: string,
): { previous: string | null; next: string | null } {
  const dates = index.days.map((day) => day.date);
  let previous: string | null = null;
  let next: string | null = null;
  for (const day of dates) {
    if (day < date && (previous === null || day > previous)) previous = day;
    if (day > date && (next === null || day < next)) next = day;
  }
  return { previous, next };
}
