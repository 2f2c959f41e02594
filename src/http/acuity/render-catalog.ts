// Acuity's objects for what a company offers: appointment types, add-ons, calendars, forms, labels,
// and class sessions as /availability/classes lists them.
import { formatMoney, type TimeFormat } from '../../core/booking/index.js';
import type { AddonListing, FormListing, LabelRow, ResourceListing, ServiceListing } from '../../services/catalog/read-catalog.js';
import type { ScheduledClass } from '../../services/scheduling/class-schedule.js';
import { formatDatetime, formatTime } from './format.js';
import type { AcuityAddon, AcuityAppointmentType, AcuityCalendar, AcuityClass, AcuityForm } from './schemas.js';

export function renderAppointmentType({ service: s, resourceIds, addonIds, formIds }: ServiceListing): AcuityAppointmentType {
  return {
    id: s.id,
    active: s.deleted !== 1,
    name: s.name,
    description: s.description ?? '',
    duration: s.duration,
    price: formatMoney(s.price_cents),
    category: s.category ?? '',
    color: s.color ?? '',
    private: s.private === 1,
    type: s.type,
    classSize: s.type === 'class' ? s.capacity : null,
    paddingAfter: s.padding_after,
    paddingBefore: s.padding_before,
    calendarIDs: resourceIds,
    addonIDs: addonIds,
    formIDs: formIds,
    image: '',
    schedulingUrl: '',
  };
}

export const renderAddon = ({ addon: a, serviceIds }: AddonListing): AcuityAddon => ({
  // OpenSlot has no inactive add-ons (an add-on is removed by a new setup), so every one is active.
  id: a.id, name: a.name, duration: a.duration, price: formatMoney(a.price_cents), active: true, private: a.private === 1, appointmentTypeIDs: serviceIds,
});

export const renderCalendar = ({ resource: r, location, zone }: ResourceListing): AcuityCalendar => ({
  id: r.id, name: r.name, email: r.email ?? '', replyTo: r.email ?? '', description: r.description ?? '',
  location: location.address ?? location.name, timezone: zone, thumbnail: '', image: '',
});

export const renderForm = ({ form, fields, serviceIds }: FormListing): AcuityForm => ({
  id: form.id,
  name: form.name,
  description: form.description ?? '',
  hidden: form.hidden === 1,
  appointmentTypeIDs: serviceIds,
  fields: fields.map((f) => ({
    id: f.id, name: f.name, required: f.required === 1, type: f.type, options: f.options ? (JSON.parse(f.options) as string[]) : null, lines: null,
  })),
});

export const renderLabel = (l: LabelRow) => ({ id: l.id, name: l.name, color: l.color ?? '' });

export function renderClass(c: ScheduledClass, zone: string | undefined, timeFormat: TimeFormat, calendarZone: string): AcuityClass {
  const shown = zone ?? calendarZone;
  return {
    id: c.id,
    appointmentTypeID: c.service.id,
    calendarID: c.resource.id,
    name: c.name ?? c.service.name,
    description: c.service.description ?? '',
    color: c.service.color ?? '',
    price: formatMoney(c.service.price_cents),
    category: c.service.category ?? '',
    time: formatDatetime(c.start, shown),
    localeTime: formatTime(c.start, shown, timeFormat),
    calendar: c.resource.name,
    calendarTimezone: calendarZone,
    duration: Math.round((c.end - c.start) / 60_000),
    isSeries: false,
    slots: c.seats,
    slotsAvailable: c.seatsLeft,
  };
}
