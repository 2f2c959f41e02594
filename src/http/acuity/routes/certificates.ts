// Certificates: packages and coupon codes. Listing, issuing (from a package product or a coupon),
// deleting, and checking a code against an appointment type as a booking would.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { isDomainError } from '../../../core/errors.js';
import { checkCertificateCode, deleteCertificate, issueCertificate, listCertificates } from '../../../services/certificates/certificates.js';
import type { ServiceContext } from '../../../services/context.js';
import { acuityError, fromDomain, translating } from '../errors.js';
import { asId, asText, isBlank, isEmail, objectBody, quote } from '../input.js';
import { requireAppointmentType } from '../params.js';
import { single } from '../query.js';
import { certificateKey, renderCertificate } from '../render-records.js';
import { companyOf, companyZone, idempotencyOf, queryOf } from '../request.js';
import { CertificateSchema, NewCertificateSchema, doc } from '../schemas.js';

type WithId = { Params: { id: string } };

export const certificateRoutes: FastifyPluginAsync<{ services: ServiceContext }> = async (app, { services }) => {
  app.get('/certificates', {
    schema: doc('Package certificates and coupon codes', {
      querystring: Type.Partial(Type.Object({ productID: Type.Integer(), orderID: Type.Integer(), appointmentTypeID: Type.Integer(), email: Type.String() })),
      response: Type.Array(CertificateSchema),
    }),
  }, async (request) => {
    const companyId = companyOf(request);
    const q = queryOf(request);
    const id = (name: string) => (single(q, name) === undefined ? undefined : asId(single(q, name)) ?? -1);
    const certificates = await listCertificates(services, companyId, {
      productId: id('productID'), orderId: id('orderID'), serviceId: id('appointmentTypeID'), email: single(q, 'email'),
    });
    const zone = await companyZone(services, companyId);
    return certificates.map((c) => renderCertificate(c, zone));
  });

  app.get('/certificates/check', {
    schema: doc('Check a certificate code for an appointment type', {
      querystring: Type.Object({ certificate: Type.String(), appointmentTypeID: Type.Integer(), email: Type.Optional(Type.String()) }),
      response: CertificateSchema,
    }),
  }, async (request) => {
    const companyId = companyOf(request);
    const q = queryOf(request);
    const code = single(q, 'certificate');
    if (code === undefined) throw acuityError(400, 'required_certificate', 'The parameter "certificate" is required.');
    const type = await requireAppointmentType(services, companyId, single(q, 'appointmentTypeID'));
    const found = await translating({}, () => checkCertificateCode(services, companyId, { code, serviceKey: type.service.id, email: single(q, 'email') }));
    return renderCertificate(found, await companyZone(services, companyId));
  });

  app.post('/certificates', {
    schema: doc('Issue a certificate from a package product or a coupon', { body: NewCertificateSchema, response: CertificateSchema }),
  }, async (request) => {
    const companyId = companyOf(request);
    const body = objectBody(request.body);
    const productId = isBlank(body.productID) ? undefined : asId(body.productID) ?? -1;
    const couponId = isBlank(body.couponID) ? undefined : asId(body.couponID) ?? -1;
    if (productId === undefined && couponId === undefined) throw acuityError(400, 'required_product_id', 'The parameter "productID" or "couponID" is required.');
    if (productId !== undefined && couponId !== undefined) throw acuityError(400, 'bad_request', 'Give either "productID" or "couponID", not both.');
    const email = asText(body.email) || null;
    if (email !== null && !isEmail(email)) throw acuityError(400, 'invalid_email', 'Invalid "email" attribute value.');
    try {
      const issued = await issueCertificate(services, companyId, {
        productKey: productId, couponKey: couponId, code: isBlank(body.certificate) ? undefined : asText(body.certificate), email,
      }, idempotencyOf(request));
      return renderCertificate(issued, await companyZone(services, companyId));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.field === 'productID') throw acuityError(400, 'invalid_product', error.code === 'not_found' ? `The product "${quote(body.productID)}" does not exist.` : error.message);
      if (error.field === 'couponID') throw acuityError(400, 'invalid_coupon', `The coupon "${quote(body.couponID)}" does not exist.`);
      if (error.field === 'certificate') throw acuityError(400, 'invalid_certificate', error.message);
      throw fromDomain(error);
    }
  });

  app.delete<WithId>('/certificates/:id', {
    schema: doc('Delete a certificate', { params: Type.Object({ id: Type.Integer() }), response: Type.Null(), status: 204 }),
  }, async (request, reply) => {
    const companyId = companyOf(request);
    const id = asId(request.params.id);
    if (id === null) throw acuityError(404, 'not_found', `The certificate "${request.params.id}" does not exist.`);
    await translating({}, () => deleteCertificate(services, companyId, certificateKey(id), idempotencyOf(request)));
    return reply.code(204).send();
  });
};
