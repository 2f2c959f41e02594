// Instants as v1 writes them: local to the location (or the zone the client asked for), with the
// offset, plus the date, the military time and the offset in minutes that v1 models carry alongside.
import { DateTime } from 'luxon';

export function localParts(ms: number, zone: string) {
  const t = DateTime.fromMillis(ms, { zone });
  return {
    dateTime: t.toISO({ suppressMilliseconds: true })!,
    date: t.toISODate()!,
    time: t.hour * 100 + t.minute,
    offset: t.offset,
    display: t.toFormat('h:mm a'),
  };
}

export const utcIso = (ms: number): string => new Date(ms).toISOString();
