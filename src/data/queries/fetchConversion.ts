import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildConversionQuery, sliceParams } from '../../sql';
import { findMeasure, type DatasetModel, type DimensionDef } from '../model';
import { sliceFor, type QuerySlice } from '../querySlice';
import { viewQueryFn } from './queryTarget';

export interface ConversionRow {
  first: string;
  second: string;
  months: number;
  avgMonthlyVisitors: number;
  avgMonthlyRevenue: number;
  ordersPerThousandVisitors: number | null;
  averageOrderValue: number | null;
  revenuePerVisitor: number | null;
}

/** Traffic against sales per marketplace × country, for datasets whose model names the three roles. */
export async function fetchConversion(engine: Engine, model: DatasetModel, view: QuerySlice): Promise<ConversionRow[]> {
  if (!model.roles) throw new Error(`${model.label} has no visitors, orders and revenue measures`);
  const column = (id: string) => findMeasure(model, id)?.column ?? id;
  const [first, second] = model.dimensions as [DimensionDef, DimensionDef];
  const slice = sliceFor(model, view);
  const rows = await engine.query<{
    first_key: string;
    second_key: string;
    months: number;
    visitor_months: number;
    orders: number;
    revenue: number;
  }>(
    buildConversionQuery({
      slice,
      visitorsColumn: column(model.roles.visitors),
      ordersColumn: column(model.roles.orders),
      revenueColumn: column(model.roles.revenue),
      dimensions: [first.column, second.column],
    }),
    sliceParams(slice),
  );
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return rows.map((row) => ({
    first: String(row.first_key),
    second: String(row.second_key),
    months: row.months,
    avgMonthlyVisitors: row.visitor_months / row.months,
    avgMonthlyRevenue: row.revenue / row.months,
    ordersPerThousandVisitors: row.visitor_months > 0 ? (row.orders / row.visitor_months) * 1000 : null,
    averageOrderValue: ratio(row.revenue, row.orders),
    revenuePerVisitor: ratio(row.revenue, row.visitor_months),
  }));
}

export const conversionKey = (view: QuerySlice) => ['conversion', view] as const;

export const conversionQuery = (view: QuerySlice) =>
  queryOptions({
    queryKey: conversionKey(view),
    queryFn: viewQueryFn(
      view,
      (full) => full.dimensions.slice(0, 2).map((dimension) => dimension.id),
      (engine, model) => fetchConversion(engine, model, view),
    ),
  });
