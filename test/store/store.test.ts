// The store on both backends: migrations are idempotent and safe to run from several processes
// at once, and PostgreSQL refuses overlapping live exclusive occupancy even if the application erred.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { SecretBox } from '../../src/security/secrets.js';
import { createCompany } from '../../src/services/companies/create-company.js';
import { backends } from '../support/databases.js';
import { clinic } from '../support/clinic.js';

function migrateInChildProcess(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.each(backends)('store on $name', (backend) => {
  afterAll(() => backend.dropAll());

  it('applies the schema once when several processes migrate at the same moment', async () => {
    const url = await backend.create();
    const runs = await Promise.all([1, 2, 3].map(() => migrateInChildProcess(url)));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const store = openStore(url);
    try {
      expect(await migrate(store)).toEqual([]);
      const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
      expect(rows.map((r) => r.name)).toContain('001_initial');
    } finally {
      await store.close();
    }
  });

  it('keeps credentials only as hashes and a sealed copy of the API key', async () => {
    const store = openStore(await backend.create());
    try {
      await migrate(store);
      const secrets = new SecretBox('k');
      const c = await createCompany({ store, secrets, now: Date.now, random: Math.random }, clinic());
      const row = await store.db.selectFrom('companies').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(c.apiKey);
      expect(JSON.stringify(row)).not.toContain(c.clientSecret);
      expect(secrets.open(row.api_key_enc)).toBe(c.apiKey);
    } finally {
      await store.close();
    }
  });

  it.runIf(backend.name === 'postgres')('rejects two overlapping live exclusive rows for one resource', async () => {
    const store = openStore(await backend.create());
    try {
      await migrate(store);
      const c = await createCompany({ store, secrets: new SecretBox('k'), now: Date.now, random: Math.random }, clinic());
      const R = c.refs;
      const appointment = async (start: number) => {
        const { id } = await store.db.insertInto('appointments').values({
          uid: crypto.randomUUID(), company_id: c.id, location_id: R.main.id, service_id: R.consult.id, customer_id: null, class_session_id: null,
          status: 'BK', confirmed: 0, start_at: start, end_at: start + 1800_000, padding_before: 0, padding_after: 0, expires_at: null,
          price_cents: 0, discount_cents: 0, addon_ids: '[]', label_ids: '[]', custom_fields: '{}', form_answers: '[]', notes: null,
          certificate: null, timezone: null, round_robin: null, round_robin_reason: null, rescheduled_from_id: null, rescheduled_to_id: null,
          cancel_note: null, no_show: 0, created_at: 0, updated_at: 0,
        }).returning('id').executeTakeFirstOrThrow();
        return store.db.insertInto('appointment_resources').values({ appointment_id: id, resource_id: R.alice.id, busy_start: start, busy_end: start + 1800_000, live: 1, exclusive: 1, expires_at: null }).execute();
      };
      await appointment(0);
      await expect(appointment(900_000)).rejects.toMatchObject({ code: '23P01' });
      await appointment(1800_000); // touching, not overlapping
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from appointment_resources`.execute(store.db);
      expect(rows[0].n).toBe(2);
    } finally {
      await store.close();
    }
  });
});
