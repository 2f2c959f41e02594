// What the account offers: appointment types, add-ons, calendars, forms and labels.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../../../services/context.js';
import { listAddons, listForms, listLabels, listResources, listServices } from '../../../services/catalog/read-catalog.js';
import { flag } from '../query.js';
import { companyOf, queryOf } from '../request.js';
import { renderAddon, renderAppointmentType, renderCalendar, renderForm, renderLabel } from '../render-catalog.js';
import { AddonSchema, AppointmentTypeSchema, CalendarSchema, FormSchema, LabelSchema, doc } from '../schemas.js';

export const catalogRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.get('/appointment-types', {
    schema: doc('Appointment types', { querystring: Type.Object({ includeDeleted: Type.Optional(Type.Boolean()) }), response: Type.Array(AppointmentTypeSchema) }),
  }, async (request) => {
    const types = await listServices(services, companyOf(request), { includeDeleted: flag(queryOf(request), 'includeDeleted') });
    return types.map(renderAppointmentType);
  });

  app.get('/appointment-addons', { schema: doc('Appointment add-ons', { response: Type.Array(AddonSchema) }) },
    async (request) => (await listAddons(services, companyOf(request))).map(renderAddon));

  app.get('/calendars', { schema: doc('Calendars', { response: Type.Array(CalendarSchema) }) },
    async (request) => (await listResources(services, companyOf(request))).map(renderCalendar));

  app.get('/forms', { schema: doc('Intake forms and their fields', { response: Type.Array(FormSchema) }) },
    async (request) => (await listForms(services, companyOf(request))).map(renderForm));

  app.get('/labels', { schema: doc('Appointment labels', { response: Type.Array(LabelSchema) }) },
    async (request) => (await listLabels(services, companyOf(request))).map(renderLabel));
};
