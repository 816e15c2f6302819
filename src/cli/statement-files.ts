import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderStatementHtml } from '../report/statement/render/render-statement';
import type { Statement } from '../report/statement/statement';
import { StatementWriteError } from './errors';

/** Writes each statement to `<out>/<period>/<file name>` and returns the paths written. */
export async function writeStatements(
  out: string,
  statements: readonly Statement[],
): Promise<string[]> {
  const written: string[] = [];
  for (const statement of statements) {
    const file = path.join(out, statement.period, statement.fileName);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, renderStatementHtml(statement), 'utf8');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'error';
      throw new StatementWriteError(
        `Cannot write the statement ${file} (${reason}): choose a writable directory with --out.`,
        { details: { file, reason }, cause: error },
      );
    }
    written.push(file);
  }
  return written;
}
