// Sending one email: over SMTP when SMTP_URL is set, otherwise written to the log (and the
// delivery recorded as "logged"), so a server without mail set up still shows what it would send.
import nodemailer from 'nodemailer';
import type { SendOutcome } from '../send-outcome.js';
import type { EmailMessage } from './compose.js';

export interface Mailer {
  send(message: EmailMessage): Promise<SendOutcome>;
  close(): void;
}

export interface LogSink { info(obj: object, msg: string): void }

export function createMailer(smtpUrl: string | null, timeoutMs: number, log: LogSink): Mailer {
  if (!smtpUrl) {
    return {
      send: async (m) => {
        log.info({ to: m.to, subject: m.subject, text: m.text }, 'email not sent (no SMTP_URL): logged instead');
        return { ok: true, status: 'logged', detail: 'SMTP_URL is not set' };
      },
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  return {
    send: async (m) => {
      try {
        const info = await transport.sendMail({
          from: m.from, to: m.to, subject: m.subject, text: m.text, html: m.html,
          // An alternative part "text/calendar; method=…" is what mail clients recognise as an invitation.
          ...(m.ical ? { icalEvent: { method: m.ical.method, content: m.ical.content, filename: 'invite.ics' } } : {}),
        });
        return { ok: true, status: 'delivered', detail: String(info.response ?? info.messageId) };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // SMTP 5xx replies are permanent by RFC 5321 (no such mailbox, rejected): retrying cannot help.
        return { ok: false, error: (error as Error).message, permanent: typeof code === 'number' && code >= 500 };
      }
    },
    close: () => transport.close(),
  };
}
