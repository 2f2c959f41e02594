// DATABASE_URL naming a PostgreSQL database that does not exist yet: created when the role may create
// databases; otherwise one line says what to run. Either way, never a stack trace.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../support/databases.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const suffix = randomBytes(5).toString('hex');
const database = `openslot_missing_${suffix}`;
const role = `openslot_nocreate_${suffix}`;

const urlFor = (user: string | null, name: string) => {
  const url = new URL(ADMIN_URL);
  if (user) url.username = user;
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try { return await client.query(sql); } finally { await client.end(); }
}

function migrate(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe.skipIf(!postgresAvailable)('a PostgreSQL database that does not exist', () => {
  afterAll(async () => {
    await admin(`drop database if exists ${database} with (force)`);
    await admin(`drop role if exists ${role}`);
  });

  it('is created when the role may create databases, then migrated', async () => {
    const run = await migrate(urlFor(null, database));
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`Created PostgreSQL database ${database}.`);
    const tables = await admin(`select 1 from pg_database where datname = '${database}'`);
    expect(tables.rowCount).toBe(1);
  });

  it('when the role may not create it: exit 1 and one line saying what to run', async () => {
    await admin(`create role ${role} login nocreatedb`);
    const missing = `${database}_other`;
    const run = await migrate(urlFor(role, missing));
    expect(run.code).toBe(1);
    expect(run.output.trim().split('\n')).toHaveLength(1);
    expect(run.output).toContain(`PostgreSQL database "${missing}" does not exist`);
    expect(run.output).toMatch(new RegExp(`run: createdb -h \\S+ -p \\d+ .* ${missing}`));
    expect(run.output).not.toMatch(/^\s+at /m);
  });

  it('a server that does not answer: exit 1 and one line naming where', async () => {
    const run = await migrate('postgres://postgres@127.0.0.1:1/openslot');
    expect(run.code).toBe(1);
    expect(run.output.trim()).toMatch(/^Error: Cannot connect to PostgreSQL at 127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect(run.output.trim().split('\n')).toHaveLength(1);
  });
});
