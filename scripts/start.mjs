// `npm start`: build the app with the bundled datasets and serve the production build on localhost.
import { build, preview } from 'vite';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

const port = Number(process.env.PORT ?? 4173);
console.log('Building Marketscope…');
await build({ logLevel: 'warn' });
const server = await preview({ preview: { port, strictPort: false, host: process.env.HOST ?? 'localhost' } });
console.log('\nMarketscope is running. Open it in a browser:');
server.printUrls();
console.log('\nEvery query runs in the browser tab; press Ctrl+C to stop.');
