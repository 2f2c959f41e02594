// A calendar that could not be read. The message is recorded on the calendar and shown through
// the admin API, so it says what went wrong in a line and never echoes credentials or feed content.
export class CalendarReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarReadError';
  }
}

/** A short, safe description of anything a read threw. */
export function describeReadError(error: unknown, timeoutMs: number): string {
  if (error instanceof CalendarReadError) return error.message;
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `No answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `${e?.message ?? String(error)}${cause ? ` (${cause})` : ''}`.slice(0, 300);
}
