// Seeds the shared workload into a store: the company, its 50 resources and service through the
// setup document, then the 8,725 bookings straight into the real tables (one transaction).
import { randomUUID } from 'node:crypto';
import { SecretBox } from '../../src/security/secrets.js';
import { createCompany } from '../../src/services/companies/create-company.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { Store } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import type { Workload } from './workload.js';

export async function seedWorkload(store: Store, w: Workload) {
  await migrate(store);
  const ctx: ServiceContext = { store, secrets: new SecretBox('bench'), now: () => w.now, random: Math.random };
  const company = await createCompany(ctx, {
    name: 'Bench', timezone: w.zone, settings: { maxDaysInAdvance: 365 },
    setup: {
      locations: [{ ref: 'main', name: 'Main', timezone: w.zone, primary: true }],
      resources: w.resources.map((r, i) => ({ ref: w.refs[i], name: w.refs[i], hours: r.hours as never })),
      services: [{ ref: 'svc', name: 'Visit', duration: w.rules.duration, interval: w.rules.interval, resources: w.refs, roundRobin: 'NONE' }],
    },
  });
  const R = company.refs;
  await store.db.transaction().execute(async (tx) => {
    for (const [i, r] of w.resources.entries()) {
      for (const a of r.appointments) {
        const { id } = await tx.insertInto('appointments').values({
          uid: randomUUID(), company_id: company.id, location_id: R.main.id, service_id: R.svc.id, customer_id: null, class_session_id: null,
          status: 'BK', confirmed: 0, start_at: a.start, end_at: a.end, padding_before: 0, padding_after: 0, expires_at: null,
          price_cents: 0, discount_cents: 0, addon_ids: '[]', label_ids: '[]', custom_fields: '{}', form_answers: '[]', notes: null,
          certificate: null, timezone: null, round_robin: 'NONE', round_robin_reason: null, rescheduled_from_id: null, rescheduled_to_id: null,
          cancel_note: null, no_show: 0, created_at: w.now, updated_at: w.now,
        }).returning('id').executeTakeFirstOrThrow();
        await tx.insertInto('appointment_resources').values({ appointment_id: id, resource_id: R[w.refs[i]].id, busy_start: a.start, busy_end: a.end, live: 1, exclusive: 1, expires_at: null }).execute();
      }
    }
  });
  return { ctx, company };
}
