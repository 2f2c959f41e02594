// The Acuity appointment object. `datetime` is in the calendar's zone; `date`, `time` and `endTime`
// are in the client's zone (else the calendar's), shown per the account's 12h/24h setting. Money
// and duration are strings; `labels` is null when there are none; `noShow` only on canceled ones.
import { canClientCancel, canClientReschedule, formatMoney, type CompanySettings } from '../../core/booking/index.js';
import type { AppointmentView } from '../../services/appointments/view.js';
import { companySettings, getCompany } from '../../services/companies/get-company.js';
import type { ServiceContext } from '../../services/context.js';
import { listForms, listLabels, type FormListing, type LabelRow } from '../../services/catalog/read-catalog.js';
import { manageToken } from '../../services/booking-page/manage-token.js';
import { formatDate, formatDatetime, formatTime } from './format.js';
import { formsText } from './forms-text.js';
import type { AcuityAppointment } from './schemas.js';

export interface AppointmentRendering {
  settings: CompanySettings;
  now: number;
  labels: Map<number, LabelRow>;
  formsByService: Map<number, FormListing[]>;
  /** The booking page's manage link for an appointment ('' without an origin to put in front of it). */
  confirmationPage: (v: AppointmentView) => string;
}

/** What rendering these appointments needs beyond the views themselves, loaded once. */
export async function appointmentRendering(services: ServiceContext, companyId: number, views: AppointmentView[], origin?: string): Promise<AppointmentRendering> {
  const settings = companySettings(await getCompany(services.store.db, companyId));
  const labels = new Map((await listLabels(services, companyId)).map((l) => [l.id, l]));
  const serviceIds = [...new Set(views.map((v) => v.service.id))];
  const forms = await listForms(services, companyId, { serviceIds });
  const formsByService = new Map(serviceIds.map((id) => [id, forms.filter((f) => f.serviceIds.includes(id))]));
  const confirmationPage = (v: AppointmentView) => (origin ? `${origin}/book/manage/${manageToken(services, v.uid, v.end)}` : '');
  return { settings, now: services.now(), labels, formsByService, confirmationPage };
}

export const calendarZone = (v: AppointmentView): string => v.resources[0]?.timezone ?? v.location.timezone;

export function renderAppointment(v: AppointmentView, r: AppointmentRendering, opts: { excludeForms?: boolean } = {}): AcuityAppointment {
  const calendarTimezone = calendarZone(v);
  const timezone = v.timezone ?? v.customer?.timezone ?? calendarTimezone;
  const canceled = v.status === 'CN';
  const fullPrice = v.priceCents + v.discountCents;
  const labels = v.labelIds.map((id) => r.labels.get(id)).filter((l) => l !== undefined).map((l) => ({ id: l.id, name: l.name, color: l.color ?? '' }));
  const forms = renderForms(v, r.formsByService.get(v.service.id) ?? []);
  const toClient = { start: v.start, status: v.status, isClassSeries: false };
  const customer = { firstName: v.customer?.firstName ?? '', lastName: v.customer?.lastName ?? '', phone: v.customer?.phone ?? '', email: v.customer?.email ?? '' };
  const location = v.location.address ?? '';
  return {
    id: v.id,
    firstName: v.customer?.firstName ?? '',
    lastName: v.customer?.lastName ?? '',
    phone: v.customer?.phone ?? '',
    email: v.customer?.email ?? '',
    date: formatDate(v.start, timezone),
    time: formatTime(v.start, timezone, r.settings.timeFormat),
    endTime: formatTime(v.end, timezone, r.settings.timeFormat),
    dateCreated: formatDate(v.createdAt, calendarTimezone),
    datetimeCreated: formatDatetime(v.createdAt, calendarTimezone),
    datetime: formatDatetime(v.start, calendarTimezone),
    price: formatMoney(fullPrice),
    priceSold: formatMoney(v.priceCents),
    // Nothing is charged through the API; a package pays in full, so its appointments are paid.
    paid: v.priceCents === 0 && fullPrice > 0 ? 'yes' : 'no',
    amountPaid: '0.00',
    type: v.service.name,
    appointmentTypeID: v.service.id,
    classID: v.classSessionId,
    addonIDs: v.addonIds,
    category: v.service.category ?? '',
    duration: String(Math.round((v.end - v.start) / 60_000)),
    calendar: v.resources[0]?.name ?? '',
    // Acuity always names the calendar; every booking has a resource, so 0 only marks broken data.
    calendarID: v.resources[0]?.id ?? 0,
    certificate: v.certificate,
    confirmationPage: r.confirmationPage(v),
    location,
    notes: v.notes ?? '',
    timezone,
    calendarTimezone,
    canceled,
    canClientCancel: !canceled && canClientCancel(r.settings, v.start, r.now),
    canClientReschedule: v.service.type !== 'class' && canClientReschedule(r.settings, toClient, r.now),
    labels: labels.length ? labels : null,
    ...(opts.excludeForms ? {} : { forms, formsText: formsText({ ...customer, price: formatMoney(fullPrice), location, forms }) }),
    ...(canceled ? { noShow: v.noShow } : {}),
  };
}

/**
 * Every field of the type's forms, answered or not. An answer has its own id, distinct from its
 * field's (`fieldID`): answers are stored with their appointment, so the id is derived from the
 * pair, appointment id × 2^20 + field id, which is stable, unique while field ids stay below 2^20,
 * and never equal to any field id.
 */
function renderForms(v: AppointmentView, forms: FormListing[]) {
  const answers = new Map(v.formAnswers.map((a) => [a.fieldId, a.value]));
  return forms.map(({ form, fields }) => ({
    id: form.id,
    name: form.name,
    values: fields.map((f) => ({ id: answerId(v.id, f.id), fieldID: f.id, value: answers.get(f.id) ?? '', name: f.name })),
  }));
}

export const answerId = (appointmentId: number, fieldId: number): number => appointmentId * 2 ** 20 + fieldId;
