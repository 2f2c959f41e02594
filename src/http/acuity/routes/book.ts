// POST /appointments, exactly as Acuity documents it: a client booking by default (availability,
// notice, window, required fields, certificate all checked), or `admin=true`, which skips
// availability and required fields, allows notes and private add-ons, and books on the calendar
// given. Problems are reported in the order of Acuity's error table.
import type { FastifyPluginAsync } from 'fastify';
import { createAppointment } from '../../../services/appointments/create-appointment.js';
import type { ServiceContext } from '../../../services/context.js';
import { checkTime } from '../../../services/scheduling/check-times.js';
import { serviceLocationKey } from '../../../services/catalog/read-catalog.js';
import { acuityError, notAvailable, translating } from '../errors.js';
import { asText, isEmail, objectBody, quote } from '../input.js';
import { addonIds, fieldAnswers, labelIds, optionalCalendar, optionalTimezone, parseDatetimeOrFail, requireAppointmentType, requireDatetimeText } from '../params.js';
import { flag } from '../query.js';
import { appointmentRendering, renderAppointment } from '../render-appointment.js';
import { companyOf, companyZone, idempotencyOf, queryOf, pageOrigin } from '../request.js';
import { AppointmentSchema, NewAppointmentSchema, doc } from '../schemas.js';
import { Type } from '@sinclair/typebox';

const BookingQuery = Type.Object({
  admin: Type.Optional(Type.Boolean({ description: 'Book as an admin: no availability or required-field checks; notes allowed' })),
  noEmail: Type.Optional(Type.Boolean({ description: 'Send no confirmation email or SMS' })),
});

export const bookingRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.post('/appointments', {
    schema: doc('Book an appointment', { querystring: BookingQuery, body: NewAppointmentSchema, response: AppointmentSchema }),
  }, async (request) => {
    const companyId = companyOf(request);
    const query = queryOf(request);
    const admin = flag(query, 'admin');
    const body = objectBody(request.body);

    const firstName = asText(body.firstName);
    if (!firstName) throw acuityError(400, 'required_first_name', 'Attribute "firstName" is required.');
    const lastName = asText(body.lastName);
    if (!lastName) throw acuityError(400, 'required_last_name', 'Attribute "lastName" is required.');
    const email = asText(body.email);
    if (!email && !admin) throw acuityError(400, 'required_email', 'Attribute "email" is required.');
    if (email && !isEmail(email)) throw acuityError(400, 'invalid_email', 'Invalid "email" attribute value.');

    const type = await requireAppointmentType(services, companyId, body.appointmentTypeID);
    const calendar = await optionalCalendar(services, companyId, body.calendarID);
    const datetime = requireDatetimeText(body.datetime);
    const timezone = optionalTimezone(body.timezone);
    const start = parseDatetimeOrFail(datetime, calendar?.zone ?? await companyZone(services, companyId));
    const addons = addonIds(body.addonIDs);
    const answers = fieldAnswers(body.fields);
    const labels = labelIds(body.labels);
    const quoted = { datetime, appointmentTypeID: body.appointmentTypeID, calendarID: body.calendarID };

    const isClass = type.service.type === 'class';
    if (calendar && !isClass && !type.resourceIds.includes(calendar.resource.id)) {
      // The calendar exists but does not offer this type: no time of it is available for a client.
      if (!admin) throw notAvailable(datetime);
      throw acuityError(400, 'invalid_calendar', `The calendar "${quote(body.calendarID)}" does not offer appointment type "${type.service.id}".`);
    }
    let resourceKeys = calendar ? [calendar.resource.id] : undefined;
    if (admin && !calendar && !isClass) {
      // An admin booking lands on a real calendar: the one given, else one that is free at that time.
      const check = await translating(quoted, () => checkTime(services, companyId, { serviceKey: type.service.id, start, addonKeys: addons, admin }));
      if (!check.valid) throw acuityError(400, 'no_available_calendar', 'We could not find an available calendar.');
      resourceKeys = check.resourceIds;
    }

    const view = await translating(quoted, () => createAppointment(services, companyId, {
      serviceKey: type.service.id, locationKey: serviceLocationKey(type.service), resourceKeys, start, addonKeys: addons, answers, labelKeys: labels, timezone,
      customer: { firstName, lastName, email: email || null, phone: asText(body.phone) || null, timezone },
      certificate: asText(body.certificate) || undefined,
      notes: admin ? asText(body.notes) || undefined : undefined,
    }, { status: 'BK', admin, onGrid: true, noEmail: flag(query, 'noEmail'), idempotency: idempotencyOf(request) }));
    return renderAppointment(view, await appointmentRendering(services, companyId, [view], pageOrigin(request)));
  });
};
