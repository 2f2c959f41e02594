// The command line as a user runs it: a real process, real signals, a real database file.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';

const children: ChildProcess[] = [];
afterEach(() => { for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL'); });

function openslot(args: string[], env: Record<string, string>) {
  const { OPENSLOT_ADMIN_TOKEN: _drop, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...base, LOG_LEVEL: 'silent', ...env } });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const m = pattern.exec(output);
      if (m) return m;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${pattern} in output: ${output}`);
  };
  return { child, exited, waitFor, output: () => output };
}

const freshDb = () => `sqlite:${join(makeTempDir('cli'), 'db.sqlite')}`;

describe('openslot serve', () => {
  it('prints a generated admin token once, serves /health, and exits cleanly on SIGTERM', async () => {
    const db = freshDb();
    const first = openslot(['serve', '--port', '0'], { DATABASE_URL: db });
    const [, url] = await first.waitFor(/listening on (http:\/\/\S+)/);
    const [, token] = await first.waitFor(/admin token[^:]*: (\S+)/);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    const created = await fetch(`${url}/admin/v1/companies`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'X', timezone: 'Europe/London' }) });
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = openslot(['serve', '--port', '0'], { DATABASE_URL: db });
    const [, url2] = await second.waitFor(/listening on (http:\/\/\S+)/);
    expect(second.output()).not.toMatch(/admin token/);
    const still = await fetch(`${url2}/admin/v1/companies/${(await created.json()).id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(still.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('openslot import', () => {
  it('creates a company from a YAML setup document and prints its credentials and refs', async () => {
    const dir = makeTempDir('import');
    const file = join(dir, 'clinic.yaml');
    writeFileSync(file, [
      'name: Yaml Clinic', 'timezone: Asia/Kolkata', 'setup:', '  resources:', '    - ref: ravi', '      name: Ravi',
      '      hours: {mon: [["09:30", "13:00"]]}', '  services:', '    - {ref: chat, name: Chat, duration: 20, resources: [ravi]}',
    ].join('\n'));
    const run = openslot(['import', file], { DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, OPENSLOT_SECRET_KEY: 'k' });
    expect(await run.exited).toBe(0);
    const printed = JSON.parse(run.output());
    expect(printed).toMatchObject({ id: 1, apiKey: expect.any(String), refs: { ravi: { id: 1 }, chat: { id: 1 } } });
  });

  it('fails with the path of a bad value and a non-zero exit', async () => {
    const dir = makeTempDir('import');
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'Bad', timezone: 'Asia/Kolkata', setup: { services: [{ ref: 's', name: 'S', duration: 20, resources: ['ghost'] }] } }));
    const run = openslot(['import', file], { DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, OPENSLOT_SECRET_KEY: 'k' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('setup.services[0].resources[0]');
  });
});

describe('openslot import, every way a file can be wrong', () => {
  const VALID_HEAD = 'name: X\ntimezone: Europe/London\n';
  const cases: [string, string | null, RegExp][] = [
    ['broken YAML', 'name: X\ntimezone: [a\n', /broken\.yaml:3:1: not valid YAML or JSON: \S/],
    ['an empty file', '  \n', /empty\.yaml: the file is empty/],
    ['a path that does not exist', null, /missing\.yaml: no such file/],
    ['a scalar instead of a document', 'hello\n', /scalar\.yaml: a setup document is an object .*found the string "hello"/],
    ['a list instead of a document', '- 1\n', /list\.yaml: a setup document is an object .*found a list/],
    ['a misspelt key', `${VALID_HEAD}setup:\n  resorces: []\n`, /misspelt\.yaml: setup\.resorces is not a known property$/m],
    ['a badly written time', `${VALID_HEAD}setup:\n  resources:\n    - {ref: a, name: A, hours: {mon: [["9:00", "17:00"]]}}\n`, /time\.yaml: setup\.resources\[0\]\.hours\.mon\[0\]\[0\] must be a time of day/],
    ['a value outside a list of choices', `${VALID_HEAD}settings: {timeFormat: 12h}\n`, /choice\.yaml: settings\.timeFormat must be one of "ampm", "24hr"/],
    ['a root value of the wrong type', 'name: [1]\ntimezone: Europe/London\n', /type\.yaml: name must be a string/],
  ];
  const names = ['broken', 'empty', 'missing', 'scalar', 'list', 'misspelt', 'time', 'choice', 'type'];

  it.each(cases.map((c, i) => [...c, names[i]] as const))('%s: one or two lines naming the file and the path, exit 1, no stack', async (_what, content, expected, name) => {
    const dir = makeTempDir('import');
    const file = join(dir, `${name}.yaml`);
    if (content !== null) writeFileSync(file, content);
    const run = openslot(['import', file], { DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, OPENSLOT_SECRET_KEY: 'k' });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines.length, run.output()).toBeLessThanOrEqual(2);
    expect(run.output()).toMatch(expected);
    expect(run.output()).not.toMatch(/^\s+at |\(body\)|\\d|\^|must match pattern/m);
    const path = /: (setup\.\S+|settings\.\S+) /.exec(lines[0])?.[1];
    if (path) expect(lines[0].split(path).length - 1, 'the path is named once').toBe(1);
  });

  it('--verbose adds the stack trace', async () => {
    const run = openslot(['import', '/nonexistent/clinic.yaml', '--verbose'], { DATABASE_URL: 'sqlite::memory:' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/clinic\.yaml: no such file[\s\S]*\n\s+at /);
  });
});

describe('openslot demo', () => {
  it('prints the credentials and a booking walk on both surfaces whose commands work as printed', async () => {
    const demo = openslot(['demo', '--port', '0'], {});
    await demo.waitFor(/OpenAPI and an interactive page/);
    // The printed lines, with `\`-continued commands joined; the variable lines first, as a reader pastes them.
    const lines = demo.output().replace(/\\\n\s*/g, '').split('\n');
    const variables = lines.filter((l) => /^(BASE|CLIENT_ID)=/.test(l)).join('\n');
    const command = (pattern: RegExp) => lines.find((l) => l.startsWith('curl') && pattern.test(l))!;
    const run = (line: string, extra = '') => JSON.parse(execFileSync('bash', ['-c', `${variables}\n${extra}\n${line}`], { encoding: 'utf8' }));
    expect(demo.output()).toMatch(/client secret: \S{20,}/);

    // OnSched: availability, and a bearer token bought with the printed client id and secret.
    expect(JSON.stringify(run(command(/\/v3\/availability/)))).toContain('availableTimes');
    expect(run(command(/\/v3\/oauth\/token/))).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer' });
    // The hold follows OnSched's documented form: ids in the query, only the time in the body.
    expect(command(/\/v3\/appointment\/hold/)).toMatch(/\/v3\/appointment\/hold\?LocationId=[0-9a-f-]{36}&ServiceId=[0-9a-f-]{36}&ResourceIds=[0-9a-f-]{36}" .* -d '\{"Unavailability":\{"startTime":"[^"]+","endTime":"[^"]+"\}\}'$/);
    expect(command(/\$HOLD_ID\/book/)).toContain('"Customer"');
    expect(command(/\$HOLD_ID\/cancel/)).toContain('-X PUT');

    // Acuity: times, check, book, cancel, exactly as printed.
    expect(run(command(/\/api\/v1\/availability\/times/)).length).toBeGreaterThan(0);
    expect(run(command(/check-times/))).toMatchObject({ valid: true });
    const booked = run(command(/-X POST "\$BASE\/api\/v1\/appointments"/));
    expect(booked).toMatchObject({ id: expect.any(Number), firstName: 'Grace', canceled: false });
    expect(run(command(/\$APPOINTMENT_ID\/cancel/), `APPOINTMENT_ID=${booked.id}`)).toMatchObject({ id: booked.id, canceled: true });
    expect(JSON.stringify(run(command(/\/admin\/v1\/companies/)))).toContain('Demo Clinic');
    demo.child.kill('SIGTERM');
    expect(await demo.exited).toBe(0);
  });
});
