import { describe, expect, it } from 'vitest';
import { formatExplorerSearch, parseExplorerSearch } from '../../../src/app/url-state';
import { DEFAULT_VIEW } from '../../../src/features/explorer/model/view';

describe('parseExplorerSearch', () => {
  it('reads every parameter of the contract', () => {
    const { view, notices } = parseExplorerSearch(
      '?q=Megvii&agency=treasury,commerce&list=EL,CMIC&country=CN,none&program=CMIC-EO13959&rationale=securities-investment-ban&type=entity,none&listed_from=2021-12-01&listed_to=2021-12-31&sort=-listed&v=1',
    );
    expect(notices).toEqual([]);
    expect(view).toEqual({
      q: 'Megvii',
      agency: ['treasury', 'commerce'],
      list: ['EL', 'CMIC'],
      country: ['CN', 'none'],
      program: ['CMIC-EO13959'],
      rationale: ['securities-investment-ban'],
      sector: [],
      type: ['entity', 'none'],
      listedFrom: '2021-12-01',
      listedTo: '2021-12-31',
      sort: { column: 'listed', desc: true },
    });
  });

  it('gives the default view for an empty search', () => {
    expect(parseExplorerSearch('')).toEqual({ view: DEFAULT_VIEW, notices: [] });
  });

  it('accepts list and country codes in any case', () => {
    const { view } = parseExplorerSearch('?list=el,cmic&country=cn&agency=TREASURY');
    expect(view.list).toEqual(['EL', 'CMIC']);
    expect(view.country).toEqual(['CN']);
    expect(view.agency).toEqual(['treasury']);
  });

  it('ignores unknown values with a notice and keeps the rest', () => {
    const { view, notices } = parseExplorerSearch(
      '?list=EL,XYZ&country=ZZ,CN&type=robot&agency=nasa',
    );
    expect(view.list).toEqual(['EL']);
    expect(view.country).toEqual(['CN']);
    expect(view.type).toEqual([]);
    expect(view.agency).toEqual([]);
    expect(notices).toHaveLength(4);
    expect(notices.join(' ')).toContain('"XYZ"');
    expect(notices.join(' ')).toContain('"ZZ"');
  });

  it('ignores malformed dates and swaps a reversed range', () => {
    expect(parseExplorerSearch('?listed_from=2021-02-30').view.listedFrom).toBeNull();
    expect(parseExplorerSearch('?listed_from=yesterday').notices[0]).toContain('not a date');
    const swapped = parseExplorerSearch('?listed_from=2022-01-01&listed_to=2021-01-01');
    expect([swapped.view.listedFrom, swapped.view.listedTo]).toEqual(['2021-01-01', '2022-01-01']);
    expect(swapped.notices[0]).toContain('swapped');
  });

  it('reports unknown parameters, future versions and bad sorts', () => {
    const { view, notices } = parseExplorerSearch('?utm_source=x&v=9&sort=colour');
    expect(view.sort).toBeNull();
    expect(notices.some((notice) => notice.includes('"utm_source"'))).toBe(true);
    expect(notices.some((notice) => notice.includes('version'))).toBe(true);
    expect(notices.some((notice) => notice.includes('colour'))).toBe(true);
  });

  it('cuts oversized input instead of failing', () => {
    const { view, notices } = parseExplorerSearch(
      `?q=${'a'.repeat(5000)}&list=${Array(500).fill('EL').join(',')}`,
    );
    expect(view.q).toHaveLength(200);
    expect(view.list).toEqual(['EL']);
    expect(notices[0]).toContain('200 characters');
  });

  it('survives garbage', () => {
    for (const garbage of [
      '?%E0%A4%A',
      '?q=%00%01<script>',
      '?&&&==&list=,,,',
      '?country=<img src=x>',
    ]) {
      expect(() => parseExplorerSearch(garbage)).not.toThrow();
    }
    expect(parseExplorerSearch('?program=<script>').view.program).toEqual([]);
  });
});

describe('formatExplorerSearch', () => {
  it('leaves defaults out', () => {
    expect(formatExplorerSearch(DEFAULT_VIEW)).toBe('');
  });

  it('writes a readable, versioned link that reads back to the same view', () => {
    const view = {
      ...DEFAULT_VIEW,
      q: 'kim jong un',
      list: ['EL', 'MEU'] as const,
      country: ['CN'],
      listedFrom: '2021-12-17',
      sort: { column: 'name' as const, desc: false },
    };
    const search = formatExplorerSearch({ ...view, list: [...view.list] });
    expect(search).toBe(
      '?q=kim+jong+un&list=EL,MEU&country=CN&listed_from=2021-12-17&sort=name&v=1',
    );
    expect(parseExplorerSearch(search).view).toEqual({ ...view, list: ['EL', 'MEU'] });
  });

  it('keeps a trailing space while typing, so the next word is not glued on', () => {
    const search = formatExplorerSearch({ ...DEFAULT_VIEW, q: 'Academy ' });
    expect(parseExplorerSearch(search).view.q).toBe('Academy ');
  });
});
