import { findDataset } from '../datasets/registry';
import type { ClickHouseDatasetDef } from './clickHouseModel';

/**
 * A ClickHouse dataset in a link (the `need` parameter of a view's link, of a dashboard panel's view): the
 * connection's name, the table and the roles, never credentials and never data. The recipient's own server must
 * offer a connection of that name; the cube is then loaded from it like any kept ClickHouse dataset.
 *
 * The parameter is `ch.` and the definition as base64url JSON: the dot is outside base64url's alphabet, so an upload's
 * `need` (deflated, base64url) can never be read as one, nor one as an upload's.
 */
export const CLICKHOUSE_NEED_PREFIX = 'ch.';

export function isClickHouseNeed(param: string): boolean {
  return param.startsWith(CLICKHOUSE_NEED_PREFIX);
}

/** The `need` parameter that brings dataset `id`, defined by `def`, back on a recipient's side. */
export function clickHouseNeedParam(id: string, def: ClickHouseDatasetDef): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ id, def }));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return CLICKHOUSE_NEED_PREFIX + btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * A view's query string with what brings its ClickHouse dataset back on another browser (`need=ch.…`), for a link or
 * a dashboard panel; unchanged for any other dataset, or when it already has one.
 */
export function withClickHouseNeed(view: string, datasetId?: string): string {
  const params = new URLSearchParams(view);
  const entry = findDataset(datasetId ?? params.get('dataset') ?? '');
  if (entry?.kind !== 'clickhouse' || !entry.clickhouse || params.has('need')) return view;
  return `${view}${view ? '&' : ''}need=${clickHouseNeedParam(entry.id, entry.clickhouse)}`;
}
