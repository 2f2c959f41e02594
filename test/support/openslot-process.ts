// `openslot serve` as a real child process (node --import tsx src/cli.ts), for tests that kill
// and restart servers or run several against one database.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess { child: ChildProcess; url: string; output(): string; exited: Promise<number | null>; kill(signal: NodeJS.Signals): Promise<void> }

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { OPENSLOT_ADMIN_TOKEN: _drop, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--port', '0'], {
    // Loopback receivers and feeds are allowed by default, as in a single-host setup (see startTestServer).
    env: { ...base, LOG_LEVEL: 'silent', OPENSLOT_ADMIN_TOKEN: 'process-test-admin-token', OPENSLOT_OUTBOUND_ALLOW: '127.0.0.0/8', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  let url: string | undefined;
  while (!url && Date.now() < deadline && child.exitCode === null) {
    url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (!url) await new Promise((r) => setTimeout(r, 50));
  }
  if (!url) { child.kill('SIGKILL'); throw new Error(`server did not start: ${output}`); }
  return {
    child, url, output: () => output, exited,
    kill: async (signal) => { if (child.exitCode === null && child.signalCode === null) { child.kill(signal); await exited; } },
  };
}
