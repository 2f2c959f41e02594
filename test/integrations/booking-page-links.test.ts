// Emails link to OpenSlot's own manage pages when the company's booking page is OpenSlot's.
import { describe, expect, it } from 'vitest';
import { manageLinks } from '../../src/integrations/email/wording.js';
import { SecretBox } from '../../src/security/secrets.js';
import { manageToken, openManageToken } from '../../src/services/booking-page/manage-token.js';

const uid = '0b6f3c1e-9d2a-4c57-8e1f-2a3b4c5d6e7f';
const ctx = { secrets: new SecretBox('k'), now: () => Date.parse('2027-01-01T00:00:00Z') };

describe('manage links in emails', () => {
  it('point at /book/manage/{token} on the OpenSlot page\'s origin, with a token that opens the appointment', () => {
    const token = manageToken(ctx, uid, Date.parse('2027-01-05T15:00:00Z'));
    const links = manageLinks('https://book.clinic.test/book/hudson', uid, token)!;
    expect(links.cancel).toBe(`https://book.clinic.test/book/manage/${token}/cancel`);
    expect(links.reschedule).toBe(`https://book.clinic.test/book/manage/${token}/reschedule`);
    const opened = openManageToken(ctx as never, new URL(links.cancel).pathname.split('/')[3]);
    expect(opened.appointmentUid).toBe(uid);
  });

  it('keep the query-style links for a booking page elsewhere', () => {
    expect(manageLinks('https://clinic.test/book', uid, 'tok')!.cancel).toBe(`https://clinic.test/book?appointment=${uid}&action=cancel`);
  });
});
