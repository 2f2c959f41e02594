// One read of one claimed calendar, start to finish: open its sealed source, read it (ICS feed or
// CalDAV) within the timeout, and turn what came back into busy times for the rolling window.
// Never throws: every failure becomes an outcome with a short message.
import type { SecretBox } from '../../security/secrets.js';
import { busyTimes } from './busy-times.js';
import type { ClaimedCalendar } from './claim-calendars.js';
import type { CalendarSyncConfig } from './config.js';
import { readCalDav } from './read-caldav.js';
import { describeReadError } from './read-error.js';
import { readIcsFeed } from './read-ics-feed.js';
import { outboundRefusal } from '../../security/outbound/guarded-fetch.js';
import type { SyncOutcome } from './record-sync.js';
import type { CalendarSource, Validators } from './source.js';

const DAY = 86_400_000;

export interface ReadDeps {
  secrets: SecretBox;
  config: CalendarSyncConfig;
  /** Aborted when the process stops. */
  stop: AbortSignal;
  /** fetch under the operator's outbound address policy. */
  http: typeof fetch;
}

export async function readCalendar(calendar: ClaimedCalendar, now: number, deps: ReadDeps): Promise<SyncOutcome> {
  const { config } = deps;
  const window = { start: now - DAY, end: now + config.windowDays * DAY };
  // A conditional read keeps the busy times already stored, so it is only safe while they still
  // reach far enough ahead; once a day (as the window rolls) the calendar is read in full.
  const covered = calendar.busy_until !== null && calendar.busy_until >= now + (config.windowDays - 1) * DAY;
  const previous: Validators | null = covered ? { etag: calendar.etag, lastModified: calendar.last_modified, ctag: calendar.ctag } : null;
  try {
    const source = JSON.parse(deps.secrets.open(calendar.source_enc)) as CalendarSource;
    const signal = AbortSignal.any([deps.stop, AbortSignal.timeout(config.timeoutMs)]);
    const options = { previous, window, signal, maxBytes: config.maxBytes, http: deps.http };
    const read = calendar.type === 'caldav' ? await readCalDav(source, options) : await readIcsFeed(source, options);
    if (!read.changed) return { ok: true, changed: false, validators: read.validators };
    const busy = busyTimes(read.documents, { window, zone: calendar.zone, ownerEmail: calendar.ownerEmail });
    return { ok: true, changed: true, busy, window, validators: read.validators };
  } catch (error) {
    // An address the operator does not allow will not become allowed by trying again soon.
    const refused = outboundRefusal(error);
    if (refused) return { ok: false, error: refused.message, permanent: true };
    return { ok: false, error: describeReadError(error, config.timeoutMs) };
  }
}
