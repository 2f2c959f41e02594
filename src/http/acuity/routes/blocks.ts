// Blocks: time taken off a calendar. Times without an offset are read in the calendar's zone.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { companySettings, getCompany } from '../../../services/companies/get-company.js';
import type { ServiceContext } from '../../../services/context.js';
import { createBlock, deleteBlock, getBlock, listBlocks, type BlockView } from '../../../services/catalog/blocks.js';
import { listResources } from '../../../services/catalog/read-catalog.js';
import { acuityError, translating } from '../errors.js';
import { nextDayStart, parseDatetime, startOfDate } from '../format.js';
import { asId, asText, isBlank, objectBody, quote } from '../input.js';
import { optionalCalendar } from '../params.js';
import { single } from '../query.js';
import { renderBlock } from '../render-records.js';
import { companyOf, idempotencyOf, queryOf } from '../request.js';
import { BlockSchema, NewBlockSchema, doc } from '../schemas.js';

const IdParams = Type.Object({ id: Type.Integer() });
type WithId = { Params: { id: string } };

export const blockRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  const render = async (companyId: number, blocks: BlockView[]) => {
    const company = await getCompany(services.store.db, companyId);
    const zones = new Map((await listResources(services, companyId)).map((r) => [r.resource.id, r.zone]));
    const { timeFormat } = companySettings(company);
    return blocks.map((b) => renderBlock(b, (b.resource && zones.get(b.resource.id)) ?? company.timezone, timeFormat));
  };
  const blockId = (request: FastifyRequest<WithId>) => {
    const id = asId(request.params.id);
    if (id === null) throw acuityError(404, 'not_found', `The block "${request.params.id}" does not exist.`);
    return id;
  };

  app.get('/blocks', {
    schema: doc('Blocked-off time', {
      querystring: Type.Partial(Type.Object({ max: Type.Integer({ default: 100 }), minDate: Type.String(), maxDate: Type.String(), calendarID: Type.Integer() })),
      response: Type.Array(BlockSchema),
    }),
  }, async (request) => {
    const companyId = companyOf(request);
    const q = queryOf(request);
    const calendar = await optionalCalendar(services, companyId, single(q, 'calendarID'));
    const zone = calendar?.zone ?? (await getCompany(services.store.db, companyId)).timezone;
    const bound = (name: string, end: boolean) => {
      const text = single(q, name);
      if (text === undefined) return undefined;
      const day = startOfDate(text, zone);
      const at = day === null ? parseDatetime(text, zone) : end ? nextDayStart(day, zone) : day;
      if (at === null) throw acuityError(400, 'invalid_date', `The date "${text}" is invalid.`);
      return at;
    };
    const { items } = await listBlocks(services, companyId, {
      resourceKeys: calendar ? [calendar.resource.id] : undefined, from: bound('minDate', false), to: bound('maxDate', true),
      limit: Math.min(asId(single(q, 'max')) ?? 100, 10_000),
    });
    return render(companyId, items);
  });

  app.post('/blocks', { schema: doc('Block off time on a calendar', { body: NewBlockSchema, response: BlockSchema }) }, async (request) => {
    const companyId = companyOf(request);
    const body = objectBody(request.body);
    if (isBlank(body.calendarID)) throw acuityError(400, 'required_calendar_id', 'The parameter "calendarID" is required.');
    const calendar = (await optionalCalendar(services, companyId, body.calendarID))!;
    const instant = (name: 'start' | 'end') => {
      if (isBlank(body[name])) throw acuityError(400, `required_${name}`, `The parameter "${name}" is required.`);
      const at = parseDatetime(body[name], calendar.zone);
      if (at === null) throw acuityError(400, `invalid_${name}`, `The ${name} "${quote(body[name])}" is invalid.`);
      return at;
    };
    const start = instant('start');
    const end = instant('end');
    if (end <= start) throw acuityError(400, 'invalid_end', 'The end must be after the start.');
    const block = await translating({ calendarID: body.calendarID }, () => createBlock(services, companyId, {
      resourceKey: calendar.resource.id, start, end, notes: asText(body.notes) || null,
    }, idempotencyOf(request)));
    return (await render(companyId, [block]))[0];
  });

  app.get<WithId>('/blocks/:id', { schema: doc('One block', { params: IdParams, response: BlockSchema }) }, async (request) => {
    const companyId = companyOf(request);
    return (await render(companyId, [await translating({}, () => getBlock(services, companyId, blockId(request)))]))[0];
  });

  app.delete<WithId>('/blocks/:id', { schema: doc('Delete a block', { params: IdParams, response: Type.Null(), status: 204 }) }, async (request, reply) => {
    const companyId = companyOf(request);
    await translating({}, () => deleteBlock(services, companyId, blockId(request), idempotencyOf(request)));
    return reply.code(204).send();
  });
};
