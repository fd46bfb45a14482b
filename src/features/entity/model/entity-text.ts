import type { EventKind } from '../../../domain/listing';

const EVENT_LABELS: Record<EventKind, string> = {
  listed: 'Listed',
  amended: 'Amended',
  effective: 'Effective (CMIC)',
  divestment: 'Divestment deadline (CMIC)',
  expires: 'Expires',
};

export function describeEvent(kind: EventKind): string {
  return EVENT_LABELS[kind];
}

/**
 * A source field's name (`federal_register_notice`, `LISTED_ON`) in the pieces after which a
 * narrow cell may break it: after each underscore. The entity page puts a `<wbr>` there, and its
 * stylesheet lets the events table break no word anywhere else (no `Remark` over `s`).
 */
export function fieldNameParts(name: string): string[] {
  return name.split(/(?<=_)/);
}

/**
 * Source URLs come from the data and are untrusted: only http(s) addresses become links, so a
 * `javascript:` value in a malformed file can never run.
 */
export function safeExternalUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
