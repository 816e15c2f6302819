/**
 * Issue 15: the project stands on its own. Every relative link of the README and docs/ points at a
 * file the project ships, and nothing a user reads points outside it (the design brief's
 * ../shared/ folder is not part of the product).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const DOCS = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs')).map((file) => path.join('docs', file)),
];
const READ_BY_USERS = [...DOCS, 'config/agreements.default.yaml'];

describe('what a user reads stands on its own', () => {
  it.each(DOCS)('every relative link of %s names a shipped file', (doc) => {
    const text = readFileSync(path.join(ROOT, doc), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
      .map((match) => match[1] as string)
      .filter((target) => !/^[a-z]+:/i.test(target));
    for (const target of targets)
      expect({ target, exists: existsSync(path.resolve(ROOT, path.dirname(doc), target)) }).toEqual(
        { target, exists: true },
      );
  });

  it.each(READ_BY_USERS)('%s points at nothing outside the project', (file) => {
    expect(readFileSync(path.join(ROOT, file), 'utf8')).not.toMatch(
      /\.\.\/shared\/|docs\/style\.md/,
    );
  });
});
