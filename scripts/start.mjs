// `npm start`: build the app with the bundled datasets and serve the production build on localhost.
import { build, preview } from 'vite';
import { DEFAULT_FILE, ENV_VARIABLE, FILE_VARIABLE, loadConnections } from './clickhouse/proxy.mjs';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

const port = Number(process.env.PORT ?? 4173);
// The proxy reads the connections on every request; check them once here so that a mistake shows at start.
let connections = [];
try {
  connections = loadConnections();
} catch (error) {
  console.error(`ClickHouse connections: ${error.message}\nFix ${ENV_VARIABLE}, ${FILE_VARIABLE} or ${DEFAULT_FILE}, or unset them.`);
  process.exit(1);
}
console.log('Building Marketscope…');
await build({ logLevel: 'warn' });
const server = await preview({ preview: { port, strictPort: false, host: process.env.HOST ?? 'localhost' } });
console.log('\nMarketscope is running. Open it in a browser:');
server.printUrls();
if (connections.length > 0) {
  console.log(`\nClickHouse (proxied read-only at /clickhouse/<name>/; credentials stay here): ${connections.map((c) => `${c.name} (${c.database || 'default'})`).join(', ')}`);
}
console.log('\nEvery query runs in the browser tab; press Ctrl+C to stop.');
