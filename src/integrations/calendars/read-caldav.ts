// Reads a CalDAV calendar collection with tsdav: a PROPFIND for the collection's ctag (or
// sync-token) first, and when it changed, one calendar-query REPORT for the VEVENTs that touch the
// window, calendar data included. The events are expanded locally (as feeds are), so servers
// without CALDAV:expand work too. tsdav reports HTTP failures as data rather than throwing; every
// answer is checked here, so a 401 can never read as an empty calendar.
import { calendarQuery, propfind } from 'tsdav';
import { CalendarReadError } from './read-error.js';
import { basicAuth, type CalendarRead, type CalendarSource, type ReadOptions } from './source.js';

type DavResponse = Awaited<ReturnType<typeof propfind>>[number];

const davTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

export async function readCalDav(source: CalendarSource, options: ReadOptions): Promise<CalendarRead> {
  const headers = basicAuth(source);
  const fetchOptions = { signal: options.signal };
  const fetch = options.http; // tsdav takes a fetch per request: every one goes through the address policy
  const [collection] = checked(await propfind({
    url: source.url, depth: '0', headers, fetchOptions, fetch,
    props: { 'd:resourcetype': {}, 'cs:getctag': {}, 'd:sync-token': {} },
  }));
  if (!collection?.props?.resourcetype || !('calendar' in collection.props.resourcetype)) {
    throw new CalendarReadError('The URL is not a CalDAV calendar collection');
  }
  const tag = collection.props.getctag ?? collection.props.syncToken;
  const ctag = tag === undefined || tag === null ? null : String(tag);
  const validators = { etag: null, lastModified: null, ctag };
  if (options.previous && ctag !== null && options.previous.ctag === ctag) return { changed: false, validators };

  const objects = checked(await calendarQuery({
    url: source.url, depth: '1', headers, fetchOptions, fetch,
    props: { 'd:getetag': {}, 'c:calendar-data': {} },
    filters: { 'comp-filter': { _attributes: { name: 'VCALENDAR' }, 'comp-filter': {
      _attributes: { name: 'VEVENT' }, 'time-range': { _attributes: { start: davTime(options.window.start), end: davTime(options.window.end) } },
    } } },
  }));
  const documents: string[] = [];
  let size = 0;
  for (const object of objects) {
    const data = object.props?.calendarData;
    const text = typeof data === 'string' ? data : typeof data?._cdata === 'string' ? data._cdata : typeof data?._text === 'string' ? data._text : null;
    if (text === null) continue;
    size += text.length;
    if (size > options.maxBytes) throw new CalendarReadError(`The calendar is larger than ${Math.round(options.maxBytes / 1_048_576)} MB`);
    documents.push(text);
  }
  return { changed: true, documents, validators };
}

/** The responses of a multistatus answer; anything else (an HTTP error, an HTML page) is a read error. */
function checked(responses: DavResponse[]): DavResponse[] {
  for (const r of responses) {
    const multistatus = typeof r.raw === 'object' && r.raw !== null && 'multistatus' in r.raw;
    if (!r.ok || !multistatus) {
      throw new CalendarReadError(r.ok ? `Not a CalDAV answer (HTTP ${r.status})` : `HTTP ${r.status}${r.statusText ? ` ${r.statusText}` : ''}`);
    }
  }
  return responses.filter((r) => r.props !== undefined);
}
