// Products and orders, read-only as on Acuity.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { getOrder, listOrders } from '../../../services/commerce/orders.js';
import { listProducts } from '../../../services/commerce/products.js';
import type { ServiceContext } from '../../../services/context.js';
import { acuityError, translating } from '../errors.js';
import { nextDayStart, startOfDate } from '../format.js';
import { asId } from '../input.js';
import { single } from '../query.js';
import { renderOrder, renderProduct } from '../render-records.js';
import { companyOf, companyZone, queryOf } from '../request.js';
import { OrderSchema, ProductSchema, doc } from '../schemas.js';

export const commerceRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.get('/products', { schema: doc('Products for sale', { response: Type.Array(ProductSchema) }) },
    async (request) => (await listProducts(services, companyOf(request))).map(renderProduct));

  app.get('/orders', {
    schema: doc('Orders, newest first', {
      querystring: Type.Partial(Type.Object({ max: Type.Integer({ default: 100 }), minDate: Type.String(), maxDate: Type.String(), email: Type.String() })),
      response: Type.Array(OrderSchema),
    }),
  }, async (request) => {
    const companyId = companyOf(request);
    const q = queryOf(request);
    const zone = await companyZone(services, companyId);
    const day = (name: string) => {
      const text = single(q, name);
      if (text === undefined) return undefined;
      const start = startOfDate(text, zone);
      if (start === null) throw acuityError(400, 'invalid_date', `The date "${text}" is invalid.`);
      return start;
    };
    const from = day('minDate');
    const last = day('maxDate');
    const orders = await listOrders(services, companyId, {
      limit: Math.min(asId(single(q, 'max')) ?? 100, 10_000), from, to: last === undefined ? undefined : nextDayStart(last, zone), email: single(q, 'email'),
    });
    return orders.map((o) => renderOrder(o, zone));
  });

  app.get<{ Params: { id: string } }>('/orders/:id', {
    schema: doc('One order', { params: Type.Object({ id: Type.Integer() }), response: OrderSchema }),
  }, async (request) => {
    const companyId = companyOf(request);
    const id = asId(request.params.id);
    if (id === null) throw acuityError(404, 'not_found', `The order "${request.params.id}" does not exist.`);
    return renderOrder(await translating({}, () => getOrder(services, companyId, id)), await companyZone(services, companyId));
  });
};
