import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SampleBanner } from '../../../src/app/DataSummary';
import { manifestSchema } from '../../../src/domain/manifest';

describe('SampleBanner', () => {
  it("says the fixtures are the project's test rows", () => {
    render(<SampleBanner />);
    expect(screen.getByRole('note')).toHaveTextContent(
      'Sample data — not the official lists. These few rows are the project’s test fixtures.',
    );
  });

  it('says what a synthetic dataset is, as its manifest words it, and as text', () => {
    const manifest = manifestSchema.shape.synthetic.parse('10× the real lists <b>perturbed</b>');
    render(<SampleBanner synthetic={manifest} />);
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent(
      'Synthetic data — not the official lists. 10× the real lists <b>perturbed</b>.',
    );
    expect(note).not.toHaveTextContent('test fixtures');
    expect(note.querySelector('b')).toBeNull();
  });
});
