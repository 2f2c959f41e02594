// A real HTTP receiver for webhook tests: records every request (raw body and headers) and answers
// with whatever status the test's `respond` function picks (default 200), optionally after a delay.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook { path: string; headers: IncomingHttpHeaders; body: string; at: number }

export interface WebhookReceiver {
  url: string;
  hooks: ReceivedHook[];
  respond: (hook: ReceivedHook, nth: number) => number | Promise<number>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = { url: '', hooks: [], respond: () => 200, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('error', () => {}); // a sender killed mid-request resets the connection
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', async () => {
      const hook = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      receiver.hooks.push(hook);
      const status = await receiver.respond(hook, receiver.hooks.length);
      if (!res.destroyed) { res.statusCode = status; res.end(); }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return receiver;
}

export async function until(condition: () => boolean, ms = 15_000, step = 50): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, step));
  }
  return condition();
}
