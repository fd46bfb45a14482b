import { describe, expect, it } from 'vitest';
import { dayPath, entityPath, matchRoute } from '../../../src/app/routes';

describe('matchRoute', () => {
  it('knows the explorer, entity, actions and day pages', () => {
    expect(matchRoute('/')).toEqual({ kind: 'explorer' });
    expect(matchRoute(entityPath('cmic-33091'))).toEqual({ kind: 'entity', id: 'cmic-33091' });
    expect(matchRoute('/actions')).toEqual({ kind: 'actions' });
    expect(matchRoute(dayPath('2021-12-17'))).toEqual({ kind: 'day', date: '2021-12-17' });
  });

  it('sends impossible dates, broken encodings and unknown paths to "not found"', () => {
    expect(matchRoute('/actions/2021-02-30').kind).toBe('not-found');
    expect(matchRoute('/entity/%E0%A4%A').kind).toBe('not-found');
    expect(matchRoute('/entity/').kind).toBe('not-found');
    expect(matchRoute('/admin').kind).toBe('not-found');
  });

  it('round-trips ids with characters that need encoding', () => {
    const id = 'dpl-a/b c';
    expect(matchRoute(entityPath(id))).toEqual({ kind: 'entity', id });
  });
});
