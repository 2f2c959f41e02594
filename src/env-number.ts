import { OperatorError } from './operator-error.js';

/** A positive number from the environment, or `fallback` when unset; anything else stops the start with a clear message. */
export function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new OperatorError(`${name} must be a positive number (got "${raw}")`);
  return value;
}
