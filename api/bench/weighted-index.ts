import type { Prng } from '../src/modules/demo/prng';

/** Cumulative weights and a binary search: O(log n) weighted picks (35,000 communes, SIRENE's unit kinds…). */
export class WeightedIndex {
  private readonly cumulative: Float64Array;
  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cumulative[i] = sum += weights[i];
  }
  /** An index, each with the probability of its weight. */
  pick(rng: Prng): number {
    const r = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
