import { z } from 'zod/mini';
import { CURRENCY_UNITS } from '../../lib/format';
import { validRoles, type ClickHouseDatasetDef } from './clickHouseModel';
import { t } from '../../i18n';
import { messages } from './messages';

/**
 * A ClickHouse dataset's definition as it arrives from outside the running page — this browser's storage, a link, a
 * dashboard file — checked before anything uses it. Names are text ClickHouse quotes (src/sql/clickhouse), so any
 * character is allowed, within lengths; a definition never has a place for credentials, and unknown fields are
 * dropped.
 */

const UNITS = ['count', 'number', 'percent', 'seconds', ...CURRENCY_UNITS] as const;
const name = z.string().check(z.minLength(1), z.maxLength(300));
const label = z.string().check(z.minLength(1), z.maxLength(200));

const defSchema = z.object({
  // The proxy's connection names (scripts/clickhouse/proxy.mjs): letters, digits, dot, dash, underscore.
  connection: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/)),
  database: z.string().check(z.maxLength(300)),
  table: name,
  label,
  time: name,
  dimensions: z.array(z.object({ column: name, label, display: z.enum(['text', 'country']) })).check(z.maxLength(32)),
  measures: z.array(z.object({ column: name, label, unit: z.enum(UNITS), overTime: z.enum(['sum', 'mean']) })).check(z.minLength(1), z.maxLength(32)),
  roles: z.optional(z.object({ visitors: name, orders: name, revenue: name })),
});

/** The definition, rebuilt from the schema's output; or a short reason, naming the part that is wrong. */
export function parseClickHouseDef(value: unknown): { def: ClickHouseDatasetDef } | { error: string } {
  const parsed = defSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The path and zod's own words: a detail for whoever made the link, inside a sentence that says what to do.
    return { error: issue ? `${issue.path.map(String).join('.') || t(messages.theDefinition)}: ${issue.message}` : t(messages.notADefinition) };
  }
  const def = parsed.data;
  const columns = [def.time, ...def.dimensions.map((d) => d.column), ...def.measures.map((m) => m.column)];
  if (new Set(columns).size !== columns.length) return { error: t(messages.twoRoles) };
  if (def.roles && !validRoles(def)) return { error: t(messages.badRoles) };
  return { def };
}

/** Two definitions read the same table the same way (labels included). */
export function sameClickHouseDef(a: ClickHouseDatasetDef, b: ClickHouseDatasetDef): boolean {
  return JSON.stringify(parseClickHouseDefOrNull(a)) === JSON.stringify(parseClickHouseDefOrNull(b));
}

function parseClickHouseDefOrNull(value: unknown): ClickHouseDatasetDef | null {
  const read = parseClickHouseDef(value);
  return 'def' in read ? read.def : null;
}
