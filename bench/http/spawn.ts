// Starts bench/http/server-process.ts as a child process (so the load generator never shares the
// server's event loop) and waits for the URL it prints. BENCH_PROFILE=dir adds --cpu-prof there.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  /** Microseconds of CPU (user + system) the process has used so far. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

export async function spawnServer(mode: 'app' | 'bare', env: Record<string, string> = {}): Promise<ServerProcess> {
  const profile = process.env.BENCH_PROFILE;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...flags, '--import', 'tsx', SCRIPT, mode], {
    env: { ...process.env, OPENSLOT_SECRET_KEY: 'bench', ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => { throw new Error(`${mode} server exited with ${code} before listening`); });
  const url = await Promise.race([
    (async () => { for await (const line of lines) if (line.startsWith('{')) return JSON.parse(line).url as string; throw new Error('no URL'); })(),
    exited,
  ]);
  exited.catch(() => {});
  return {
    url,
    cpuMicros: async () => {
      child.send('cpu');
      const [reply] = await once(child, 'message') as [{ cpu: NodeJS.CpuUsage }];
      return reply.cpu.user + reply.cpu.system;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const done = once(child, 'exit');
      child.kill('SIGTERM');
      await done;
    },
  };
}
