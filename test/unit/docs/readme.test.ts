import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AgreementsConfigSchema } from '../../../src/config/agreements.schema';
import { LOG_ENV } from '../../../src/cli/cli-logger';
import { CONNECTION_ENV } from '../../../src/config/connection.schema';
import { CONNECTION_FILE_ENV } from '../../../src/config/connection-file-env';
import { PROBLEM_CATALOG } from '../../../src/domain/problems';
import { ODOO_ERROR_CODES } from '../../../src/odoo/errors';
import { schemaPaths } from '../../support/schema-paths';

// Every code a user can meet is documented in the README's tables (fastify's rule).
const ROOT = path.resolve(__dirname, '../../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

function declaredErrorCodes(): string[] {
  const codes = new Set<string>(ODOO_ERROR_CODES);
  for (const file of [
    ...sourceFiles(path.join(ROOT, 'src')),
    ...sourceFiles(path.join(ROOT, 'jobs')),
  ]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/readonly code = '([A-Z_]+)'/g)) {
      codes.add(match[1]!);
    }
  }
  return [...codes].sort();
}

const tableRow = (code: string): RegExp => new RegExp(`^\\| \`${code}\` \\|`, 'm');

describe('README', () => {
  it('finds the error classes it checks', () => {
    expect(declaredErrorCodes()).toEqual(
      expect.arrayContaining(['CONFIG_INVALID', 'ODOO_AUTH_FAILED', 'CLI_USAGE']),
    );
  });

  it.each(declaredErrorCodes())('documents error code %s in the error table', (code) => {
    expect(README).toMatch(tableRow(code));
  });

  it.each(Object.keys(PROBLEM_CATALOG))('documents review problem %s', (code) => {
    expect(README).toMatch(tableRow(code));
  });

  it.each([...Object.values(CONNECTION_ENV), ...Object.values(LOG_ENV), CONNECTION_FILE_ENV])(
    'documents environment variable %s',
    (variable) => {
      expect(README).toMatch(tableRow(variable));
    },
  );

  it.each(schemaPaths(AgreementsConfigSchema).map((entry) => entry.path))(
    'documents agreements setting %s',
    (setting) => {
      expect(README).toMatch(tableRow(setting.replace(/[.[\]<>]/g, (char) => `\\${char}`)));
    },
  );

  it('shows the two set-up commands on its first screen', () => {
    const firstScreen = README.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm ci && npm test');
  });
});
