import { describe, expect, it } from 'vitest';
import {
  adjacentDays,
  buildActionIndex,
  describeDay,
} from '../../../src/features/actions/model/actions';
import { buildListing, listedOn } from '../build-listing';

const FR = { text: '86 FR 71557', volume: 86, page: 71557, date: null };
const LISTINGS = [
  buildListing({
    id: 'el-1',
    name: 'A',
    list: 'EL',
    events: [{ kind: 'listed', date: '2021-12-17', citation: FR, from: 'start_date' }],
  }),
  buildListing({
    id: 'el-2',
    name: 'B',
    list: 'EL',
    events: [{ kind: 'listed', date: '2021-12-17', citation: FR, from: 'start_date' }],
  }),
  buildListing({
    id: 'cmic-3',
    name: 'C',
    list: 'CMIC',
    events: [
      listedOn('2021-12-16'),
      { kind: 'effective', date: '2022-02-14', citation: null, from: 'ids' },
    ],
  }),
  buildListing({ id: 'sdn-4', name: 'D' }),
  buildListing({
    id: 'dpl-5',
    name: 'E',
    list: 'DPL',
    events: [{ kind: 'expires', date: '2030-01-01', citation: null, from: 'end_date' }],
  }),
];
const index = buildActionIndex(LISTINGS);

describe('actions by date', () => {
  it('lists days with additions per list, newest first, ignoring undated listings', () => {
    expect(index.days.map((day) => [day.date, day.totalAdditions])).toEqual([
      ['2022-02-14', 0],
      ['2021-12-17', 2],
      ['2021-12-16', 1],
    ]);
    expect(index.days[1]?.additions).toEqual({ EL: 2 });
  });

  it('groups a day by list and citation', () => {
    const day = describeDay(index, '2021-12-17');
    expect(day.additions).toEqual([
      {
        list: 'EL',
        count: 2,
        citations: [{ citation: '86 FR 71557', listingIds: ['el-1', 'el-2'] }],
      },
    ]);
    expect(describeDay(index, '2022-02-14').otherEvents[0]).toMatchObject({
      kind: 'effective',
      list: 'CMIC',
      count: 1,
    });
  });

  it('finds the neighbouring days', () => {
    expect(adjacentDays(index, '2021-12-17')).toEqual({
      previous: '2021-12-16',
      next: '2022-02-14',
    });
  });
});
