/**
 * Twenty categorical colours (Tableau 20), mid-tone enough to read on both the light and the dark background.
 * A series keeps its colour as filters change because colours follow the dataset's member order, not the chart's.
 */
export const CATEGORY_COLORS: readonly string[] = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#a0cbe8', '#ffbe7d', '#ff9d9a', '#86bcb6', '#8cd17d', '#f1ce63', '#d4a6c8', '#fabfd2', '#d7b5a6', '#79706e',
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
