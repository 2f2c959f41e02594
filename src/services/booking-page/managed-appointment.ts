// The appointment a manage link points at, with what the page may offer: the company's client
// rules (canClientCancel, canClientReschedule, their minimum notice) applied as of now.
import { canClientCancel, canClientReschedule } from '../../core/booking/index.js';
import { DomainError } from '../../core/errors.js';
import type { CompanyRow } from '../../store/schema.js';
import { loadAppointmentView, type AppointmentView } from '../appointments/view.js';
import { companySettings } from '../companies/get-company.js';
import type { ServiceContext } from '../context.js';
import { openManageToken } from './manage-token.js';

export interface ManagedAppointment { company: CompanyRow; appointment: AppointmentView; canCancel: boolean; canReschedule: boolean }

export async function loadManagedAppointment(ctx: ServiceContext, token: string): Promise<ManagedAppointment> {
  const { appointmentUid } = openManageToken(ctx, token);
  const db = ctx.store.db;
  const row = await db.selectFrom('appointments').select(['id', 'company_id']).where('uid', '=', appointmentUid).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { field: 'token', message: 'This appointment no longer exists.' });
  const company = await db.selectFrom('companies').selectAll().where('id', '=', row.company_id).executeTakeFirstOrThrow();
  const appointment = await loadAppointmentView(db, company.id, row.id);
  const settings = companySettings(company);
  const now = ctx.now();
  const live = appointment.status === 'BK' || appointment.status === 'RS';
  return {
    company, appointment,
    canCancel: live && canClientCancel(settings, appointment.start, now),
    canReschedule: live && appointment.service.type !== 'class'
      && canClientReschedule(settings, { start: appointment.start, status: appointment.status, isClassSeries: false }, now),
  };
}
