// Configuration from the environment (12-factor); every value can also be given as a `serve` flag.
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  adminToken: string | null;
  secretKey: string | null;
  /** How often expired holds are deleted, in milliseconds. */
  sweepIntervalMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, flags: Record<string, string> = {}): Config {
  const pick = (flag: string, name: string) => flags[flag] ?? env[name];
  const port = Number(pick('port', 'PORT') ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${pick('port', 'PORT')}")`);
  return {
    port,
    host: pick('host', 'HOST') ?? '127.0.0.1',
    databaseUrl: pick('database-url', 'DATABASE_URL') ?? 'sqlite:./data/openslot.db',
    adminToken: pick('admin-token', 'OPENSLOT_ADMIN_TOKEN') || null,
    secretKey: pick('secret-key', 'OPENSLOT_SECRET_KEY') || null,
    sweepIntervalMs: Number(env.OPENSLOT_SWEEP_INTERVAL_MS ?? 30_000),
  };
}
