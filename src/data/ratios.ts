import type { Unit } from '../lib/format';
import { EXPLAIN_RATIOS } from '../views';
import { findMeasure, type DatasetModel } from './model';

/** The traffic-to-sales ratios, for datasets whose model names visitors, orders and revenue (`roles`). */
export const RATIO_IDS = EXPLAIN_RATIOS;
export type RatioId = (typeof RATIO_IDS)[number];

/** A ratio of two summed columns, over the rows where both are known (the conversion view's rule). */
export interface RatioDef {
  id: RatioId;
  label: string;
  unit: Unit;
  numerator: { id: string; column: string };
  denominator: { id: string; column: string };
  /** 1000 for "per 1,000 visitors", else 1. */
  scale: number;
  description: string;
}

/** The ratios a dataset offers: none unless its model names the three roles. */
export function ratioMeasures(model: DatasetModel): RatioDef[] {
  const roles = model.roles;
  if (!roles) return [];
  const column = (id: string) => ({ id, column: findMeasure(model, id)?.column ?? id });
  const revenue = findMeasure(model, roles.revenue);
  const money: Unit = revenue?.unit ?? 'usd';
  return [
    {
      id: 'conversion',
      label: 'Orders per 1,000 visitors',
      unit: 'number',
      numerator: column(roles.orders),
      denominator: column(roles.visitors),
      scale: 1000,
      description: 'Orders placed for every thousand monthly visitors.',
    },
    {
      id: 'order_value',
      label: 'Average order value',
      unit: money,
      numerator: column(roles.revenue),
      denominator: column(roles.orders),
      scale: 1,
      description: 'Revenue divided by orders.',
    },
    {
      id: 'revenue_per_visitor',
      label: `${revenue?.label ?? 'Revenue'} per visitor`,
      unit: money,
      numerator: column(roles.revenue),
      denominator: column(roles.visitors),
      scale: 1,
      description: 'Revenue divided by monthly visitors.',
    },
  ];
}

export function findRatio(model: DatasetModel, id: string | null): RatioDef | undefined {
  return ratioMeasures(model).find((ratio) => ratio.id === id);
}
