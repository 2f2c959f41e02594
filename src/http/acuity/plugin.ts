// The Acuity v1 surface (/api/v1). A surface parses, authenticates, calls a service, and renders.
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

export interface SurfaceOptions { services: ServiceContext }

export const acuityPlugin: FastifyPluginAsync<SurfaceOptions> = async () => {
  // Routes arrive with the surface's issue.
};
