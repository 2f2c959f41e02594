// A failure the person running OpenSlot can fix (a missing file, a database that cannot be reached),
// worded for them: the command line prints its message as is, on one or two lines, without a stack.
export class OperatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperatorError';
  }
}

export const isOperatorError = (e: unknown): e is OperatorError => e instanceof OperatorError;
