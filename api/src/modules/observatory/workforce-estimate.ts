/** Employees of an INSEE workforce range: low and high bounds (the open top range counts its floor). */
export const WORKFORCE_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  NN: [0, 0],
  '00': [0, 0],
  '01': [1, 2],
  '02': [3, 5],
  '03': [6, 9],
  '11': [10, 19],
  '12': [20, 49],
  '21': [50, 99],
  '22': [100, 199],
  '31': [200, 249],
  '32': [250, 499],
  '41': [500, 999],
  '42': [1000, 1999],
  '51': [2000, 4999],
  '52': [5000, 9999],
  '53': [10000, 10000],
};

export interface EmployeeEstimate {
  low: number;
  mid: number;
  high: number;
}

/** Estimate for `count` establishments of a range (mid = midpoint of the bounds). */
export function estimateEmployees(range: string, count: number): EmployeeEstimate {
  const [low, high] = WORKFORCE_BOUNDS[range] ?? [0, 0];
  return { low: low * count, mid: ((low + high) / 2) * count, high: high * count };
}
