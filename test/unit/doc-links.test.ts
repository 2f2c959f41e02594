// The repository stands on its own: every relative link in the README and docs/ resolves to a file
// inside it, and no document sends a reader to a folder outside it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const documents = ['README.md', 'bench/README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Markdown links [text](target) that point into the repository (not web addresses or anchors). */
function relativeLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^(https?:|mailto:|#)/.test(target));
}

describe.each(documents)('%s', (document) => {
  const text = readFileSync(document, 'utf8');

  it('links only to files that exist inside the repository', () => {
    const broken = relativeLinks(text).filter((target) => {
      const path = resolve(dirname(document), decodeURIComponent(target.split('#')[0]));
      return relative(ROOT, path).startsWith('..') || !existsSync(path);
    });
    expect(broken).toEqual([]);
  });

  it('names no path outside the repository', () => {
    expect(text).not.toMatch(/\/work\/shared|\.\.\/shared|(^|[\s`(])shared\/(seeds|reference|contract|bench)/m);
  });
});

it('the README links to the operations guide', () => {
  expect(relativeLinks(readFileSync('README.md', 'utf8'))).toContain('docs/operations.md');
  expect(existsSync(join('docs', 'operations.md'))).toBe(true);
});
