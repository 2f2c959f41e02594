// A real HTTP server publishing iCalendar feeds the way Google and Outlook do, for the external
// calendar tests: each path serves the text set for it with an ETag, answers a matching
// If-None-Match with 304, and can be made to fail (500) or hang. Every request is recorded.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedRequest { path: string; conditional: boolean; status: number }

export interface IcsServer {
  url: string;
  feeds: Map<string, string>;
  /** 'down' answers 500; 'hang' never answers. */
  mode: 'up' | 'down' | 'hang';
  /** Each answer waits this long, as a slow calendar server would. */
  delayMs: number;
  requests: FeedRequest[];
  close(): Promise<void>;
}

export async function startIcsServer(): Promise<IcsServer> {
  const server: IcsServer = { url: '', feeds: new Map(), mode: 'up', delayMs: 0, requests: [], close: async () => {} };
  const http = createServer(async (req, res) => {
    if (server.delayMs > 0) await new Promise((r) => setTimeout(r, server.delayMs));
    const path = req.url ?? '/';
    const conditional = req.headers['if-none-match'] !== undefined;
    const answer = (status: number, body = '', headers: Record<string, string> = {}) => {
      server.requests.push({ path, conditional, status });
      res.writeHead(status, headers).end(body);
    };
    if (server.mode === 'hang') { server.requests.push({ path, conditional, status: 0 }); return; }
    if (server.mode === 'down') return answer(500, 'Internal Server Error');
    const text = server.feeds.get(path);
    if (text === undefined) return answer(404, 'Not Found');
    const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) return answer(304, '', { etag });
    return answer(200, text, { 'content-type': 'text/calendar; charset=utf-8', etag });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  server.close = () => new Promise((resolve) => { http.closeAllConnections(); http.close(() => resolve()); });
  return server;
}
