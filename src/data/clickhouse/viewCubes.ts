import type { Engine } from '../../engine';
import { buildDimensionMembersQuery, buildDropTableStatement, buildTimeExtentQuery } from '../../sql';
import { sqlLiteral } from '../../sql/literals';
import { lookupTable, ownValue } from '../../lib/lookupTable';
import { untilAborted } from '../../lib/untilAborted';
import { dateToMonth } from '../../lib/months';
import { forgetCubes } from '../cubes';
import type { DatasetModel } from '../model';
import type { DatasetCatalog, QuerySlice } from '../querySlice';
import { localText } from '../../i18n';
import { ClickHouseError, type ClickHouseClient } from './clickHouseClient';
import { messages } from './messages';
import { clickHouseCubeSpec, type ClickHouseDatasetDef } from './clickHouseModel';
import { CLICKHOUSE_CUBE_ROW_CAP, loadClickHouseCube } from './loadClickHouseCube';
import { countViewCubeLoad } from './viewCubeProgress';

/**
 * A ClickHouse table whose whole cube (months × every member of the mapped dimensions) is above the row cap is shown
 * view by view: each view's query reads a cube that ClickHouse built with the view's dimension filters in its WHERE
 * and only the dimensions the query filters or groups by (as an upload's query reads the smallest of its cubes, see
 * src/data/cubes.ts), loaded once per set of filters and dimensions (and kept, a dozen and a million rows at a
 * time, per engine); a loaded cube with the same filters and more dimensions answers too. So a channel filter on a view whose panels group
 * by marketplace reads months × channels × marketplaces, not × every country and device as well. The filters (the
 * view's, plus other tabs' selections) and the dimensions are what bound such a cube; months are not pushed down,
 * because views read months outside the chosen period (the comparison period, a trend's history, a forecast's
 * lookback).
 *
 * The dataset's catalog (its months and members, largest first) cannot come from a cube that does not exist: it is
 * read from ClickHouse, one month × dimension cube per dimension, when the dataset is first loaded.
 */

/**
 * How many view cubes an engine keeps (the least recently used one not in use goes first): a view's panels may read
 * two or three cubes of one set of filters (one per set of dimensions), so this keeps about four sets of filters.
 */
export const VIEW_CUBES_KEPT = 12;
/** And how many of their rows at the most (two cubes at the cap), so that twelve wide cubes do not fill the tab. */
export const VIEW_CUBE_ROWS_KEPT = 2 * CLICKHOUSE_CUBE_ROW_CAP;

/**
 * The months and members of the table, from one month × dimension cube per dimension (the members ordered as the
 * catalog of a whole cube orders them: by the default measure, largest first, then by name). Each cube is loaded into
 * `engine` as a scratch table and dropped.
 */
export async function loadClickHouseCatalog(
  engine: Engine,
  client: ClickHouseClient,
  def: ClickHouseDatasetDef,
  model: DatasetModel,
  options: { signal?: AbortSignal; rowCap?: number } = {},
): Promise<DatasetCatalog> {
  const spec = clickHouseCubeSpec(def);
  const weight = model.measures.find((m) => m.id === model.defaultMeasure)!.column;
  const scratch = `${model.id}__catalog`;
  const members = lookupTable<string[]>();
  let extent: { first_month: string | null; last_month: string | null } | undefined;
  let rowCount = 0;
  // A time extent even for a dataset without dimensions; else the first dimension's cube gives it.
  const steps = model.dimensions.length > 0 ? model.dimensions : [null];
  for (const dimension of steps) {
    const column = dimension?.column ?? null;
    await engine.query(buildDropTableStatement(scratch));
    const loaded = await loadClickHouseCube(
      engine,
      client,
      { ...spec, dimensions: column === null ? [] : [column], measures: [{ column: weight }] },
      scratch,
      { signal: options.signal, rowCap: options.rowCap },
    );
    rowCount = Math.max(rowCount, loaded.rows);
    try {
      if (!extent) [extent] = await engine.query<{ first_month: string | null; last_month: string | null }>(buildTimeExtentQuery(scratch, def.time));
      if (dimension) {
        const rows = await engine.query<{ value: string }>(buildDimensionMembersQuery(scratch, dimension.column, weight));
        members[dimension.id] = rows.map((row) => String(row.value));
      }
    } finally {
      await engine.query(buildDropTableStatement(scratch));
    }
  }
  if (!extent?.first_month || !extent.last_month) throw new Error(`dataset ${def.label} has no rows`);
  return { firstMonth: dateToMonth(extent.first_month), lastMonth: dateToMonth(extent.last_month), rowCount, members };
}

/** The dimension filters of `view` pushed into ClickHouse: every filtered dimension but those the query reads past. */
export function pushedFilters(model: DatasetModel, view: QuerySlice, readPast: readonly string[] = []): { column: string; values: string[] }[] {
  return model.dimensions
    .filter((dimension) => !readPast.includes(dimension.id))
    .flatMap((dimension) => {
      const values = ownValue(view.filters, dimension.id);
      return values && values.length > 0 ? [{ column: dimension.column, values: [...values].sort() }] : [];
    });
}

interface ViewCube {
  table: string;
  /** The pushed-down filters (their JSON) and the dimension columns the cube keeps. */
  filters: string;
  columns: readonly string[];
  /** Its rows, once loaded. */
  rows: number;
  /** Resolves to its rows. */
  loading: Promise<number>;
  /** Cancels the ClickHouse query (KILL QUERY by its id) once no query waits for the cube any more. */
  controller: AbortController;
  settled: boolean;
  /** Queries holding the cube (waiting for it, or reading it). */
  users: number;
  /** Queries waiting for it to load. */
  waiting: number;
  used: number;
}

const perEngine = new WeakMap<Engine, Map<string, ViewCube>>();
let tables = 0;
let clock = 0;

/**
 * The model a view's query reads on a ClickHouse dataset shown view by view: the dataset's model over a cube holding
 * the view's filtered members of the `dimensions` the query reads (ids; every dimension when not given), loaded when
 * no kept cube has these filters and at least these dimensions. `readPast`: dimensions whose filter the query itself
 * lifts (the map's share of a member reads every member), left out of the pushdown. Call `release` when the query is
 * done with the cube: a cube in use is never dropped.
 */
export async function acquireViewCube(
  engine: Engine,
  client: ClickHouseClient,
  def: ClickHouseDatasetDef,
  model: DatasetModel,
  view: QuerySlice,
  options: { readPast?: readonly string[]; dimensions?: readonly string[]; signal?: AbortSignal; rowCap?: number } = {},
): Promise<{ model: DatasetModel; release: () => void }> {
  const filters = pushedFilters(model, view, options.readPast);
  const filtersKey = JSON.stringify(filters);
  // The columns the cube keeps, in the model's order; a filtered dimension is always one (the views' SQL filters it).
  const wanted = new Set([...(options.dimensions ?? model.dimensions.map((d) => d.id)), ...Object.keys(view.filters)]);
  const columns = model.dimensions.filter((d) => wanted.has(d.id)).map((d) => d.column);
  const key = JSON.stringify([filters, columns]);
  let cubes = perEngine.get(engine);
  if (!cubes) perEngine.set(engine, (cubes = new Map()));
  let cube = cubes.get(key) ?? smallestCovering(cubes, filtersKey, columns);
  if (!cube) {
    tables += 1;
    const table = `${model.id}__view${tables}`;
    const controller = new AbortController();
    // Not one query's signal: every query of the view waits for the same cube; it is cancelled when none waits.
    const loading = (async () => {
      countViewCubeLoad(model.id, 1);
      try {
        const loaded = await loadClickHouseCube(engine, client, { ...clickHouseCubeSpec(def), dimensions: columns }, table, {
          view: { filters },
          scope: 'view',
          rowCap: options.rowCap ?? CLICKHOUSE_CUBE_ROW_CAP,
          signal: controller.signal,
        });
        return loaded.rows;
      } finally {
        countViewCubeLoad(model.id, -1);
      }
    })();
    const created: ViewCube = { table, filters: filtersKey, columns, rows: 0, loading, controller, settled: false, users: 0, waiting: 0, used: 0 };
    cube = created;
    cubes.set(key, created);
    loading.then(
      (rows) => {
        created.rows = rows;
        created.settled = true;
      },
      () => {
        created.settled = true;
        if (cubes.get(key) === created) cubes.delete(key);
      },
    );
  }
  const held = cube;
  held.users += 1;
  held.used = ++clock;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.users -= 1;
    void evict(engine, cubes);
  };
  const { signal } = options;
  held.waiting += 1;
  try {
    await (signal ? untilAborted(held.loading, signal) : held.loading);
  } catch (error) {
    release();
    throw signal?.aborted ? error : withHint(error);
  } finally {
    held.waiting -= 1;
    // The view was left (its queries cancelled) before its cube came: ClickHouse stops working on it.
    if (signal?.aborted && held.waiting === 0 && !held.settled) held.controller.abort();
  }
  // The cube's own dimensions: a query that reads fewer reads a smaller cube derived from it (src/data/cubes.ts).
  return { model: { ...model, table: held.table, cube: { dimensions: held.columns } }, release };
}

/**
 * A loaded cube with the same pushed-down filters and every one of `columns`, the narrowest. Not one still loading:
 * a wider cube may fail (above the cap) where the narrower one this query needs would not.
 */
function smallestCovering(cubes: Map<string, ViewCube>, filters: string, columns: readonly string[]): ViewCube | undefined {
  return [...cubes.values()]
    .filter((cube) => cube.settled && cube.filters === filters && columns.every((column) => cube.columns.includes(column)))
    .sort((a, b) => a.columns.length - b.columns.length)[0];
}

/**
 * Drops the least recently used cubes not in use, and their sub-cubes, while more than {@link VIEW_CUBES_KEPT} are
 * kept or their rows are more than {@link VIEW_CUBE_ROWS_KEPT}.
 */
async function evict(engine: Engine, cubes: Map<string, ViewCube>): Promise<void> {
  const unused = [...cubes.entries()].filter(([, cube]) => cube.users === 0).sort((a, b) => a[1].used - b[1].used);
  let rows = [...cubes.values()].reduce((sum, cube) => sum + cube.rows, 0);
  const dropped: [string, ViewCube][] = [];
  for (const entry of unused) {
    if (cubes.size - dropped.length <= VIEW_CUBES_KEPT && rows <= VIEW_CUBE_ROWS_KEPT) break;
    dropped.push(entry);
    rows -= entry[1].rows;
  }
  for (const [key, cube] of dropped) {
    cubes.delete(key);
    forgetCubes(engine, { table: cube.table } as DatasetModel);
    try {
      await cube.loading;
      const rows = await engine.query<{ name: string }>(
        `SELECT table_name AS name FROM duckdb_tables() WHERE table_name = ${sqlLiteral(cube.table)} OR starts_with(table_name, ${sqlLiteral(`${cube.table}__`)})`,
      );
      for (const row of rows) await engine.query(buildDropTableStatement(row.name));
    } catch {
      // A cube that never loaded has no table; one that cannot be dropped only costs memory until the page goes.
    }
  }
}

/** The view cubes `engine` keeps for `datasetId` (their tables), for tests and for unloading. */
export function keptViewCubes(engine: Engine, datasetId: string): string[] {
  return [...(perEngine.get(engine)?.values() ?? [])].map((cube) => cube.table).filter((table) => table.startsWith(`${datasetId}__`));
}

/** Forgets the view cubes of a dataset in `engine` (it was removed or loaded again); their tables go with the dataset's. */
export function forgetViewCubes(engine: Engine, datasetId: string): void {
  const cubes = perEngine.get(engine);
  if (!cubes) return;
  for (const [key, cube] of cubes) if (cube.table.startsWith(`${datasetId}__`)) cubes.delete(key);
}

/** A ClickHouseError whose message ends with its hint (what to do): every panel shows the message alone. */
export function withHint(error: unknown): unknown {
  if (!(error instanceof ClickHouseError) || !error.hint || error.message.includes(error.hint)) return error;
  const { localMessage: message, localHint: hint } = error;
  // The proxy's own words are joined as they are; the app's are said when shown, the hint after a full stop.
  const joined =
    typeof message === 'string'
      ? typeof hint === 'string'
        ? `${message.replace(/[.\s]*$/, '.')} ${hint}`
        : localText(messages.withHint, { message: message.replace(/[.\s]*$/, '.'), hint })
      : localText(/\.\s*$/.test(error.message) ? messages.withHint : messages.withHintStop, { message, hint });
  const told = new ClickHouseError(joined, { connection: error.connection, hint, status: error.status });
  told.cause = error;
  return told;
}
