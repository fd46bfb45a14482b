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
