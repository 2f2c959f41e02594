// /admin/v1 is guarded by one bearer token, compared by hash in constant time.
import type { FastifyRequest } from 'fastify';
import { secretMatches } from '../../security/secrets.js';

export function hasAdminToken(request: FastifyRequest, tokenHash: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match !== null && secretMatches(match[1].trim(), tokenHash);
}
