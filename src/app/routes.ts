import { isRealCalendarDate } from '../domain/listing';

/** The app's paths. Pure, so the router and tests agree on them. */
export type Route =
  | { readonly kind: 'explorer' }
  | { readonly kind: 'entity'; readonly id: string }
  | { readonly kind: 'actions' }
  | { readonly kind: 'day'; readonly date: string }
  | { readonly kind: 'not-found'; readonly path: string };

const ENTITY_PREFIX = '/entity/';
export const ACTIONS_PATH = '/actions';

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html')
    return { kind: 'explorer' };
  if (pathname.startsWith(ENTITY_PREFIX)) {
    let id: string;
    try {
      id = decodeURIComponent(pathname.slice(ENTITY_PREFIX.length));
    } catch {
      return { kind: 'not-found', path: pathname };
    }
    if (id.length > 0 && id.length <= 200) return { kind: 'entity', id };
  }
  if (pathname === ACTIONS_PATH || pathname === `${ACTIONS_PATH}/`) return { kind: 'actions' };
  const day = /^\/actions\/(\d{4}-\d{2}-\d{2})\/?$/.exec(pathname);
  if (day && isRealCalendarDate(day[1]!)) return { kind: 'day', date: day[1]! };
  return { kind: 'not-found', path: pathname };
}

export function dayPath(date: string): string {
  return `${ACTIONS_PATH}/${date}`;
}

export function entityPath(id: string): string {
  return `${ENTITY_PREFIX}${encodeURIComponent(id)}`;
}
