import { describe, expect, it } from 'vitest';
import {
  choleskyFactor,
  choleskyInverseDiagonal,
  choleskySolve,
} from '../../../src/backtest/fit-cholesky.ts';

// A = [[4, 2, 0.4], [2, 5, 1], [0.4, 1, 3]]: symmetric, positive definite.
const A = new Float64Array([4, 2, 0.4, 2, 5, 1, 0.4, 1, 3]);

describe('Cholesky', () => {
  it('solves A·x = b', () => {
    const lower = choleskyFactor(A, 3);
    expect(lower).not.toBeNull();
    const x = choleskySolve(lower as Float64Array, 3, [1, 2, 3]);
    [1, 2, 3].forEach((b, row) => {
      const ax = [0, 1, 2].reduce((sum, col) => sum + (A[row * 3 + col] ?? 0) * (x[col] ?? 0), 0);
      expect(ax).toBeCloseTo(b, 12);
    });
  });

  it("gives the inverse's diagonal", () => {
    // (A⁻¹)ᵢᵢ is the i-th diagonal cofactor over det A, worked by hand: det A = 56 − 11.2 + 0 = 44.8.
    const det = 4 * (5 * 3 - 1) - 2 * (2 * 3 - 0.4) + 0.4 * (2 - 5 * 0.4);
    const expected = [(5 * 3 - 1) / det, (4 * 3 - 0.16) / det, (4 * 5 - 4) / det];
    const diagonal = choleskyInverseDiagonal(choleskyFactor(A, 3) as Float64Array, 3);
    expected.forEach((value, i) => expect(diagonal[i]).toBeCloseTo(value, 12));
  });

  it('says there is no factor for a matrix that is not positive definite', () => {
    expect(choleskyFactor(new Float64Array([1, 2, 2, 1]), 2)).toBeNull();
    expect(choleskyFactor(new Float64Array([0, 0, 0, 0]), 2)).toBeNull();
  });
});
