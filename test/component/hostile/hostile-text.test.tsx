import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChartsPanel } from '../../../src/features/charts/ChartsPanel';
import type { ChartRow } from '../../../src/features/charts/model/series';
import { EntityPage } from '../../../src/features/entity/EntityPage';
import { buildAlsoListedIndex } from '../../../src/features/entity/model/also-listed';
import { ExplorerPage } from '../../../src/features/explorer/ExplorerPage';
import { deriveFacts } from '../../../src/features/explorer/model/facts';
import { DEFAULT_VIEW } from '../../../src/features/explorer/model/view';
import { address, buildListing, listedOn } from '../../unit/build-listing';
import { expectNoSeriousA11yViolations } from '../axe';

/**
 * Text from the lists is data, never markup: each kind of hostile value a malformed or malicious
 * source file could carry must come out as the same characters, inert, and isolated so a
 * right-to-left override cannot reorder the words around it.
 */
const HOSTILE_NAMES = {
  html: '<img src=x onerror="window.__pwned=1"><b>bold</b>',
  script: '<script>window.__pwned=1</script>',
  bidiOverride: '\u202Eexe.gnp\u202C harmless',
  unterminatedBidi: 'ACME \u202E LTD',
  zeroWidth: 'Me\u200Bg\u200Cvi\u200Di\uFEFF',
  long: 'W'.repeat(10_000),
  emoji: 'Rocket 🚀 Flag 🇮🇷 Family 👨‍👩‍👧',
} as const;
type HostileKind = keyof typeof HOSTILE_NAMES;
const KINDS = Object.keys(HOSTILE_NAMES) as HostileKind[];

const LISTINGS = KINDS.map((kind, index) =>
  buildListing({
    id: `sdn-${index + 1}`,
    name: HOSTILE_NAMES[kind],
    aliases: [{ name: `${HOSTILE_NAMES[kind]} alias`, kind: 'aka' }],
    addresses: [address('IR', HOSTILE_NAMES[kind])],
    remarks: HOSTILE_NAMES[kind],
    identifiers: [{ type: HOSTILE_NAMES[kind], value: HOSTILE_NAMES[kind], country: null }],
    sourceListUrl: 'javascript:window.__pwned=1',
    sourceInfoUrl: ' data:text/html,<script>alert(1)</script>',
    events: [listedOn('2021-12-16')],
  }),
);
/** axe walks 10,000-character text nodes: slower than the default 5 s on a busy machine. */
const AXE_TIMEOUT_MS = 20_000;
const byId = new Map(LISTINGS.map((listing) => [listing.id, listing]));

/** Nothing a hostile value could have created: elements, handlers, script URLs, a global. */
function expectInert(container: HTMLElement): void {
  expect(container.querySelectorAll('img, script, b, iframe, object')).toHaveLength(0);
  expect(container.querySelector('[onerror]')).toBeNull();
  for (const link of container.querySelectorAll('a')) {
    expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
  }
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
}

/** The element whose own text is exactly `text`, which must be a <bdi> (isolated). */
function expectIsolatedText(scope: HTMLElement, text: string): void {
  const matches = within(scope).getAllByText((_, element) => element?.textContent === text, {
    normalizer: (value) => value,
    ignore: false,
  });
  expect(matches.some((element) => element.tagName === 'BDI')).toBe(true);
}

describe('hostile text in the results table', () => {
  function renderTable() {
    return render(
      <ExplorerPage
        facts={LISTINGS.map(deriveFacts)}
        view={DEFAULT_VIEW}
        searchPort={null}
        searchStatus="Search ready."
        onViewChange={vi.fn()}
        entityHref={(id) => `/entity/${encodeURIComponent(id)}`}
      />,
    );
  }

  it.each(KINDS)('renders a %s name as the same characters, isolated, in its link', (kind) => {
    const { container } = renderTable();
    const table = container.querySelector<HTMLElement>('.results-table')!;
    const link = within(table)
      .getAllByRole('link')
      .find((candidate) => candidate.textContent === HOSTILE_NAMES[kind]);
    expect(link).toBeDefined();
    expect(link!.querySelector('bdi')?.textContent).toBe(HOSTILE_NAMES[kind]);
    expectInert(container);
  });

  it(
    'has no serious accessibility violations with hostile names',
    async () => {
      const { container } = renderTable();
      await expectNoSeriousA11yViolations(container);
    },
    AXE_TIMEOUT_MS,
  );
});

describe('hostile text on the entity page', () => {
  function renderEntity(id: string) {
    return render(
      <EntityPage
        listing={byId.get(id) ?? null}
        requestedId={id}
        byId={byId}
        alsoListedIndex={buildAlsoListedIndex(LISTINGS)}
        backHref="/"
        entityHref={(other) => `/entity/${encodeURIComponent(other)}`}
      />,
    );
  }

  it.each(KINDS)('shows a %s value as isolated text in the heading and every field', (kind) => {
    const index = KINDS.indexOf(kind);
    const { container } = renderEntity(`sdn-${index + 1}`);
    const text = HOSTILE_NAMES[kind];
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(text);
    expect(heading.querySelector('bdi')?.textContent).toBe(text);
    expectIsolatedText(container, `${text} alias`);
    expectIsolatedText(container.querySelector<HTMLElement>('.addresses')!, text);
    expectIsolatedText(container.querySelector<HTMLElement>('.identifiers')!, text);
    expectIsolatedText(container.querySelector<HTMLElement>('.fields')!, text);
    expectInert(container);
  });

  it('isolates the name in the tab title too', () => {
    renderEntity('sdn-3');
    expect(document.title).toBe(`\u2068${HOSTILE_NAMES.bidiOverride}\u2069 · Sanctions Explorer`);
  });

  it('links no source URL that is not http(s)', () => {
    const { container } = renderEntity('sdn-1');
    expect(screen.queryByRole('link', { name: /agency’s site/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /About the list/ })).toBeNull();
    expectInert(container);
  });

  it(
    'has no serious accessibility violations with a hostile name',
    async () => {
      const { container } = renderEntity('sdn-1');
      await expectNoSeriousA11yViolations(container);
    },
    AXE_TIMEOUT_MS,
  );
});

describe('hostile text in the charts', () => {
  // ChartRow keys are typed strings; a value that slipped past validation must still be text.
  const ROWS: ChartRow[] = KINDS.map((kind) => ({
    listed: '2021-12-16',
    agency: HOSTILE_NAMES[kind],
    listing: { list: HOSTILE_NAMES[kind] },
    sectors: [HOSTILE_NAMES[kind]],
    countries: [HOSTILE_NAMES[kind]],
  }));

  it('writes hostile series labels into the fallback tables as text', async () => {
    const { container } = render(
      <ChartsPanel query="" rows={ROWS} onSelect={vi.fn()} onSelectPeriod={vi.fn()} />,
    );
    // The tables are made when opened.
    for (const summary of screen.getAllByText('Show as a table')) fireEvent.click(summary);
    await waitFor(() => expect(container.querySelectorAll('.chart-table table')).toHaveLength(3));
    const headers = [...container.querySelectorAll('.chart-table th[scope="row"]')].map(
      (cell) => cell.textContent,
    );
    for (const kind of KINDS) {
      expect(headers).toContain(HOSTILE_NAMES[kind]);
      expect(headers).toContain(`${HOSTILE_NAMES[kind]} (${HOSTILE_NAMES[kind]})`);
    }
    expect(
      screen.getByRole('button', { name: `Filter by ${HOSTILE_NAMES.script}` }),
    ).toBeInTheDocument();
    // The additions chart's legend is HTML buttons: the same labels, as text.
    const legend = screen.getByRole('list', { name: 'Filter by list' });
    const entries = [...legend.querySelectorAll('button')].map((button) => button.textContent);
    for (const kind of KINDS) {
      expect(entries).toContainEqual(expect.stringContaining(HOSTILE_NAMES[kind]));
    }
    expectInert(container);
  });
});
