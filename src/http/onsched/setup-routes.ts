// The one pattern every setup object follows: GET /things (a page), POST /thing, and
// GET|PUT|DELETE /thing/{id}. Each object's file says only what differs.
import type { FastifyInstance } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import type { Page, PageRequest } from '../../services/catalog/list-page.js';
import type { Idempotency } from '../../services/run-action.js';
import { companyOf } from './auth.js';
import { idempotency, listOf, pageOf } from './request.js';
import { ErrorResponses, IdParams, ListOf, doc } from './schemas/common.js';

export interface SetupObject<Body, Query, View> {
  tag: string;
  /** e.g. "location": routes /location and /location/{id}. */
  one: string;
  /** e.g. "locations": the list route(s). */
  many: string[];
  body: TSchema;
  object: TSchema;
  filter: TSchema;
  create(companyId: number, body: Body, idempotency: Idempotency | undefined): Promise<View>;
  list(companyId: number, query: Query, page: PageRequest): Promise<Page<View>>;
  get(companyId: number, id: string): Promise<View>;
  update?(companyId: number, id: string, body: Body, idempotency: Idempotency | undefined): Promise<View>;
  remove(companyId: number, id: string, idempotency: Idempotency | undefined): Promise<View>;
  render(view: View): unknown;
}

export function setupRoutes<Body, Query extends { limit: number; page: number }, View>(app: FastifyInstance, o: SetupObject<Body, Query, View>): void {
  const one = { 200: o.object, ...ErrorResponses };
  for (const path of o.many) {
    app.get(`/${path}`, {
      schema: { ...doc(o.tag, `List ${o.many[0]}`), querystring: o.filter, response: { 200: ListOf(o.object), ...ErrorResponses } },
    }, async (request) => {
      // The schema validated the query (and filled in the paging defaults).
      const query = request.query as Query;
      const page = pageOf(query);
      const result = await o.list(companyOf(request), query, page);
      return listOf(page, { total: result.total, items: result.items.map(o.render) });
    });
  }
  app.post(`/${o.one}`, {
    schema: { ...doc(o.tag, `Create a ${o.one}`), body: o.body, response: one },
  }, async (request) => o.render(await o.create(companyOf(request), request.body as Body, idempotency(request))));

  app.get<{ Params: IdParams }>(`/${o.one}/:id`, {
    schema: { ...doc(o.tag, `One ${o.one}`), params: IdParams, response: one },
  }, async (request) => o.render(await o.get(companyOf(request), request.params.id)));

  const update = o.update;
  if (update) {
    app.put<{ Params: IdParams }>(`/${o.one}/:id`, {
      schema: { ...doc(o.tag, `Update a ${o.one} (only the fields sent change)`), params: IdParams, body: o.body, response: one },
    }, async (request) => o.render(await update(companyOf(request), request.params.id, request.body as Body, idempotency(request))));
  }

  app.delete<{ Params: IdParams }>(`/${o.one}/:id`, {
    schema: { ...doc(o.tag, `Delete a ${o.one}; returns what was deleted`), params: IdParams, response: one },
  }, async (request) => o.render(await o.remove(companyOf(request), request.params.id, idempotency(request))));
}
