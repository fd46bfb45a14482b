import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EntityPage } from '../../../src/features/entity/EntityPage';
import { buildAlsoListedIndex } from '../../../src/features/entity/model/also-listed';
import { address, buildListing } from '../../unit/build-listing';
import { expectNoSeriousA11yViolations } from '../axe';

const citation = { text: '86 FR 71557', volume: 86, page: 71557, date: null };
const MEGVII_EL = buildListing({
  id: 'el-1',
  name: 'Megvii Technology',
  list: 'EL',
  type: null,
  addresses: [address('CN', 'Haidian District, Beijing, CN')],
  licenseRequirement: 'For all items subject to the EAR.',
  licensePolicy: 'Presumption of denial.',
  citations: [citation],
  events: [{ kind: 'listed', date: '2019-10-09', citation, from: 'start_date' }],
  sourceListUrl: 'javascript:alert(1)',
  sourceInfoUrl: 'https://www.bis.gov/entity-list',
});
const MEGVII_CMIC = buildListing({
  id: 'cmic-2',
  name: 'MEGVII TECHNOLOGY LIMITED',
  list: 'CMIC',
  programs: ['CMIC-EO13959'],
  remarks: '<script>alert("x")</script> \u200B\u202E',
  aliases: [{ name: 'Kuangshi', kind: 'weak' }],
  events: [{ kind: 'effective', date: '2022-02-14', citation: null, from: 'Remarks' }],
});
const LISTINGS = [MEGVII_EL, MEGVII_CMIC];
const byId = new Map(LISTINGS.map((listing) => [listing.id, listing]));

function renderEntity(id: string) {
  return render(
    <EntityPage
      listing={byId.get(id) ?? null}
      requestedId={id}
      byId={byId}
      alsoListedIndex={buildAlsoListedIndex(LISTINGS)}
      backHref="/?q=megvii&v=1"
      entityHref={(other) => `/entity/${other}`}
    />,
  );
}

describe('EntityPage', () => {
  it('says who listed it, when, why and under which citation', () => {
    renderEntity('el-1');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Megvii Technology');
    expect(screen.getByText(/Commerce \(BIS\)/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /86 FR 71557/ })).toHaveAttribute(
      'href',
      'https://www.federalregister.gov/citation/86-FR-71557',
    );
    expect(screen.getByText('Presumption of denial.')).toBeInTheDocument();
    expect(screen.getByText('2019-10-09')).toBeInTheDocument();
  });

  it('names the source field of each date, breakable only after its underscores', () => {
    renderEntity('el-1');
    const field = screen.getByText((_, element) => element?.className === 'field-name');
    expect(field).toHaveTextContent(/^start_date$/);
    expect(field.innerHTML).toBe('start_<wbr>date');
  });

  it('leaves out the Federal Register column when no event cites a notice', () => {
    renderEntity('el-1');
    expect(screen.getByRole('columnheader', { name: 'Federal Register' })).toBeInTheDocument();
    const events = within(renderEntity('cmic-2').container).getByRole('table');
    expect(
      within(events)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Event', 'Date', 'From field']);
    expect(
      within(events)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Effective (CMIC)', '2022-02-14', 'Remarks']);
  });

  it('links the same party on other lists', () => {
    renderEntity('el-1');
    expect(screen.getByRole('link', { name: 'MEGVII TECHNOLOGY LIMITED' })).toHaveAttribute(
      'href',
      '/entity/cmic-2',
    );
  });

  it('never turns a non-http source URL into a link, and keeps hostile text inert', () => {
    const { container } = renderEntity('el-1');
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.getByRole('link', { name: /About the list/ })).toHaveAttribute(
      'href',
      'https://www.bis.gov/entity-list',
    );
    renderEntity('cmic-2');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText(/<script>alert/)).toBeInTheDocument();
  });

  it('explains an unknown id instead of showing a blank page', () => {
    renderEntity('el-404');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('No listing with this id');
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderEntity('cmic-2');
    await expectNoSeriousA11yViolations(container);
  });
});
