// The OnSched v3 surface (/v3). A surface parses, authenticates, calls a service, and renders.
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

export interface SurfaceOptions { services: ServiceContext }

export const onschedPlugin: FastifyPluginAsync<SurfaceOptions> = async () => {
  // Routes arrive with the surface's issue.
};
