// The server builds one OpenAPI document (@fastify/swagger, shown at /docs); each surface also
// serves the part under its own prefix, so a vendor-API user gets a document of just that API.
import type { FastifyInstance } from 'fastify';

type OpenApiDocument = {
  paths?: Record<string, Record<string, { tags?: string[] }>>;
  tags?: Array<{ name: string }>;
  [key: string]: unknown;
};

/** The paths of `document` under `prefix` (and the tags they use), with `extra` merged on top. */
export function openApiForPrefix(document: unknown, prefix: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const doc = document as OpenApiDocument;
  const paths = Object.fromEntries(Object.entries(doc.paths ?? {}).filter(([path]) => path === prefix || path.startsWith(`${prefix}/`)));
  const used = new Set(Object.values(paths).flatMap((operations) => Object.values(operations).flatMap((op) => op?.tags ?? [])));
  const tags = (doc.tags ?? []).filter((t) => used.has(t.name));
  return { ...doc, paths, ...(doc.tags ? { tags } : {}), ...extra };
}

/** Registers GET `url` answering the prefix's document (requires @fastify/swagger on the root). */
export function serveOpenApiForPrefix(app: FastifyInstance, url: string, prefix: string, extra: () => Record<string, unknown> = () => ({})): void {
  app.get(url, { schema: { hide: true } }, async () => openApiForPrefix(app.swagger(), prefix, extra()));
}
