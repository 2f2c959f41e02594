// Customers are found by id, else by email (case-insensitive, unique per company), else created.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { CustomerRow } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import type { Key } from '../lookup.js';
import { findOwned } from '../scheduling/load-setup.js';

export interface CustomerInput {
  id?: Key;
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  timezone?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const emailKey = (email: string | null | undefined): string | null => (email ? email.trim().toLowerCase() : null);
export const isEmail = (email: string): boolean => EMAIL.test(email.trim());

export async function findOrCreateCustomer(tx: Tx, companyId: number, input: CustomerInput, now: number): Promise<CustomerRow> {
  if (input.id !== undefined) return findOwned(tx, 'customers', companyId, input.id, 'Customer', 'Customer.id');
  const key = emailKey(input.email);
  if (key) {
    if (!isEmail(key)) throw new DomainError('invalid_input', { field: 'Customer.email', value: input.email, message: `Customer.email "${input.email}" is not an email address` });
    const existing = await byEmail(tx, companyId, key);
    if (existing) return existing;
  }
  return insertCustomer(tx, companyId, input, now, { onDuplicate: 'return-existing' });
}

async function byEmail(tx: Tx, companyId: number, key: string): Promise<CustomerRow | undefined> {
  return tx.selectFrom('customers').selectAll().where('company_id', '=', companyId).where('email_key', '=', key).executeTakeFirst();
}

/** Creates a customer; a duplicate email is either a conflict (the customer API) or the existing one (bookings). */
export async function insertCustomer(tx: Tx, companyId: number, input: CustomerInput, now: number,
  { onDuplicate }: { onDuplicate: 'conflict' | 'return-existing' }): Promise<CustomerRow> {
  const firstName = input.firstName?.trim();
  const lastName = input.lastName?.trim() ?? '';
  if (!firstName) throw new DomainError('invalid_input', { field: 'Customer.firstName', message: 'Customer.firstName is required' });
  const key = emailKey(input.email);
  if (key && !isEmail(key)) throw new DomainError('invalid_input', { field: 'Customer.email', value: input.email, message: `Customer.email "${input.email}" is not an email address` });
  const inserted = await tx.insertInto('customers').values({
    uid: randomUUID(), company_id: companyId, first_name: firstName, last_name: lastName, email: input.email?.trim() || null,
    email_key: key, phone: input.phone ?? null, timezone: input.timezone ?? null, notes: null, created_at: now,
  }).onConflict((oc) => oc.columns(['company_id', 'email_key']).doNothing()).returningAll().executeTakeFirst();
  if (inserted) return inserted;
  if (onDuplicate === 'conflict') throw new DomainError('duplicate_customer', { field: 'email', value: input.email, message: `A customer with email ${input.email} already exists.` });
  return (await byEmail(tx, companyId, key!))!;
}
