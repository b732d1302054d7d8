import { z } from 'zod/mini';
import { list, maybeNumber, month, number, text } from '../../state/resultSchemas';
import { defineView } from '../declaration';

/** Each marketplace's rank in each country, its growth and rank change against a year earlier, with sparklines. */
export const leaderboard = defineView({
  id: 'leaderboard',
  label: 'Leaderboard',
  settings: {},
  snapshot: {
    leaderboard: z.object({
      rows: list(
        z.object({
          group: text(),
          member: text(),
          value: number,
          share: maybeNumber,
          rank: number,
          previousRank: maybeNumber,
          growth: maybeNumber,
          spark: list(maybeNumber, 2_000),
        }),
      ),
      sparkPeriods: list(month, 2_000),
      sparkGrain: z.enum(['month', 'quarter', 'year']),
    }),
  },
});
