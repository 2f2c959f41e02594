// A services-layer fixture: a migrated store on the given backend, a controllable clock, one company.
import { SecretBox } from '../../src/security/secrets.js';
import { createCompany, type CreatedCompany } from '../../src/services/companies/create-company.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { CompanyDocument } from '../../src/services/setup/document.js';
import { openStore } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import type { TestBackend } from '../support/databases.js';

export interface Fixture {
  ctx: ServiceContext & { clock: { now: number } };
  company: CreatedCompany;
  close(): Promise<void>;
}

export async function fixture(backend: TestBackend, doc: CompanyDocument, now: number, poolSize?: number): Promise<Fixture> {
  const store = openStore(await backend.create(), { poolSize });
  await migrate(store);
  const clock = { now };
  const ctx = { store, secrets: new SecretBox('test'), now: () => clock.now, random: Math.random, clock };
  const company = await createCompany(ctx, doc);
  return { ctx, company, close: () => store.close() };
}

export const at = (iso: string) => Date.parse(iso);
