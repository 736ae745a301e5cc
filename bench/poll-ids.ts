/** Task ids the polling bench adds to the simulator and to the library alike. */
export const benchTaskId = (i: number): string =>
  `be4c0000-0000-4000-8000-${String(i).padStart(12, '0')}`
