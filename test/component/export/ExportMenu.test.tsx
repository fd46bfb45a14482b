import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../../src/features/export/ExportMenu';
import { makeListing, makeManifest } from '../../unit/export/fixtures';

const LISTINGS = [
  makeListing({ id: 'el-1', name: '=HYPERLINK("http://example.invalid")' }),
  makeListing({ id: 'el-2', name: 'Beijing Institute' }),
  makeListing({ id: 'el-3', name: 'Tianjin, "Lab"' }),
];

interface Download {
  readonly blob: Blob;
  readonly fileName: string;
}

let downloads: Download[];

beforeEach(() => {
  downloads = [];
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:test-${blobs.length}`;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ blob: blobs[blobs.length - 1]!, fileName: this.download });
  });
});

afterEach(() => vi.restoreAllMocks());

function renderMenu() {
  return render(
    <ExportMenu
      rowCount={LISTINGS.length}
      listings={() => LISTINGS}
      visibleColumns={['name', 'list', 'listed']}
      manifest={makeManifest()}
      viewUrl="https://example.invalid/?list=EL&v=1"
      filters={{ list: 'EL' }}
      now={() => new Date(2026, 10, 28, 12)}
    />,
  );
}

async function expectNoSeriousViolations(container: HTMLElement) {
  const result = await axe.run(container);
  const serious = result.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(serious.map((violation) => violation.id)).toEqual([]);
}

describe('ExportMenu', () => {
  it('offers the formats and columns in a labelled group, without accessibility violations', async () => {
    const { container } = renderMenu();
    const group = screen.getByRole('group', { name: 'Export these results' });
    expect(group).toBeTruthy();
    const format = screen.getByLabelText<HTMLSelectElement>('Format');
    expect([...format.options].map((option) => option.text)).toEqual([
      'CSV',
      'Excel (.xlsx)',
      'JSON',
    ]);
    expect(screen.getByLabelText('Columns')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export 3 rows' })).toBeTruthy();
    await expectNoSeriousViolations(container);
  });

  it('downloads every row as CSV, formulas inert, and says how it went', async () => {
    const user = userEvent.setup();
    const { container } = renderMenu();
    await user.click(screen.getByRole('button', { name: 'Export 3 rows' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Exported 3 rows in [\d,]+ ms/),
    );
    expect(downloads).toHaveLength(1);
    const [download] = downloads;
    expect(download!.fileName).toBe('sanctions-explorer_2026-11-28_list-EL_3-rows.csv');
    const text = await download!.blob.text();
    expect(text).toContain('\r\nName,List,Date listed\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"")",EL,\r\n`);
    expect(text).toContain('"Tianjin, ""Lab""",EL,\r\n');
    await expectNoSeriousViolations(container);
  });

  it('exports all fields as JSON when asked', async () => {
    const user = userEvent.setup();
    renderMenu();
    await user.selectOptions(screen.getByLabelText('Format'), 'json');
    expect(screen.getByLabelText<HTMLSelectElement>('Columns').disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Export 3 rows' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const parsed = JSON.parse(await downloads[0]!.blob.text()) as {
      provenance: { rowCount: number; filters: Record<string, string> };
      listings: { id: string }[];
    };
    expect(parsed.listings.map((listing) => listing.id)).toEqual(['el-1', 'el-2', 'el-3']);
    expect(parsed.provenance.filters).toEqual({ list: 'EL' });
  });

  it('cannot export an empty view', () => {
    render(
      <ExportMenu
        rowCount={0}
        listings={() => []}
        visibleColumns={['name']}
        manifest={makeManifest()}
        viewUrl="https://example.invalid/"
        filters={{}}
      />,
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export 0 rows' }).disabled).toBe(
      true,
    );
  });
});
