import { describe, expect, it } from 'vitest';
import { compareLabels } from '../../../src/ui/compare-labels';

describe('compareLabels', () => {
  it('orders accented and capitalised labels among the plain ones, as localeCompare does', () => {
    const labels = [
      'Cuba',
      'Côte d’Ivoire',
      'china',
      'Curaçao',
      'Åland Islands',
      'Afghanistan',
      'Zimbabwe',
      'Türkiye',
      'Turkmenistan',
    ];
    const ours = [...labels].sort(compareLabels);
    expect(ours).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
    expect(ours.slice(0, 4)).toEqual(['Afghanistan', 'Åland Islands', 'china', 'Côte d’Ivoire']);
  });

  it('tells apart labels that differ only in accents or case, in a stable order', () => {
    expect(compareLabels('Cote', 'Côte')).toBeLessThan(0);
    expect(compareLabels('Côte', 'Cote')).toBeGreaterThan(0);
    expect(compareLabels('SDN', 'sdn')).not.toBe(0);
    expect(compareLabels('Iran', 'Iran')).toBe(0);
  });
});
