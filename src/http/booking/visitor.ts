// Who is looking: their language (catalog and Intl locale), whether the page is inside an embed,
// and the query to carry on to the next page so both stay.
import type { FastifyRequest } from 'fastify';
import { isValidZone } from '../../core/time/zoned-days.js';
import { CATALOGS, LOCALES, pickLanguage, type Catalog } from './messages.js';

export interface Visitor { lang: string; cat: Catalog; locale: string; embed: boolean; keep: string; zone: string | null }

export function visitorOf(request: FastifyRequest): Visitor {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const lang = pickLanguage(query.lang, request.headers['accept-language']);
  const embed = query.embed === '1';
  const params = new URLSearchParams();
  if (typeof query.lang === 'string' && CATALOGS[query.lang]) params.set('lang', query.lang);
  if (embed) params.set('embed', '1');
  const keep = params.size ? `?${params}` : '';
  const zone = typeof query.tz === 'string' && query.tz.length < 64 && isValidZone(query.tz) ? query.tz : null;
  return { lang, cat: CATALOGS[lang], locale: LOCALES[lang], embed, keep, zone };
}
