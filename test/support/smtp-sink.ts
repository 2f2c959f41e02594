// A real SMTP server for the tests (smtp-server, no TLS, no auth) that keeps every message it
// receives, with small helpers to read the MIME parts and the iCalendar invitation.
import { SMTPServer } from 'smtp-server';
import ICAL from 'ical.js';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail { to: string[]; from: string; raw: string }

export interface SmtpSink { url: string; mails: ReceivedMail[]; to(address: string): ReceivedMail[]; close(): Promise<void> }

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  // A sender killed mid-message (the SIGKILL tests) resets its connection: expected, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((m) => m.to.includes(address.toLowerCase())),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface MimePart { headers: Record<string, string>; body: string }

/** The leaf parts of a MIME message, bodies decoded (base64, quoted-printable or as is). */
export function mimeParts(raw: string): MimePart[] {
  const split = raw.search(/\r?\n\r?\n/);
  const headerText = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    return body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--')).flatMap((p) => mimeParts(p.replace(/^\r?\n/, '')));
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const decoded = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
    : body;
  return [{ headers, body: decoded }];
}

export function headerOf(raw: string, name: string): string | undefined {
  return mimeParts(raw.split(/\r?\n\r?\n/)[0] + '\r\n\r\n')[0].headers[name.toLowerCase()];
}

/** The invitation of a mail, parsed with ical.js (a full iCalendar parser): METHOD, UID, SEQUENCE, times. */
export function invitationOf(mail: ReceivedMail) {
  const part = mimeParts(mail.raw).find((p) => /^text\/calendar/i.test(p.headers['content-type'] ?? ''));
  if (!part) return null;
  const calendar = new ICAL.Component(ICAL.parse(part.body));
  const event = calendar.getFirstSubcomponent('vevent')!;
  const time = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate().getTime();
  return {
    contentType: part.headers['content-type'],
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    start: time('dtstart'),
    end: time('dtend'),
    summary: String(event.getFirstPropertyValue('summary')),
  };
}

export const textOf = (mail: ReceivedMail) => mimeParts(mail.raw).find((p) => /^text\/plain/i.test(p.headers['content-type'] ?? ''))?.body ?? '';
