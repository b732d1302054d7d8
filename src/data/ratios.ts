import type { Unit } from '../lib/format';
import { EXPLAIN_RATIOS } from '../views';
import { t } from '../i18n';
import { findMeasure, type DatasetModel } from './model';
import { messages } from './messages';

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

/** The ratios a dataset offers: none unless its model names the three roles. Labelled in the active language. */
export function ratioMeasures(model: DatasetModel): RatioDef[] {
  const roles = model.roles;
  if (!roles) return [];
  const column = (id: string) => ({ id, column: findMeasure(model, id)?.column ?? id });
  const revenue = findMeasure(model, roles.revenue);
  const money: Unit = revenue?.unit ?? 'usd';
  return [
    {
      id: 'conversion',
      label: t(messages.ratioConversion),
      unit: 'number',
      numerator: column(roles.orders),
      denominator: column(roles.visitors),
      scale: 1000,
      description: t(messages.ratioConversionDescription),
    },
    {
      id: 'order_value',
      label: t(messages.ratioOrderValue),
      unit: money,
      numerator: column(roles.revenue),
      denominator: column(roles.orders),
      scale: 1,
      description: t(messages.ratioOrderValueDescription),
    },
    {
      id: 'revenue_per_visitor',
      label: t(messages.ratioRevenuePerVisitor, { revenue: revenue?.label ?? t(messages.revenue) }),
      unit: money,
      numerator: column(roles.revenue),
      denominator: column(roles.visitors),
      scale: 1,
      description: t(messages.ratioRevenuePerVisitorDescription),
    },
  ];
}

export function findRatio(model: DatasetModel, id: string | null): RatioDef | undefined {
  return ratioMeasures(model).find((ratio) => ratio.id === id);
}
