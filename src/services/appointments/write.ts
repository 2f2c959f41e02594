// Writes the rows that say which resources an appointment occupies and when. `live` and
// `expires_at` are copied from the appointment so availability and PostgreSQL's exclusion
// constraint can work from this table alone.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { NewAppointment, ResourceRow, ServiceRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';

export interface Occupancy {
  resourceIds: number[];
  busyStart: number;
  busyEnd: number;
  expiresAt: number | null;
  /** One appointment at a time on these resources: the exclusion constraint applies. */
  exclusive: boolean;
}

/** Capacity one on every chosen resource: the case PostgreSQL's exclusion constraint guards. */
export const isExclusive = (service: ServiceRow, resources: ResourceRow[], chosen: number[]): boolean =>
  service.capacity <= 1 && resources.filter((r) => chosen.includes(r.id)).every((r) => r.capacity <= 1);

export async function insertAppointment(tx: Tx, values: Omit<NewAppointment, 'uid'>, occupancy: Occupancy): Promise<number> {
  const { id } = await tx.insertInto('appointments').values({ ...values, uid: randomUUID() }).returning('id').executeTakeFirstOrThrow();
  await occupy(tx, Number(id), occupancy);
  return Number(id);
}

export async function occupy(tx: Tx, appointmentId: number, o: Occupancy): Promise<void> {
  try {
    await tx.insertInto('appointment_resources').values(o.resourceIds.map((resource_id) => ({
      appointment_id: appointmentId, resource_id, busy_start: o.busyStart, busy_end: o.busyEnd, live: 1,
      exclusive: o.exclusive ? 1 : 0, expires_at: o.expiresAt,
    }))).execute();
  } catch (error) {
    // PostgreSQL's last line of defence fired: another transaction took the slot.
    if ((error as { code?: string }).code === '23P01') throw new DomainError('slot_unavailable');
    throw error;
  }
}

/** The appointment stops occupying its resources (cancelled, rescheduled away, deleted). */
export async function release(tx: Tx, appointmentId: number): Promise<void> {
  await tx.updateTable('appointment_resources').set({ live: 0 }).where('appointment_id', '=', appointmentId).execute();
}
