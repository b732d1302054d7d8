import { SQLDialect } from '@codemirror/lang-sql';

// DuckDB's reserved and common unreserved keywords (duckdb_keywords()), its type names (duckdb_types()) and the
// functions analysts reach for most; the rest of DuckDB's functions are plain identifiers to the highlighter.
const KEYWORDS =
  'select from where group by having order limit offset qualify with recursive materialized as join inner left right full outer cross ' +
  'natural positional asof anti semi lateral on using union all except intersect distinct case when then else end and or not in is ' +
  'null like ilike glob similar escape between exists any some cast try_cast pivot unpivot pivot_longer pivot_wider window over partition rows range groups ' +
  'preceding following unbounded current row filter within values desc asc nulls first last describe summarize explain analyze show ' +
  'tables columns true false exclude replace rename sample tablesample using fetch next only ties collate at time zone interval ' +
  'grouping sets cube rollup default struct map list array primary key unique references check constraint';
const TYPES =
  'bigint int8 long integer int4 int signed smallint int2 short tinyint int1 hugeint uhugeint ubigint uinteger usmallint utinyint ' +
  'double float8 float float4 real decimal numeric varchar char bpchar text string blob bytea varbinary binary boolean bool logical ' +
  'date time timetz timestamp datetime timestamptz timestamp_s timestamp_ms timestamp_ns interval uuid json bit bitstring enum union varint';
const BUILTINS =
  'count sum avg mean min max median mode quantile quantile_cont quantile_disc stddev stddev_pop stddev_samp variance var_pop var_samp ' +
  'corr covar_pop regr_slope arg_max arg_min max_by min_by first last any_value list string_agg group_concat array_agg histogram approx_count_distinct ' +
  'row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value ' +
  'coalesce ifnull nullif greatest least round floor ceil ceiling abs sign sqrt ln log log10 log2 exp power pow ' +
  'date_trunc date_part datepart date_diff datediff date_add date_sub strftime strptime make_date make_timestamp epoch epoch_ms ' +
  'year month day quarter week dayofweek dayname monthname last_day age current_date current_timestamp now today ' +
  'lower upper length trim ltrim rtrim substr substring left right concat concat_ws replace regexp_matches regexp_replace regexp_extract ' +
  'split_part string_split contains starts_with ends_with prefix suffix format printf lpad rpad repeat reverse ' +
  'range generate_series unnest list_value list_sum list_count list_distinct struct_pack len cardinality hash md5 typeof';

/**
 * DuckDB's SQL for the editor: its keywords, types and common functions highlighted and completed; identifiers in
 * double quotes, strings in single quotes; $$…$$ strings; names case-insensitive, as DuckDB treats them (so a
 * completed name is quoted only when it must be).
 */
export const DuckDBDialect = SQLDialect.define({
  keywords: KEYWORDS,
  types: TYPES,
  builtin: BUILTINS,
  doubleDollarQuotedStrings: true,
  identifierQuotes: '"',
  caseInsensitiveIdentifiers: true,
  operatorChars: '*+-%<>!=&|~^/:@',
  specialVar: '$?',
});
