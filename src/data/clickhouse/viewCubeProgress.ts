import { createExternalStore } from '../../engine';

/**
 * The cubes being loaded from ClickHouse for views (a table whose whole cube is above the cap, see viewCubes.ts), by
 * dataset: how many loads are under way. Small on purpose: the workspace reads it to say that a view's data is on its
 * way from ClickHouse, without loading the cube code.
 */
export const viewCubeLoads = createExternalStore<Readonly<Record<string, number>>>({});

export function countViewCubeLoad(datasetId: string, change: 1 | -1): void {
  const current = viewCubeLoads.get();
  const next = (Object.hasOwn(current, datasetId) ? current[datasetId]! : 0) + change;
  const copy: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [id, count] of Object.entries(current)) if (id !== datasetId) copy[id] = count;
  if (next > 0) copy[datasetId] = next;
  viewCubeLoads.set(copy);
}
