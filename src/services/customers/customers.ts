// Customers as their own API manages them: the email is unique per company (a duplicate is a
// conflict, unlike bookings, which reuse the customer with that email). Deleting a customer hides
// it and frees its email; its appointments keep pointing at it.
import type { Updateable } from 'kysely';
import { DomainError } from '../../core/errors.js';
import type { CustomerRow, CustomerTable } from '../../store/schema.js';
import type { Tx } from '../../store/transaction.js';
import { invalid, requireName } from '../catalog/checks.js';
import type { Page, PageRequest } from '../catalog/list-page.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';
import { checkZone } from '../setup/checks.js';
import { mergeCustomerFields, parseCustomerFields } from './customer-fields.js';
import { emailKey, insertCustomer, isEmail } from './find-or-create-customer.js';

export interface CustomerFields {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  timezone?: string | null;
  notes?: string | null;
  /** OnSched's CustomFields (name → text): merged into the customer's (customer-fields.ts). */
  customFields?: Record<string, string>;
}

export interface CustomerRecord {
  id: number; uid: string; firstName: string; lastName: string; email: string | null; phone: string | null;
  timezone: string | null; notes: string | null; customFields: Record<string, string>; createdAt: number;
}

export const customerRecord = (c: CustomerRow): CustomerRecord => ({
  id: c.id, uid: c.uid, firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone,
  timezone: c.timezone, notes: c.notes, customFields: parseCustomerFields(c.custom_fields), createdAt: c.created_at,
});

function checkEmailField(email: string | null | undefined): void {
  if (email && !isEmail(email)) throw invalid('email', `email "${email}" is not an email address`, email);
}

export async function createCustomer(ctx: ServiceContext, companyId: number, input: CustomerFields, idempotency?: Idempotency): Promise<CustomerRecord> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    requireName(input.firstName, 'firstName');
    checkEmailField(input.email);
    checkZone(input.timezone ?? undefined, 'timezone');
    const row = await insertCustomer(tx, companyId, input, ctx.now(), { onDuplicate: 'conflict' });
    const custom_fields = mergeCustomerFields({}, input.customFields ?? {}, 'CustomFields');
    if (input.notes || custom_fields) await tx.updateTable('customers').set({ notes: input.notes ?? null, custom_fields }).where('id', '=', row.id).execute();
    return customerRecord({ ...row, notes: input.notes ?? null, custom_fields });
  });
}

export async function getCustomer(ctx: ServiceContext, companyId: number, key: Key): Promise<CustomerRecord> {
  return customerRecord(await findOwned(ctx.store.db, 'customers', companyId, key, 'Customer', 'id'));
}

export async function listCustomers(ctx: ServiceContext, companyId: number, filter: { email?: string }, page: PageRequest): Promise<Page<CustomerRecord>> {
  let query = ctx.store.db.selectFrom('customers').where('company_id', '=', companyId).where('deleted', '=', 0);
  if (filter.email !== undefined) query = query.where('email_key', '=', emailKey(filter.email));
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total: Number(n), items: rows.map(customerRecord) };
}

export async function updateCustomer(ctx: ServiceContext, companyId: number, key: Key, input: CustomerFields, idempotency?: Idempotency): Promise<CustomerRecord> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findOwned(tx, 'customers', companyId, key, 'Customer', 'id');
    const set: Updateable<CustomerTable> = {};
    if (input.firstName !== undefined) set.first_name = requireName(input.firstName, 'firstName');
    if (input.lastName !== undefined) set.last_name = input.lastName.trim();
    if (input.phone !== undefined) set.phone = input.phone;
    if (input.notes !== undefined) set.notes = input.notes;
    if (input.customFields !== undefined) set.custom_fields = mergeCustomerFields(customerRecord(row).customFields, input.customFields, 'CustomFields');
    if (input.timezone !== undefined) set.timezone = input.timezone === null ? null : checkZone(input.timezone, 'timezone')!;
    if (input.email !== undefined) {
      checkEmailField(input.email);
      set.email = input.email?.trim() || null;
      set.email_key = emailKey(input.email);
      if (set.email_key && set.email_key !== row.email_key) await refuseTakenEmail(tx, companyId, set.email_key, input.email!);
    }
    if (Object.keys(set).length) {
      try {
        await tx.updateTable('customers').set(set).where('id', '=', row.id).execute();
      } catch (error) {
        // A concurrent update took the email between the check and the write.
        if (isUniqueViolation(error)) throw duplicate(input.email!);
        throw error;
      }
    }
    return customerRecord(await findOwned(tx, 'customers', companyId, row.id, 'Customer'));
  });
}

export async function deleteCustomer(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<CustomerRecord> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const row = await findOwned(tx, 'customers', companyId, key, 'Customer', 'id');
    await tx.updateTable('customers').set({ deleted: 1, email_key: null }).where('id', '=', row.id).execute();
    return customerRecord(row);
  });
}

const duplicate = (email: string) => new DomainError('duplicate_customer', { field: 'email', value: email, message: `A customer with email ${email} already exists.` });

async function refuseTakenEmail(tx: Tx, companyId: number, key: string, email: string): Promise<void> {
  const taken = await tx.selectFrom('customers').select('id').where('company_id', '=', companyId).where('email_key', '=', key).executeTakeFirst();
  if (taken) throw duplicate(email);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
