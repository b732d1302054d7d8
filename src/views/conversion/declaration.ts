import { z } from 'zod/mini';
import { list, maybeNumber, number, text } from '../../state/resultSchemas';
import { defineView } from '../declaration';

/** Orders per 1,000 visitors, average order value and GMV per visitor, per marketplace and country. */
export const conversion = defineView({
  id: 'conversion',
  label: 'Traffic × sales',
  settings: {},
  snapshot: {
    conversion: list(
      z.object({
        first: text(),
        second: text(),
        months: number,
        avgMonthlyVisitors: number,
        avgMonthlyRevenue: number,
        ordersPerThousandVisitors: maybeNumber,
        averageOrderValue: maybeNumber,
        revenuePerVisitor: maybeNumber,
      }),
    ),
  },
});
