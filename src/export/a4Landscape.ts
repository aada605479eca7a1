// Every sheet the tool writes prints the same way: A4 landscape, as wide as one page, as long as it takes.
export const A4_LANDSCAPE = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;
