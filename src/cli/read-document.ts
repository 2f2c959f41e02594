// Reads the setup document `openslot import FILE` was given. Every way the file can be wrong is one
// line naming the file (and, for broken YAML, the line and column).
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { OperatorError } from '../operator-error.js';

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder, not a file',
  EACCES: 'not allowed to read it',
};

export function readSetupDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new OperatorError(`${file}: ${FILE_PROBLEMS[code] ?? (error as Error).message}`);
  }
  if (!text.trim()) throw new OperatorError(`${file}: the file is empty; it should hold a setup document (JSON or YAML)`);
  let document: unknown;
  try {
    document = parseYaml(text); // YAML is a superset of JSON
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const at = error.linePos?.[0];
    const reason = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').split('\n')[0];
    throw new OperatorError(`${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML or JSON: ${reason}`);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const found = document === null ? 'nothing' : Array.isArray(document) ? 'a list' : `the ${typeof document} ${JSON.stringify(document)}`;
    throw new OperatorError(`${file}: a setup document is an object with at least name and timezone; found ${found}`);
  }
  return document;
}
