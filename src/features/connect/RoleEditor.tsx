import { useId, useState } from 'react';
import type { ClickHouseColumn, ClickHouseTable } from '../../data/clickhouse/clickHouseClient';
import { columnKind, ROLE_NAMES, validRoles, type ClickHouseDatasetDef, type ClickHouseRoles } from '../../data/clickhouse/clickHouseModel';
import type { Unit } from '../../lib/format';
import { useT, type Message } from '../../i18n';
import { messages } from './messages';

type Role = 'time' | 'dimension' | 'measure' | 'ignored';

const UNITS: { value: Unit; label: Message }[] = [
  { value: 'count', label: messages.unitCount },
  { value: 'number', label: messages.unitNumber },
  { value: 'usd', label: messages.unitUsd },
  { value: 'eur', label: messages.unitEur },
  { value: 'percent', label: messages.unitPercent },
  { value: 'seconds', label: messages.unitSeconds },
];

const humanize = (name: string) => {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.length === 0 ? name : words[0]!.toUpperCase() + words.slice(1);
};

function roleOf(def: ClickHouseDatasetDef, column: string): Role {
  if (column === def.time) return 'time';
  if (def.dimensions.some((d) => d.column === column)) return 'dimension';
  if (def.measures.some((m) => m.column === column)) return 'measure';
  return 'ignored';
}

/** The roles a column may take, from its ClickHouse type. */
function rolesFor(column: ClickHouseColumn): Role[] {
  const kind = columnKind(column);
  if (kind === 'time') return ['time', 'ignored'];
  if (kind === 'number') return ['measure', 'dimension', 'ignored'];
  if (kind === 'text') return ['dimension', 'ignored'];
  return ['ignored'];
}

const ROLE_LABELS: Record<Role, Message> = { time: messages.roleTime, dimension: messages.roleDimension, measure: messages.roleMeasure, ignored: messages.roleIgnored };

/** `def` with `column` given `role` (a new time column sends the old one to "ignored"). */
function withRole(def: ClickHouseDatasetDef, column: string, role: Role): ClickHouseDatasetDef {
  const dimensions = def.dimensions.filter((d) => d.column !== column);
  const measures = def.measures.filter((m) => m.column !== column);
  const next = { ...def, dimensions, measures };
  if (role === 'time') next.time = column;
  if (role === 'dimension') next.dimensions = [...dimensions, { column, label: humanize(column), display: /country/i.test(column) ? 'country' : 'text' }];
  if (role === 'measure') next.measures = [...measures, { column, label: humanize(column), unit: /usd|gmv|revenue/i.test(column) ? 'usd' : 'count', overTime: 'mean' }];
  return withRoles(next, def.roles ?? {});
}

/** `def` with the traffic-to-sales roles of `draft` when they name three different measures, else without any. */
function withRoles(def: ClickHouseDatasetDef, draft: Partial<ClickHouseRoles>): ClickHouseDatasetDef {
  const next = { ...def };
  delete next.roles;
  const roles = validRoles({ measures: def.measures, roles: draft as ClickHouseRoles });
  return roles && ROLE_NAMES.every((role) => draft[role] !== undefined) ? { ...next, roles } : next;
}

const RATIO_ROLE_LABELS: Record<keyof ClickHouseRoles, Message> = {
  visitors: messages.ratioVisitors,
  orders: messages.ratioOrders,
  revenue: messages.ratioRevenue,
};

/**
 * Which measures are visitors, orders and revenue: optional; with all three (three different measures) the
 * conversion view and the traffic-to-sales ratios work on the dataset. A half-made choice stays on screen, not in
 * the definition.
 */
function RatioRoles({ def, onChange }: { def: ClickHouseDatasetDef; onChange: (def: ClickHouseDatasetDef) => void }) {
  const ids = useId();
  const tr = useT();
  const [draft, setDraft] = useState<Partial<ClickHouseRoles>>(() => ({ ...def.roles }));
  // A measure set aside (its role changed above) leaves the choice.
  const shown: Partial<ClickHouseRoles> = Object.fromEntries(
    ROLE_NAMES.filter((role) => draft[role] !== undefined && def.measures.some((m) => m.column === draft[role])).map((role) => [role, draft[role]]),
  );
  const chosen = ROLE_NAMES.filter((role) => shown[role] !== undefined);
  const incomplete = chosen.length > 0 && !def.roles;
  return (
    <fieldset className="connect-ratio-roles">
      <legend>{tr(messages.ratioRoles)}</legend>
      <p className="connect-note" id={`${ids}-hint`}>
        {tr(messages.ratioRolesHint)}
      </p>
      <div className="connect-ratio-fields">
        {ROLE_NAMES.map((role) => (
          <label key={role} className="field" htmlFor={`${ids}-${role}`}>
            <span className="field-label">{tr(RATIO_ROLE_LABELS[role])}</span>
            <select
              id={`${ids}-${role}`}
              className="select"
              aria-describedby={`${ids}-hint`}
              value={shown[role] ?? ''}
              onChange={(e) => {
                const next = { ...shown, [role]: e.target.value === '' ? undefined : e.target.value };
                setDraft(next);
                onChange(withRoles(def, next));
              }}
              data-testid={`connect-ratio-${role}`}
            >
              <option value="">{tr(messages.ratioNone)}</option>
              {def.measures.map((m) => (
                <option key={m.column} value={m.column}>
                  {m.column}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {incomplete ? (
        <p className="connect-note" role="status" data-testid="connect-ratio-incomplete">
          {tr(messages.ratioIncomplete)}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The roles of a table's columns, one labelled select per column (and, for a measure, how its months combine and its
 * unit): a list that wraps on a narrow screen rather than a wide table. A dataset needs its time column and one
 * measure, so the last measure and the time column cannot be set aside here.
 */
export function RoleEditor({ table, def, onChange, disabled }: { table: ClickHouseTable; def: ClickHouseDatasetDef; onChange: (def: ClickHouseDatasetDef) => void; disabled: boolean }) {
  const ids = useId();
  const tr = useT();
  return (
    <fieldset className="connect-roles" disabled={disabled}>
      <legend>{tr(messages.rolesOf, { table: table.name })}</legend>
      <label className="field connect-name" htmlFor={`${ids}-label`}>
        <span className="field-label">{tr(messages.datasetName)}</span>
        <input
          id={`${ids}-label`}
          className="input"
          value={def.label}
          maxLength={200}
          onChange={(e) => onChange({ ...def, label: e.target.value })}
          onBlur={() => onChange({ ...def, label: def.label.trim() || humanize(table.name) })}
          data-testid="connect-name"
        />
      </label>
      <ul className="connect-columns">
        {table.columns.map((column, index) => {
          const role = roleOf(def, column.name);
          const measure = def.measures.find((m) => m.column === column.name);
          const fixed = role === 'time' || (role === 'measure' && def.measures.length === 1);
          const id = `${ids}-${index}`;
          return (
            <li key={column.name} className="connect-column">
              <span className="connect-column-name">
                <code>{column.name}</code> <span className="connect-note">{column.type}</span>
              </span>
              <label className="field" htmlFor={`${id}-role`}>
                <span className="field-label">{tr(messages.role)}</span>
                <select
                  id={`${id}-role`}
                  className="select"
                  aria-label={tr(messages.roleOf, { column: column.name })}
                  value={role}
                  disabled={fixed && rolesFor(column).length === 1}
                  onChange={(e) => {
                    const next = e.target.value as Role;
                    if (role === 'measure' && def.measures.length === 1 && next !== 'measure') return;
                    if (role === 'time' && next !== 'time') return;
                    onChange(withRole(def, column.name, next));
                  }}
                >
                  {rolesFor(column).map((option) => (
                    <option key={option} value={option} disabled={fixed && option !== role}>
                      {tr(ROLE_LABELS[option])}
                    </option>
                  ))}
                </select>
              </label>
              {measure ? (
                <>
                  <label className="field" htmlFor={`${id}-over`}>
                    <span className="field-label">{tr(messages.overMonths)}</span>
                    <select
                      id={`${id}-over`}
                      className="select"
                      aria-label={tr(messages.overMonthsOf, { column: column.name })}
                      value={measure.overTime}
                      onChange={(e) =>
                        onChange({ ...def, measures: def.measures.map((m) => (m.column === column.name ? { ...m, overTime: e.target.value as 'sum' | 'mean' } : m)) })
                      }
                    >
                      <option value="mean">{tr(messages.averageMonth)}</option>
                      <option value="sum">{tr(messages.sum)}</option>
                    </select>
                  </label>
                  <label className="field" htmlFor={`${id}-unit`}>
                    <span className="field-label">{tr(messages.unit)}</span>
                    <select
                      id={`${id}-unit`}
                      className="select"
                      aria-label={tr(messages.unitOf, { column: column.name })}
                      value={measure.unit}
                      onChange={(e) => onChange({ ...def, measures: def.measures.map((m) => (m.column === column.name ? { ...m, unit: e.target.value as Unit } : m)) })}
                    >
                      {UNITS.map((unit) => (
                        <option key={unit.value} value={unit.value}>
                          {tr(unit.label)}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <RatioRoles def={def} onChange={onChange} />
    </fieldset>
  );
}
