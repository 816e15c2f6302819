import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../config/errors';
import { DEFAULT_SCHEDULES, SchedulesFileSchema, type Schedule } from './schedules.schema';

/** Where the worker looks for schedules when TALLY_SCHEDULES is not set. */
export const DEFAULT_SCHEDULES_FILE = 'config/schedules.yaml';

export interface LoadedSchedules {
  /** The file read, or null when none exists and the built-in defaults apply. */
  readonly file: string | null;
  readonly schedules: readonly Schedule[];
}

/** Parses a schedules file's text; every problem is named by its path in one ConfigError. */
export function parseSchedules(text: string, file: string): readonly Schedule[] {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new ConfigError(file, [
      { path: '(file)', line: null, message: `is not valid YAML: ${reason}` },
    ]);
  }
  const parsed = SchedulesFileSchema.safeParse(value ?? { schedules: [] });
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((issue) => ({
        path:
          issue.path
            .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
            .join('.')
            .replace(/\.\[/g, '[') || '(root)',
        line: null,
        message: issue.message,
      })),
    );
  }
  return parsed.data.schedules;
}

/**
 * The schedules to apply: the named file (it must exist), else `config/schedules.yaml` under
 * `cwd` when present, else the built-in defaults.
 */
export function loadSchedules(file: string | undefined, cwd: string): LoadedSchedules {
  const candidate = file ?? path.join(cwd, DEFAULT_SCHEDULES_FILE);
  if (file === undefined && !existsSync(candidate))
    return { file: null, schedules: DEFAULT_SCHEDULES };
  let text: string;
  try {
    text = readFileSync(candidate, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(candidate, [
      { path: '(file)', line: null, message: `cannot be read: ${reason}` },
    ]);
  }
  return { file: candidate, schedules: parseSchedules(text, candidate) };
}
