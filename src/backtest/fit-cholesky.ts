/**
 * Solving the small symmetric positive-definite systems of a Newton step: one row and column per
 * fitted parameter, so a handful at most. Cholesky is exact enough and needs no pivoting here
 * because an L2 penalty keeps every system positive definite.
 */

/** The lower-triangular L with A = L·Lᵀ for a symmetric positive-definite `size`×`size` matrix (row-major); null when A is not positive definite. */
export function choleskyFactor(matrix: Float64Array, size: number): Float64Array | null {
  const lower = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col <= row; col++) {
      let sum = at(matrix, row * size + col);
      for (let k = 0; k < col; k++) sum -= at(lower, row * size + k) * at(lower, col * size + k);
      if (row === col) {
        // A zero or negative pivot (or NaN from a broken input) means no factor exists.
        if (!(sum > 0)) return null;
        lower[row * size + col] = Math.sqrt(sum);
      } else {
        lower[row * size + col] = sum / at(lower, col * size + col);
      }
    }
  }
  return lower;
}

/** The x with L·Lᵀ·x = b, given the factor from `choleskyFactor`. */
export function choleskySolve(
  lower: Float64Array,
  size: number,
  rhs: ArrayLike<number>,
): Float64Array {
  const x = new Float64Array(size);
  for (let row = 0; row < size; row++) {
    let sum = at(rhs, row);
    for (let k = 0; k < row; k++) sum -= at(lower, row * size + k) * at(x, k);
    x[row] = sum / at(lower, row * size + row);
  }
  for (let row = size - 1; row >= 0; row--) {
    let sum = at(x, row);
    for (let k = row + 1; k < size; k++) sum -= at(lower, k * size + row) * at(x, k);
    x[row] = sum / at(lower, row * size + row);
  }
  return x;
}

/** The diagonal of A⁻¹ (the variances, when A is an information matrix), given A's Cholesky factor. */
export function choleskyInverseDiagonal(lower: Float64Array, size: number): Float64Array {
  const diagonal = new Float64Array(size);
  const unit = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    unit.fill(0);
    unit[i] = 1;
    diagonal[i] = at(choleskySolve(lower, size, unit), i);
  }
  return diagonal;
}

// Every index above is inside its array by construction; this keeps noUncheckedIndexedAccess honest
// without a `!` on each read.
function at(values: ArrayLike<number>, index: number): number {
  return values[index] as number;
}
