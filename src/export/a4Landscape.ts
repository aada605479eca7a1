// Every sheet the tool writes prints the same way: A4 landscape, as wide as one page, as long as it takes.
export const A4_LANDSCAPE = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

/** Points of A4 landscape between the margins the sheets use (11.69 in less 0.8 in). */
export const PAGE_WIDTH = 784;
/** Points one unit of column width takes at 100% (11 pt text). */
export const POINTS_PER_UNIT = 7;
/** Body text no smaller than this on paper (11 pt scaled to 7.5 pt): below it a wide sheet prints over several pages across. */
const LEAST_PRINTED_SCALE = 0.68;

/**
 * How many A4 pages across a sheet of this printed width (column units) takes: one while its
 * text prints at 7.5 pt or more, else two or three, read left to right and then down, with the
 * sheet's first columns repeated on each so a row can be followed across.
 */
export function pagesAcross(printedWidth: number): number {
  return Math.min(3, Math.max(1, Math.ceil((printedWidth * POINTS_PER_UNIT * LEAST_PRINTED_SCALE) / PAGE_WIDTH)));
}
