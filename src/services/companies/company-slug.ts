// A company's public address on the booking page (/book/{slug}): chosen in the setup document, or
// derived from the name so every company has a readable one. A chosen slug that is taken is an
// error (the owner asked for that address); a derived one that is taken gets a short suffix.
import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../store/transaction.js';

/** "Dr. Müller's Clinic" → "dr-muller-s-clinic"; at most 50 characters; "company" when nothing is left. */
export function slugify(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'company';
}

/** Words the booking page uses in its own addresses (/book/manage/…, /book/api/…, /book/assets/…). */
const RESERVED = new Set(['manage', 'api', 'assets']);

const taken = async (tx: Tx, slug: string) =>
  (await tx.selectFrom('companies').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;

export async function chooseSlug(tx: Tx, requested: string | undefined, name: string, uid: string): Promise<string> {
  if (requested !== undefined) {
    if (RESERVED.has(requested)) throw new DomainError('invalid_input', { field: 'slug', value: requested, message: `The slug "${requested}" is reserved.` });
    if (await taken(tx, requested)) throw new DomainError('slug_taken', { field: 'slug', value: requested, message: `The slug "${requested}" is taken by another company.` });
    return requested;
  }
  const base = slugify(name);
  if (!RESERVED.has(base) && !(await taken(tx, base))) return base;
  return `${base}-${uid.slice(0, 8)}`;
}
