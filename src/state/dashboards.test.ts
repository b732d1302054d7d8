import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_FORMAT, dashboards, dashboardSchema, newDashboard, parseDashboard, serializeDashboard, type Dashboard } from './dashboards';
import { deflate, inflate } from './shareLink';

const sample: Dashboard = {
  ...newDashboard('Russia, H2 2014'),
  panels: [
    { id: 'a1', title: 'Visitors', notes: 'AliExpress leads: 15.6M a month.', view: 'v=1&measure=visitors&from=2014-07&to=2014-12&country=RU' },
    { id: 'b2', title: 'Trend <b>bold</b>', notes: '', view: 'v=1&tab=trend' },
  ],
};

describe('dashboard files', () => {
  it('round-trip through a file and through a presentation link', async () => {
    expect(parseDashboard(serializeDashboard(sample))).toEqual({ dashboard: sample });
    expect(parseDashboard(await inflate(await deflate(JSON.stringify(sample))))).toEqual({ dashboard: sample });
  });

  it('refuse what is not one, with a sentence, and drop unknown fields', () => {
    expect(parseDashboard('not json')).toEqual({ error: expect.stringMatching(/not JSON/) });
    expect(parseDashboard(JSON.stringify({ ...sample, format: 'other' }))).toEqual({ error: expect.stringMatching(/not a Marketscope dashboard/) });
    expect(parseDashboard(JSON.stringify({ ...sample, v: 2 }))).toEqual({ error: expect.stringMatching(/newer version/) });
    const extra = parseDashboard(serializeDashboard(sample).replace('{', '{"__proto__": {"polluted": true}, "script": "<script>",'));
    expect('dashboard' in extra && Object.keys(extra.dashboard)).toEqual(['format', 'v', 'id', 'name', 'panels']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fuzz: 5,000 random and mutated files never throw, and whatever is accepted matches the schema (seeded)', () => {
    const text = serializeDashboard(sample);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.tuple(fc.nat(text.length), fc.nat(40), fc.string({ maxLength: 20 })).map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut)),
          fc.record({ format: fc.constant(DASHBOARD_FORMAT), v: fc.constant(1), id: fc.string(), name: fc.string(), panels: fc.array(fc.anything(), { maxLength: 3 }) }).map((value) => JSON.stringify(value)),
        ),
        (input) => {
          const result = parseDashboard(input);
          if ('dashboard' in result) expect(dashboardSchema.safeParse(result.dashboard).success).toBe(true);
          else expect(result.error).toMatch(/Marketscope dashboard/);
        },
      ),
      { seed: 11, numRuns: 5000 },
    );
  });
});

describe('dashboards kept in this browser', () => {
  it('pin a view to the first dashboard without figures, never to one shared with its snapshot', () => {
    dashboards.reload();
    const shared = { ...newDashboard('Shared with figures'), panels: sample.panels, snapshot: { format: 'marketscope-snapshot' } };
    dashboards.save(shared);
    const pinned = dashboards.pin({ title: 'Orders', notes: '', view: 'v=1&measure=orders' });
    expect(pinned.id).not.toBe(shared.id);
    expect(pinned.panels.map((panel) => panel.title)).toEqual(['Orders']);
    expect(dashboards.get().find((item) => item.id === shared.id)?.panels).toHaveLength(2);
    expect(dashboards.pin({ title: 'GMV', notes: '', view: 'v=1&measure=gmv' }).id).toBe(pinned.id);
  });
});
