// POST /availability/check-times: one {datetime, appointmentTypeID, calendarID?} or an array of
// them, each answered with `valid` and, when not valid, the `error` code and `reason` message that
// POST /appointments would give for it. A malformed entry fails the whole request, as a booking would.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../../../services/context.js';
import { checkTime } from '../../../services/scheduling/check-times.js';
import { fromDomain, acuityError, translating } from '../errors.js';
import { DomainError } from '../../../core/errors.js';
import { isBlank } from '../input.js';
import { addonIds, optionalCalendar, parseDatetimeOrFail, requireAppointmentType, requireDatetimeText } from '../params.js';
import { companyOf, companyZone } from '../request.js';
import { CheckTimeSchema, CheckedTimeSchema, doc } from '../schemas.js';

const MAX_CHECKS = 100;

export const checkTimesRoute: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.post('/availability/check-times', {
    schema: doc('Whether given times can be booked', {
      body: Type.Union([CheckTimeSchema, Type.Array(CheckTimeSchema)]), response: Type.Union([CheckedTimeSchema, Type.Array(CheckedTimeSchema)]),
    }),
  }, async (request) => {
    const companyId = companyOf(request);
    const body = request.body;
    const many = Array.isArray(body);
    const items = many ? body : [body];
    if (items.length > MAX_CHECKS) throw acuityError(400, 'bad_request', `At most ${MAX_CHECKS} times may be checked at once.`);
    const fallbackZone = await companyZone(services, companyId);
    const answers = [];
    for (const item of items) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw acuityError(400, 'bad_request', 'Expected a JSON object.');
      const entry = item as Record<string, unknown>;
      const type = await requireAppointmentType(services, companyId, entry.appointmentTypeID);
      const calendar = await optionalCalendar(services, companyId, entry.calendarID);
      const datetime = requireDatetimeText(entry.datetime);
      const start = parseDatetimeOrFail(datetime, calendar?.zone ?? fallbackZone);
      const base = { ...entry, datetime, appointmentTypeID: type.service.id, calendarID: calendar?.resource.id ?? null };
      if (calendar && type.service.type !== 'class' && !type.resourceIds.includes(calendar.resource.id)) {
        answers.push(unavailable(base, 'slot_unavailable', datetime));
        continue;
      }
      const result = await translating({ calendarID: entry.calendarID }, () => checkTime(services, companyId, {
        serviceKey: type.service.id, resourceKeys: calendar ? [calendar.resource.id] : undefined, start,
        addonKeys: isBlank(entry.addonIDs) ? undefined : addonIds(entry.addonIDs),
      }));
      answers.push(result.valid ? { ...base, calendarID: base.calendarID ?? result.resourceIds[0] ?? null, valid: true } : unavailable(base, result.code, datetime));
    }
    return many ? answers : answers[0];
  });
};

function unavailable(base: Record<string, unknown>, code: ConstructorParameters<typeof DomainError>[0], datetime: string) {
  const error = fromDomain(new DomainError(code), { datetime });
  return { ...base, valid: false, error: error.code, reason: error.message };
}
