import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../scripts/clickhouse/proxy.mjs';
import { clusterForTests, startProxy, type TestProxy } from './support';

// The proxy `npm start` mounts, against the run's real two-shard cluster (18.16 from Debian in CI).
const cluster = clusterForTests();
const WRONG_PASSWORD = 'not-the-password-7f3a';
let proxy: TestProxy;

async function ask(connection: string, sql: string, params = '') {
  const response = await fetch(`${proxy.url}/${connection}/query?format=JSONCompact${params}`, { method: 'POST', body: sql });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

/** Straight to shard 1 as the app's user, with the limits the proxy sets (the user's profile is readonly=2). */
async function directly(sql: string) {
  const target = new URL(cluster.connection(0).url);
  for (const [key, value] of Object.entries({ database: 'marketscope', max_execution_time: 30, max_result_rows: 1000 })) target.searchParams.set(key, String(value));
  const response = await fetch(target, {
    method: 'POST',
    body: sql,
    headers: { Authorization: `Basic ${Buffer.from(`${cluster.info.user}:${cluster.info.password}`).toString('base64')}` },
  });
  return { ok: response.ok, text: await response.text() };
}

beforeAll(async () => {
  proxy = await startProxy([
    { name: 'local', ...cluster.connection(0) },
    { name: 'other', ...cluster.connection(1) },
    { name: 'wrong', ...cluster.connection(0), password: WRONG_PASSWORD },
    { name: 'quick', ...cluster.connection(0), maxExecutionTime: 1 },
    { name: 'small', ...cluster.connection(0), maxResultRows: 10 },
    // Limits that are only reached after ClickHouse has sent the first blocks of rows (a block is 65,536 rows).
    { name: 'midrows', ...cluster.connection(0), maxResultRows: 200_000 },
    { name: 'midbytes', ...cluster.connection(0), maxResultBytes: 3_000_000 },
  ]);
});
afterAll(async () => {
  await proxy?.close();
  // Nothing the proxy logged may hold a password.
  for (const line of proxy?.logs ?? []) {
    expect(line).not.toContain(WRONG_PASSWORD);
    expect(line).not.toContain(cluster.info.password);
  }
});

describe('the ClickHouse proxy on a real cluster', () => {
  it('lists names and databases only, and runs reads with readonly=1 set by the server', async () => {
    const list = await (await fetch(`${proxy.url}/`)).text();
    expect(JSON.parse(list).connections.map((c: { name: string }) => c.name)).toEqual(['local', 'other', 'wrong', 'quick', 'small', 'midrows', 'midbytes']);
    for (const secret of [cluster.info.password, WRONG_PASSWORD, cluster.info.shards[0]!.url]) expect(list).not.toContain(secret);
    const settings = await ask('local', "SELECT name, value FROM system.settings WHERE name IN ('readonly', 'max_execution_time', 'max_result_rows') ORDER BY name");
    expect(settings.status, settings.text).toBe(200);
    // The user's profile is readonly=2 (so that limits can be set per query); ClickHouse then refuses readonly=1 from
    // the request, and the proxy keeps the profile's read-only mode with its limits. Either way: not 0.
    const values = Object.fromEntries(settings.json().data);
    expect(values).toMatchObject({ max_execution_time: '30', max_result_rows: '2000000' });
    expect(['1', '2']).toContain(values.readonly);
  });

  it('refuses writes and SET in the proxy and, with the same settings, in ClickHouse itself (readonly)', async () => {
    const statements = [
      "INSERT INTO traffic VALUES (toDate('2020-01-01'), 'x', 'XX', 1)",
      'CREATE TABLE evil (a UInt8) ENGINE = Memory',
      'ALTER TABLE traffic_local DELETE WHERE 1',
      'DROP TABLE traffic',
      'SET readonly = 0',
      'SELECT 1 SETTINGS readonly = 0',
    ];
    for (const sql of statements) {
      const refused = await ask('local', sql);
      expect(refused.status, sql).toBe(400);
      expect(refused.json().error, sql).toMatch(/^Refused for ClickHouse connection "local"/);
      // Past the proxy's check: the app's user with the limits the proxy sends is refused by ClickHouse itself, for
      // the statement (readonly, code 164), not for a setting.
      const target = new URL(cluster.connection(0).url);
      for (const [key, value] of Object.entries({ database: 'marketscope', max_execution_time: 30 })) target.searchParams.set(key, String(value));
      const direct = await fetch(target, {
        method: 'POST',
        body: sql,
        headers: { Authorization: `Basic ${Buffer.from(`${cluster.info.user}:${cluster.info.password}`).toString('base64')}` },
      });
      const text = await direct.text();
      expect(direct.ok, `${sql}: ${text}`).toBe(false);
      expect(text, sql).toMatch(/Code: 164/);
      expect(text, sql).toMatch(/readonly|read-only/i);
    }
    const [count] = await cluster.query<{ n: string }>('SELECT count() AS n FROM traffic');
    expect(Number(count!.n)).toBeGreaterThan(20_000);
    expect(await cluster.admin("EXISTS TABLE marketscope.evil")).toBe('0\n');
  });

  it('lets through only the table functions that read nothing outside the server, however they are spelled', async () => {
    const ping = `${cluster.info.shards[1]!.url}/ping`;
    // remote() speaks the native protocol: shard 2's TCP port, as the cluster's configuration knows it.
    const ports = (await cluster.admin("SELECT port FROM system.clusters WHERE cluster = 'marketscope_two_shards' ORDER BY shard_num")).trim().split('\n');
    const shard2 = `127.0.0.1:${ports[1]}`;
    // Each of these runs when sent straight to ClickHouse as the app's user (readonly=2 allows table functions):
    // only the proxy stands in the way.
    const reaching = [
      `SELECT * FROM url('${ping}', CSV, 'a String')`,
      `SELECT * FROM \`url\`('${ping}', CSV, 'a String')`,
      `SELECT * FROM "url"('${ping}', CSV, 'a String')`,
      `SELECT * FROM url /* a comment */ ('${ping}', CSV, 'a String')`,
      `SELECT * FROM\n  url\n  -- a line comment\n  ('${ping}', CSV, 'a String')`,
      `SELECT * FROM remote('${shard2}', system.one)`,
      `SELECT * FROM cluster('marketscope_two_shards', system.one)`,
      `SELECT * FROM merge('marketscope', '^traffic$') LIMIT 1`,
      `DESCRIBE TABLE url('${ping}', CSV, 'a String')`,
      `DESC url('${ping}', CSV, 'a String')`,
      `SELECT * FROM (SELECT * FROM url('${ping}', CSV, 'a String'))`,
      `WITH 1 AS x SELECT * FROM remote('${shard2}', system.one)`,
    ];
    for (const sql of reaching) {
      const direct = await directly(sql);
      expect(direct.ok, `${sql}: ${direct.text}`).toBe(true);
      const refused = await ask('local', sql);
      expect(refused.status, sql).toBe(400);
      expect(refused.json().error, sql).toMatch(/^Refused for ClickHouse connection "local": the table function .+\(\) is not allowed/);
    }
    // Refused too, whether or not this release would run them (file() reads the server's user_files folder; 18.16
    // names table functions case-sensitively, later releases add aliases).
    const others = [
      "SELECT * FROM file('x.csv', CSV, 'a String')",
      `SELECT * FROM URL('${ping}', CSV, 'a String')`,
      `SELECT * FROM RemOte('${shard2}', system.one)`,
      "SELECT * FROM mysql('db:3306', 'd', 't', 'u', 'p')",
      "SELECT * FROM s3('http://x/y.csv', CSV, 'a String')",
      // Table functions a name list written before them would miss (Hive over HDFS, Arrow Flight servers: 24.x).
      "SELECT * FROM hive('thrift://h:9083', 'db', 't', 'a String', 'a')",
      "SELECT * FROM arrowFlight('h:8815', 'dataset')",
      `SELECT 1 FROM system.one AS a, url('${ping}', CSV, 'a String') AS b`,
      `SELECT 1 FROM system.one AS a ALL INNER JOIN system.one AS b ON a.dummy = b.dummy, remote('${shard2}', system.one)`,
      `SELECT 1 FROM system.one ANY LEFT JOIN url('${ping}', CSV, 'a String') USING dummy`,
      `SELECT 1 FROM system.one FINAL, file('x.csv', CSV, 'a String')`,
      "SELECT * FROM view(SELECT 1)",
      "SELECT * FROM input('a String')",
      "SELECT 1 WHERE 1 IN remote('h', system.one)",
    ];
    for (const sql of others) expect(refusal(sql), sql).toMatch(/^the table function \S+\(\) is not allowed/);
    const fileDirect = await directly("SELECT * FROM file('x.csv', CSV, 'a String')");
    expect(fileDirect.text).not.toMatch(/Code: 164/); // not refused as read-only: the file is simply missing

    // What may run: the allowed table functions, ordinary functions named like table functions outside a table
    // position, and names that only look like table functions.
    const allowed = [
      'SELECT sum(number) FROM numbers(10)',
      'SELECT * FROM `numbers`(2)',
      'SELECT * FROM system.one AS a, numbers(2) AS b',
      "SELECT file, url FROM (SELECT 'a' AS file, 'b' AS url)",
      "SELECT 'FROM url(x)' AS s, format('{}', 'x') AS f",
      'SELECT x FROM system.one ARRAY JOIN arrayMap(v -> v + 1, [1, 2]) AS x',
      'SELECT count() FROM traffic WHERE country IN (\'RU\', \'DE\') GROUP BY marketplace, toStartOfMonth(month) ORDER BY count(), toStartOfMonth(month)',
    ];
    for (const sql of allowed) expect(refusal(sql), sql).toBeNull();
    const numbers = await ask('local', 'SELECT sum(number) FROM numbers(10)');
    expect(numbers.status, numbers.text).toBe(200);
    expect(numbers.json().data).toEqual([['45']]);
  });

  it('names the connection on wrong credentials and never echoes the password', async () => {
    const answer = await ask('wrong', 'SELECT 1');
    expect(answer.status).toBe(502);
    const body = answer.json();
    expect(body.error).toMatch(/ClickHouse connection "wrong" refused the user "marketscope"/);
    expect(body.hint).toMatch(/user and password of "wrong"/);
    expect(answer.text).not.toContain(WRONG_PASSWORD);
    expect(proxy.logs.some((line) => line.includes('"wrong"'))).toBe(true);
  });

  it('enforces the execution time and result size limits', async () => {
    const slow = await ask('quick', 'SELECT count() FROM system.numbers WHERE NOT ignore(sipHash64(number))');
    expect(slow.status, slow.text).toBe(504);
    expect(slow.json().error).toMatch(/ClickHouse connection "quick": the query took longer than 1 s/);
    const big = await ask('small', 'SELECT number FROM system.numbers LIMIT 100');
    expect(big.status, big.text).toBe(413);
    expect(big.json().hint).toMatch(/10 rows/);
    const fits = await ask('small', 'SELECT number FROM system.numbers LIMIT 10');
    expect(fits.json().data).toHaveLength(10);
  });

  it('answers 413, not a cut HTTP 200, when a result limit is hit after rows started streaming', async () => {
    // Without wait_end_of_query ClickHouse has already sent 200 and ~196,000 rows when the limit strikes, and ends
    // the body with its exception text: JSON that does not parse, CSV that silently lacks rows.
    for (const [connection, format, limit] of [['midrows', 'JSONCompact', /200000 rows/], ['midbytes', 'CSVWithNames', /3000000 bytes/]] as const) {
      const response = await fetch(`${proxy.url}/${connection}/query?format=${format}`, { method: 'POST', body: 'SELECT number, toString(number) AS text FROM system.numbers LIMIT 1000000' });
      const text = await response.text();
      expect(response.status, `${connection}: ${text.slice(-300)}`).toBe(413);
      const body = JSON.parse(text);
      expect(body.error).toMatch(new RegExp(`^ClickHouse connection "${connection}": the result is larger than this server allows`));
      expect(body.hint).toMatch(limit);
      expect(body.connection).toBe(connection);
    }
    // Below the limit the same connection streams the whole answer.
    const fits = await fetch(`${proxy.url}/midrows/query?format=CSVWithNames`, { method: 'POST', body: 'SELECT number FROM system.numbers LIMIT 150000' });
    expect(fits.status).toBe(200);
    expect((await fits.text()).trim().split('\n')).toHaveLength(150_001);
  });

  it('says 18.16 has no query parameters (/features, probed once), and refuses param_ for it', async () => {
    for (const connection of ['local', 'local', 'other']) {
      const response = await fetch(`${proxy.url}/${connection}/features`);
      expect(response.status).toBe(200);
      const features = await response.json();
      expect(features).toMatchObject({ queryParameters: false, connection });
      expect(features.version).toMatch(/^18\.16\./);
    }
    // ClickHouse itself: 18.16 reads param_x as a setting it does not know, and {x:UInt8} as a syntax error.
    const target = new URL(cluster.connection(0).url);
    target.searchParams.set('param_x', '1');
    const direct = await fetch(target, { method: 'POST', body: 'SELECT 1', headers: { Authorization: `Basic ${Buffer.from(`${cluster.info.user}:${cluster.info.password}`).toString('base64')}` } });
    expect(direct.ok).toBe(false);
    const withParams = await ask('local', 'SELECT {p0:String}', '&param_p0=RU');
    expect(withParams.status).toBe(400);
    expect(withParams.json().error).toMatch(/has no query parameters/);
    const wrong = await fetch(`${proxy.url}/wrong/features`);
    expect(wrong.status).toBe(502);
    expect((await wrong.json()).error).toMatch(/refused the user/);
  });

  it('refuses a bad param_ name and any unknown URL parameter with a 400 naming it', async () => {
    for (const [extra, said] of [
      ['&param_0=1', /"param_0" is not a query parameter name/],
      ['&param_a%3Bb=1', /"param_a;b" is not a query parameter name/],
      ['&readonly=0', /unknown URL parameter "readonly"/],
      ['&max_result_rows=0', /unknown URL parameter "max_result_rows"/],
      ['&database=system', /unknown URL parameter "database"/],
    ] as const) {
      const refused = await ask('local', 'SELECT 1', extra);
      expect(refused.status, extra).toBe(400);
      expect(refused.json().error, extra).toMatch(said);
      expect(refused.json().connection).toBe('local');
    }
    expect((await fetch(`${proxy.url}/local/cancel?query_id=a&format=CSV`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${proxy.url}/local/features?param_x=1`)).status).toBe(400);
    // What the app sends still runs.
    const fine = await ask('local', 'SELECT 1 AS one', '&query_id=fine-1');
    expect(fine.status, fine.text).toBe(200);
    expect(fine.json().data).toEqual([[1]]);
  });

  it('cancels a slow query: the request is aborted and KILL QUERY by its id removes it from system.processes', async () => {
    const id = `slow-${Date.now()}`;
    const controller = new AbortController();
    const pending = fetch(`${proxy.url}/local/query?query_id=${id}`, {
      method: 'POST',
      body: 'SELECT count() FROM system.numbers WHERE NOT ignore(sipHash64(number))',
      signal: controller.signal,
    }).catch((error: Error) => error);
    const running = () => cluster.admin(`SELECT count() FROM system.processes WHERE query_id = 'marketscope-${id}'`).then((n) => Number(n));
    await expect.poll(running, { timeout: 10_000 }).toBe(1);
    controller.abort();
    const cancel = await fetch(`${proxy.url}/local/cancel?query_id=${id}`, { method: 'POST' });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ queryId: id, connection: 'local' });
    await expect.poll(running, { timeout: 10_000 }).toBe(0);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('names the connection when a shard is down, keeps other answers working, and recovers after startShard', async () => {
    await cluster.stopShard(1);
    try {
      const down = await ask('local', 'SELECT count() FROM traffic');
      expect(down.status, down.text).toBe(503);
      expect(down.json().error).toMatch(/ClickHouse connection "local": a shard or replica is not answering/);
      expect(down.json().hint).toMatch(/Start the stopped ClickHouse server/);
      const gone = await ask('other', 'SELECT 1');
      expect(gone.status).toBe(503);
      expect(gone.json().error).toMatch(/ClickHouse connection "other" refused the connection/);
      // What does not need the stopped shard still answers.
      const local = await ask('local', 'SELECT count() FROM traffic_local');
      expect(local.status, local.text).toBe(200);
    } finally {
      await cluster.startShard(1);
    }
    await expect.poll(async () => (await ask('local', 'SELECT count() FROM traffic')).status, { timeout: 30_000 }).toBe(200);
    expect((await ask('other', 'SELECT 1')).status).toBe(200);
  });
});
