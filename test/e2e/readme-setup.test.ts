// The setup document printed in README.md is importable as printed, through the admin API and the
// command line, on every backend.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { backends } from '../support/databases.js';
import { readmeSetupDocument } from '../support/readme.js';
import { adminHeaders, api, startTestServer } from '../support/server.js';
import { makeTempDir } from '../support/temp-dir.js';

const REFS = ['main', 'alice', 'consult', 'yoga', 'extra', 'intake', 'first', 'vip', 'tenoff', 'five', 'yoga-mon'];

function runImport(file: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', file], {
    env: { ...process.env, DATABASE_URL: databaseUrl, OPENSLOT_SECRET_KEY: 'readme-test-key', LOG_LEVEL: 'silent' },
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe.each(backends)('the README setup document on $name', (backend) => {
  let app: RunningApp | undefined;
  afterEach(async () => { await app?.close(); app = undefined; });
  afterAll(() => backend.dropAll());

  it('is created by POST /admin/v1/companies', async () => {
    app = await startTestServer(await backend.create());
    const created = await api(app.url, 'POST', '/admin/v1/companies', { body: readmeSetupDocument(), headers: adminHeaders });
    expect(created.status, created.text).toBe(201);
    expect(Object.keys(created.json.refs).sort()).toEqual([...REFS].sort());
  });

  it('is imported by `openslot import`', async () => {
    const file = join(makeTempDir('readme'), 'clinic.json');
    writeFileSync(file, JSON.stringify(readmeSetupDocument(), null, 2));
    const { code, output } = await runImport(file, await backend.create());
    expect(code, output).toBe(0);
    expect(Object.keys(JSON.parse(output).refs).sort()).toEqual([...REFS].sort());
  });
});
