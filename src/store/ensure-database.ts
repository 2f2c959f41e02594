// A PostgreSQL database named in DATABASE_URL that does not exist yet is created, when the role may
// create databases; otherwise the operator is told, in one line, what to run. Any other failure to
// connect is one line too (host, port and PostgreSQL's own reason), never a stack trace.
import pg from 'pg';
import { OperatorError } from '../operator-error.js';

const INVALID_CATALOG_NAME = '3D000'; // "database … does not exist"
const DUPLICATE_DATABASE = '42P04'; // another process created it a moment ago: just as good

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const errorCode = (error: unknown) => (error as { code?: string }).code;
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)) || errorCode(error) || 'unknown error';

async function tryConnect(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try { await client.connect(); return null; } catch (error) { return error; } finally { await client.end().catch(() => {}); }
}

/** Returns true when it created the database. */
export async function ensurePostgresDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const where = `${target.hostname}:${target.port || 5432}`;
  const failure = await tryConnect(url);
  if (!failure) return false;
  if (errorCode(failure) !== INVALID_CATALOG_NAME) throw new OperatorError(`Cannot connect to PostgreSQL at ${where}: ${reasonOf(failure)}`);

  const name = decodeURIComponent(target.pathname.slice(1));
  const role = decodeURIComponent(target.username) || process.env.PGUSER || 'the current user';
  const advice = `run: createdb -h ${target.hostname} -p ${target.port || 5432} -U <a role that may create databases> ${name}`;
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query(`create database ${quoteIdent(name)}`);
    return true;
  } catch (error) {
    if (errorCode(error) === DUPLICATE_DATABASE) return false;
    throw new OperatorError(`PostgreSQL database "${name}" does not exist at ${where} and role ${role} cannot create it (${reasonOf(error)}); ${advice}`);
  } finally {
    await client.end().catch(() => {});
  }
}
