/**
 * Twenty categorical colours of distinct hues (Tableau 10, then ColorBrewer Dark2 and a few d3 category tones),
 * mid-tone enough to read on both the light and the dark background, and none of them grey: grey means "Other".
 * A series keeps its colour as filters change because colours follow the dataset's member order, not the chart's.
 */
export const CATEGORY_COLORS: readonly string[] = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf',
  '#e7298a', '#66a61e', '#7570b3', '#d95f02', '#a6761d', '#1b9e77', '#bcbd22', '#8c6bb1', '#dbdb8d', '#9edae5',
];

/** A colour function over a fixed member order: the n-th member gets the n-th colour. */
export function colorsByOrder(members: readonly string[]): (name: string) => string {
  const index = new Map(members.map((member, position) => [member, position]));
  return (name) => CATEGORY_COLORS[(index.get(name) ?? hash(name)) % CATEGORY_COLORS.length]!;
}

function hash(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) >>> 0;
  return value;
}
