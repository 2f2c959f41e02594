// An appointment with what its surfaces render: service, location, resources and customer.
import type { AppointmentStatus } from '../../core/types.js';
import type { AppointmentRow, CustomerRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { Key } from '../lookup.js';
import { findOwned } from '../scheduling/load-setup.js';
import { companySetup, type CompanySetup } from '../scheduling/setup-cache.js';

export interface AppointmentView {
  id: number; uid: string; companyId: number; status: AppointmentStatus; confirmed: boolean;
  start: number; end: number; expiresAt: number | null;
  service: { id: number; uid: string; name: string; type: string; duration: number; category: string | null; paddingBefore: number; paddingAfter: number };
  location: { id: number; uid: string; name: string; timezone: string; address: string | null };
  resources: Array<{ id: number; uid: string; name: string; timezone: string | null; email: string | null }>;
  customer: { id: number; uid: string; firstName: string; lastName: string; email: string | null; phone: string | null; timezone: string | null } | null;
  customFields: Record<string, unknown>;
  formAnswers: Array<{ fieldId: number; value: string }>;
  notes: string | null; priceCents: number; discountCents: number; addonIds: number[]; labelIds: number[];
  certificate: string | null; timezone: string | null; roundRobin: string | null; roundRobinReason: string | null;
  classSessionId: number | null; rescheduledFromId: number | null; rescheduledToId: number | null;
  cancelNote: string | null; noShow: boolean; createdAt: number; updatedAt: number;
  /** OnSched: the reason given at cancel, and free metadata (JSON text). */
  cancelReason: string | null; metadata: string | null;
}

export const customerView = (c: CustomerRow) => ({
  id: c.id, uid: c.uid, firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone, timezone: c.timezone,
});

export async function loadAppointmentView(tx: Tx, companyId: number, key: Key): Promise<AppointmentView> {
  const row = await findOwned(tx, 'appointments', companyId, key, 'Appointment', 'id');
  return (await viewsOf(tx, [row]))[0];
}

/** Views for many rows with one query per related table, not one per appointment. */
export async function viewsOf(tx: Tx, rows: AppointmentRow[]): Promise<AppointmentView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  // Services, locations and resources come from each company's setup cache (one stamp read each).
  const setups = new Map<number, CompanySetup>();
  for (const companyId of unique(rows.map((r) => r.company_id))) setups.set(companyId, await companySetup(tx, companyId));
  const customerIds = unique(rows.map((r) => r.customer_id).filter((id): id is number => id !== null));
  const customers = new Map(customerIds.length ? (await tx.selectFrom('customers').selectAll().where('id', 'in', customerIds).execute()).map((c) => [c.id, c]) : []);
  const links = await tx.selectFrom('appointment_resources').select(['appointment_id', 'resource_id'])
    .where('appointment_id', 'in', ids).orderBy('resource_id').execute();
  const companyOf = new Map(rows.map((r) => [r.id, r.company_id]));
  const resourcesOf = new Map<number, AppointmentView['resources']>();
  for (const { appointment_id, resource_id } of links) {
    const { id, uid, name, timezone, email } = setups.get(companyOf.get(appointment_id)!)!.resources.byId.get(resource_id)!;
    const list = resourcesOf.get(appointment_id) ?? [];
    list.push({ id, uid, name, timezone, email });
    resourcesOf.set(appointment_id, list);
  }
  return rows.map((r) => {
    const setup = setups.get(r.company_id)!;
    const s = setup.services.byId.get(r.service_id)!;
    const l = setup.locations.byId.get(r.location_id)!;
    const c = r.customer_id === null ? undefined : customers.get(r.customer_id);
    return {
      id: r.id, uid: r.uid, companyId: r.company_id, status: r.status as AppointmentStatus, confirmed: r.confirmed === 1,
      start: r.start_at, end: r.end_at, expiresAt: r.expires_at,
      service: { id: s.id, uid: s.uid, name: s.name, type: s.type, duration: s.duration, category: s.category, paddingBefore: s.padding_before, paddingAfter: s.padding_after },
      location: { id: l.id, uid: l.uid, name: l.name, timezone: l.timezone, address: l.address },
      resources: resourcesOf.get(r.id) ?? [],
      customer: c ? customerView(c) : null,
      customFields: JSON.parse(r.custom_fields), formAnswers: JSON.parse(r.form_answers),
      notes: r.notes, priceCents: r.price_cents, discountCents: r.discount_cents,
      addonIds: JSON.parse(r.addon_ids), labelIds: JSON.parse(r.label_ids), certificate: r.certificate, timezone: r.timezone,
      roundRobin: r.round_robin, roundRobinReason: r.round_robin_reason, classSessionId: r.class_session_id,
      rescheduledFromId: r.rescheduled_from_id, rescheduledToId: r.rescheduled_to_id, cancelNote: r.cancel_note, cancelReason: r.cancel_reason, metadata: r.metadata,
      noShow: r.no_show === 1, createdAt: r.created_at, updatedAt: r.updated_at,
    };
  });
}
