#!/usr/bin/env node
// openslot serve | migrate | import FILE | demo — each also reads its settings from the environment.
import { readConfig, type Config } from './config.js';
import { startApp, prepareStore, type RunningApp } from './app.js';
import { createCompany } from './services/companies/create-company.js';
import { SecretBox } from './security/secrets.js';
import { loadOrCreateSecretKey } from './security/secret-key-file.js';
import { isDomainError } from './core/errors.js';
import { demoCompany } from './demo/demo-company.js';
import { printDemoCommands } from './demo/print-demo.js';
import { stopOnSignals } from './cli/signals.js';
import { readSetupDocument } from './cli/read-document.js';
import { describeDomainError, reportFailure } from './cli/report-failure.js';
import { OperatorError } from './operator-error.js';

const USAGE = `Usage: openslot <command> [--port N] [--host H] [--database-url URL] [--admin-token T] [--secret-key K] [--verbose]
  serve         run the server (applies pending migrations first)
  migrate       apply pending migrations and exit
  import FILE   create a company from a JSON or YAML setup document and print its credentials
  demo          serve with a demo business loaded and print ready-to-paste curl commands`;

/** Flags that take no value. */
const SWITCHES = new Set(['verbose', 'help']);

function parseArgs(argv: string[]): { command: string | undefined; positional: string[]; flags: Record<string, string> } {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      flags[name] = inline ?? (SWITCHES.has(name) ? 'true' : argv[++i] ?? '');
    } else positional.push(arg);
  }
  return { command: positional.shift(), positional, flags };
}

async function serve(config: Config): Promise<RunningApp> {
  const app = await startApp(config, { logger: process.env.LOG_LEVEL !== 'silent' && process.env.NODE_ENV !== 'test' });
  console.log(`OpenSlot listening on ${app.url} (database: ${config.databaseUrl.replace(/\/\/[^@]*@/, '//…@')})`);
  if (app.generatedAdminToken) {
    console.log(`Generated admin token (shown once; set OPENSLOT_ADMIN_TOKEN to choose your own): ${app.generatedAdminToken}`);
    console.log(`Create a company: curl -X POST ${app.url}/admin/v1/companies -H 'authorization: Bearer ${app.generatedAdminToken}' -H 'content-type: application/json' -d '{"name":"My Clinic","timezone":"America/New_York"}'`);
  }
  stopOnSignals(app);
  return app;
}

async function importFile(config: Config, file: string | undefined): Promise<void> {
  if (!file) throw new OperatorError('import needs a FILE: openslot import clinic.yaml (a JSON or YAML setup document)');
  const doc = readSetupDocument(file);
  const store = await prepareStore(config);
  try {
    const secret = config.secretKey ?? loadOrCreateSecretKey(store.dataDir ?? './data');
    const created = await createCompany({ store, secrets: new SecretBox(secret), now: Date.now, random: Math.random }, doc)
      .catch((error: unknown) => { throw isDomainError(error) ? new OperatorError(`${file}: ${describeDomainError(error)}`) : error; });
    console.log(JSON.stringify(created, null, 2));
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { command, positional, flags } = parseArgs(process.argv.slice(2));
  const config = readConfig(process.env, flags);
  switch (command) {
    case 'serve':
      await serve(config);
      return;
    case 'migrate': {
      const store = await prepareStore(config);
      await store.close();
      console.log('Migrations applied.');
      return;
    }
    case 'import':
      await importFile(config, positional[0]);
      return;
    case 'demo': {
      const demoConfig = { ...config, databaseUrl: process.env.DATABASE_URL ?? flags['database-url'] ?? 'sqlite::memory:', adminToken: config.adminToken ?? 'demo-admin-token' };
      const app = await serve(demoConfig);
      printDemoCommands(app.url, await createCompany(app.services, demoCompany));
      return;
    }
    default:
      console.log(USAGE);
      process.exitCode = command === undefined || command === 'help' || flags.help !== undefined ? 0 : 2;
  }
}

main().catch((error: unknown) => {
  reportFailure(error, process.argv.includes('--verbose'));
  process.exit(1);
});
