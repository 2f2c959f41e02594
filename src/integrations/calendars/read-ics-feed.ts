// Reads an iCalendar feed over HTTP(S): a conditional GET (If-None-Match / If-Modified-Since) when
// the last read left validators, so an unchanged feed costs a 304 and no parsing. Bodies are
// capped so a runaway feed cannot exhaust memory.
import { CalendarReadError } from './read-error.js';
import { basicAuth, type CalendarRead, type CalendarSource, type ReadOptions } from './source.js';

export async function readIcsFeed(source: CalendarSource, options: ReadOptions): Promise<CalendarRead> {
  const headers: Record<string, string> = { accept: 'text/calendar, text/plain;q=0.9, */*;q=0.5', 'user-agent': 'OpenSlot calendar sync', ...basicAuth(source) };
  if (options.previous?.etag) headers['if-none-match'] = options.previous.etag;
  if (options.previous?.lastModified) headers['if-modified-since'] = options.previous.lastModified;
  const response = await options.http(source.url, { headers, signal: options.signal, redirect: 'follow' });
  const validators = {
    etag: response.headers.get('etag') ?? options.previous?.etag ?? null,
    lastModified: response.headers.get('last-modified') ?? options.previous?.lastModified ?? null,
    ctag: null,
  };
  if (response.status === 304 && options.previous) {
    await response.body?.cancel();
    return { changed: false, validators };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new CalendarReadError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const text = await readCapped(response, options.maxBytes);
  return { changed: true, documents: [text], validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), ctag: null } };
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new CalendarReadError(`The feed is larger than ${Math.round(maxBytes / 1_048_576)} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
