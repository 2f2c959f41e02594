// One server process for the HTTP benchmark: `app` is OpenSlot itself (startApp, as `openslot serve`
// runs it, without the background loops), `bare` is a Fastify instance with one route that answers a
// constant: what the framework alone can do on this machine at this moment. Prints its URL as a JSON
// line, reports its CPU time when asked over IPC, and closes cleanly on SIGTERM (so `--cpu-prof` can
// write its profile).
import Fastify from 'fastify';
import { startApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';

const mode = process.argv[2];

async function start(): Promise<{ url: string; close(): Promise<void> }> {
  if (mode === 'bare') {
    const app = Fastify({ logger: false });
    app.get('/bare', async () => ({ hello: 'world' }));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return { url, close: () => app.close() };
  }
  if (mode === 'app') {
    const config = readConfig({ ...process.env, PORT: '0', OPENSLOT_DISPATCH: 'off', OPENSLOT_CALENDAR_SYNC: 'off' });
    const app = await startApp(config);
    return { url: app.url, close: () => app.close() };
  }
  throw new Error(`usage: server-process.ts app|bare (got ${mode})`);
}

const server = await start();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
// The benchmark asks for the CPU time this process has used, to price each request independently of
// how much of the machine other processes leave it.
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('SIGTERM', () => {
  server.close().then(() => process.exit(0), () => process.exit(1));
});
