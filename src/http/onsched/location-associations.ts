// Location associations: /v3/location/{id}/setAssociations (POST), addAssociations and
// removeAssociations (PUT), each with {ServiceIds?, ResourceIds?}, and GET …/associations (an
// OpenSlot extension to read them). Each answers {LocationId, ServiceIds, ResourceIds}: the services
// offered at the location and the resources working there, after the change.
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { changeAssociations, getAssociations, type Associations } from '../../services/catalog/location-associations.js';
import type { ServiceContext } from '../../services/context.js';
import { companyOf } from './auth.js';
import { idempotency } from './request.js';
import { ErrorResponses, IdParams, Uuid, doc } from './schemas/common.js';

const AssociationBody = Type.Object({
  ServiceIds: Type.Optional(Type.Array(Uuid, { description: 'Services to offer at the location' })),
  ResourceIds: Type.Optional(Type.Array(Uuid, { description: 'Resources to work at the location' })),
});
const AssociationView = Type.Object({ LocationId: Type.String(), ServiceIds: Type.Array(Type.String()), ResourceIds: Type.Array(Type.String()) });
const render = (a: Associations) => ({ LocationId: a.location.uid, ServiceIds: a.services, ResourceIds: a.resources });

const CHANGES = [
  ['post', 'setAssociations', 'set', 'Replace what the location offers: listed resources and LOCATION services move here; leaving out one that is here is refused'],
  ['put', 'addAssociations', 'add', 'Associate services and resources with the location (resources and LOCATION services move here)'],
  ['put', 'removeAssociations', 'remove', 'Take services and resources away from the location (refused for what is only here)'],
] as const;

export async function locationAssociationRoutes(app: FastifyInstance, services: ServiceContext): Promise<void> {
  const response = { 200: AssociationView, ...ErrorResponses };
  app.get<{ Params: IdParams }>('/location/:id/associations', {
    schema: { ...doc('locations', 'The services offered and the resources working at a location'), params: IdParams, response },
  }, async (request) => render(await getAssociations(services, companyOf(request), request.params.id)));
  for (const [method, path, change, summary] of CHANGES) {
    app[method]<{ Params: IdParams; Body: Static<typeof AssociationBody> }>(`/location/:id/${path}`, {
      schema: { ...doc('locations', summary), params: IdParams, body: AssociationBody, response },
    }, async (request) => render(await changeAssociations(services, companyOf(request), request.params.id, change,
      { serviceKeys: request.body.ServiceIds, resourceKeys: request.body.ResourceIds }, idempotency(request))));
  }
}
