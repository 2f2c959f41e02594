// A real CalDAV server for the tests: Radicale (Debian package `radicale`), started on a free
// loopback port with a temporary storage folder and one htpasswd user. Returns null when the
// binary is not installed, so the CalDAV suite can say it is skipped instead of failing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir.js';

export interface Radicale {
  url: string;
  user: string;
  password: string;
  /** A CalDAV request as the user, e.g. MKCALENDAR /alice/work/ or PUT /alice/work/e1.ics. */
  request(method: string, path: string, body?: string): Promise<number>;
  stop(): Promise<void>;
}

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address() as net.AddressInfo; s.close(() => resolve(port)); });
});

export function radicaleInstalled(): boolean {
  return !spawnSync('radicale', ['--version'], { stdio: 'ignore' }).error;
}

export async function startRadicale(): Promise<Radicale | null> {
  if (!radicaleInstalled()) return null;
  const dir = makeTempDir('radicale');
  const user = 'alice';
  const password = 'correct horse';
  writeFileSync(join(dir, 'users'), `${user}:${password}\n`);
  const port = await freePort();
  const child: ChildProcess = spawn('radicale', [
    '--config', '', '--server-hosts', `127.0.0.1:${port}`, '--storage-filesystem-folder', join(dir, 'collections'),
    '--auth-type', 'htpasswd', '--auth-htpasswd-filename', join(dir, 'users'), '--auth-htpasswd-encryption', 'plain', '--rights-type', 'owner_only',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d) => { log += d; });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 100))) {
    if (child.exitCode !== null) throw new Error(`radicale exited: ${log}`);
    try { await fetch(url); break; } catch { if (Date.now() > deadline) { child.kill(); throw new Error(`radicale did not start: ${log}`); } }
  }
  return {
    url, user, password,
    request: async (method, path, body) => (await fetch(url + path, {
      method, body, headers: { authorization: auth, ...(body ? { 'content-type': 'text/calendar; charset=utf-8' } : {}) },
    })).status,
    stop: async () => {
      if (child.exitCode === null) { child.kill('SIGTERM'); await exited; }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
