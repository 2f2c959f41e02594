// How a serving process stops: on SIGTERM or SIGINT it closes its connections and exits 0. Under
// `npm start` the package script execs node, so npm's own forwarding of SIGTERM/SIGINT reaches this
// process; should npm itself die without forwarding (SIGKILL), the parent watch below notices that
// this process was orphaned and stops it too, so no server outlives the command that started it.
import type { RunningApp } from '../app.js';

const PARENT_CHECK_MS = 1_000;

export function stopOnSignals(app: RunningApp, log: (line: string) => void = console.log): void {
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: closing connections and stopping`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM received'));
  process.on('SIGINT', () => void stop('SIGINT received'));
  if (process.env.npm_lifecycle_event) {
    // Started by an npm script: the parent is npm, and it going away means the user stopped it.
    const parent = process.ppid;
    setInterval(() => { if (process.ppid !== parent) void stop('npm exited'); }, PARENT_CHECK_MS).unref();
  }
}
