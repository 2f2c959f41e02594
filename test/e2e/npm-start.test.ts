// `npm start` and `npm run demo` as a process manager runs them: a signal sent to npm (or to the
// node it started) stops the server, and no node process is left listening.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../support/build.js';
import { makeTempDir } from '../support/temp-dir.js';

const started: ChildProcess[] = [];
const serverPids: number[] = [];
afterEach(() => {
  for (const pid of serverPids.splice(0)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone, as it should be */ }
  for (const c of started.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});
beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const childrenOf = (pid: number) => execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean);
const listening = async (url: string) => { try { await fetch(`${url}/health/live`); return true; } catch { return false; } };

async function npmRun(script: 'start' | 'demo') {
  const { OPENSLOT_ADMIN_TOKEN: _drop, ...base } = process.env;
  const npm = spawn('npm', ['run', script], {
    env: { ...base, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${join(makeTempDir('npm'), 'db.sqlite')}` },
  });
  started.push(npm);
  let output = '';
  npm.stdout!.on('data', (d) => { output += d; });
  npm.stderr!.on('data', (d) => { output += d; });
  const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
  let url: string | undefined;
  for (const deadline = Date.now() + 30_000; !url && Date.now() < deadline && npm.exitCode === null;) {
    url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (!url) await new Promise((r) => setTimeout(r, 50));
  }
  if (!url) throw new Error(`npm run ${script} did not start: ${output}`);
  const [server] = childrenOf(npm.pid!);
  serverPids.push(server);
  return { npm, server, url, exited, output: () => output };
}

async function gone(pid: number, ms = 10_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) if (!alive(pid)) return true;
  return false;
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s sent to npm stops the server it started', async (signal) => {
    const run = await npmRun('start');
    expect(await listening(run.url)).toBe(true);
    run.npm.kill(signal);
    await run.exited;
    expect(await gone(run.server), run.output()).toBe(true);
    expect(await listening(run.url)).toBe(false);
    expect(run.output()).toContain(`${signal} received`);
  });

  it('SIGTERM sent to node stops it, and npm with it', async () => {
    const run = await npmRun('start');
    process.kill(run.server, 'SIGTERM');
    await run.exited;
    expect(await gone(run.server)).toBe(true);
    expect(await listening(run.url)).toBe(false);
  });

  it('npm killed outright (SIGKILL, nothing forwarded): the orphaned server stops on its own', async () => {
    const run = await npmRun('start');
    run.npm.kill('SIGKILL');
    expect(await gone(run.server)).toBe(true);
    expect(await listening(run.url)).toBe(false);
  });
});

describe('npm run demo', () => {
  it('SIGTERM sent to npm stops the demo server', async () => {
    const run = await npmRun('demo');
    run.npm.kill('SIGTERM');
    await run.exited;
    expect(await gone(run.server)).toBe(true);
    expect(await listening(run.url)).toBe(false);
  });
});
