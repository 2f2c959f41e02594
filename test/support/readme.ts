// What the README tells a newcomer to run, read out of README.md itself, so the tests exercise the
// text a reader copies and not a copy of it that could drift.
import { readFileSync } from 'node:fs';

const readme = () => readFileSync('README.md', 'utf8');

/** The first fenced block of `language` after `heading` in README.md. */
export function readmeBlock(heading: string, language: string): string {
  const text = readme();
  const at = text.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`README.md has no heading "${heading}"`);
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(text.slice(at));
  if (!block) throw new Error(`README.md has no \`\`\`${language} block after "${heading}"`);
  return block[1];
}

export const readmeSetupDocument = (): unknown => JSON.parse(readmeBlock('## The setup document', 'json'));
