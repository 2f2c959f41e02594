// The booking page's Content-Security-Policy: its own scripts, styles and requests only, and framed
// only by itself and the sites the company allows (frame-ancestors; X-Frame-Options cannot list sites).
import type { CompanyRow } from '../../store/schema.js';

const BASE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
  + "base-uri 'none'; form-action 'self'; object-src 'none'";

export function frameAncestors(company: CompanyRow | null): string {
  const sites = company ? (JSON.parse(company.embed_sites) as string[]) : [];
  return `${BASE}; frame-ancestors 'self'${sites.map((s) => ` ${s}`).join('')}`;
}
