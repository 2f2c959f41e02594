// What the command line prints when a command fails: one or two lines a person can act on, never a
// stack trace (unless asked for with --verbose), then exit code 1.
import { isDomainError, type DomainError } from '../core/errors.js';
import { isOperatorError } from '../operator-error.js';

/** A domain error naming its path once: "setup.services[0].price must be …", never "at X: X …". */
export function describeDomainError(error: DomainError): string {
  return !error.field || error.message.includes(error.field) ? error.message : `${error.field}: ${error.message}`;
}

export function reportFailure(error: unknown, verbose: boolean): void {
  if (isOperatorError(error)) console.error(`Error: ${error.message}`);
  else if (isDomainError(error)) console.error(`Error: ${describeDomainError(error)}`);
  else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message.split('\n')[0]}`);
    if (!verbose) console.error('Run the same command with --verbose for details.');
  }
  if (verbose && error instanceof Error && error.stack) console.error(error.stack);
}
