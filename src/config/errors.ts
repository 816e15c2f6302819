import { TallyError } from '../shared/errors';

/**
 * Errors of the config area. A config error stops the process before it touches Odoo, with exit
 * status 2 (the CLI maps it with `exitCodeFor`).
 */

/** One problem in a config file. */
export interface ConfigIssue {
  /** Dotted path inside the file, e.g. `tiers.maintenance.requires[0]`; `(file)` for the whole file. */
  readonly path: string;
  /** 1-based line in the file, when known. */
  readonly line: number | null;
  readonly message: string;
}

/** Exit status of a process stopped by an invalid or unreadable config file. */
export const CONFIG_INVALID_EXIT_STATUS = 2;

/** Renders an issue as `path (line N): reason`. */
export function formatConfigIssue(issue: ConfigIssue): string {
  return `${issue.path}${issue.line === null ? '' : ` (line ${issue.line})`}: ${issue.message}`;
}

/** A config file that cannot be read or does not validate; lists every problem at once. */
export class ConfigError extends TallyError {
  readonly code = 'CONFIG_INVALID';

  constructor(
    readonly file: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      (file === 'environment'
        ? `The connection settings in the environment are invalid (${count}); set them and run again:\n`
        : `Config file ${file} is invalid (${count}); fix it and restart:\n`) +
        issues.map((issue) => `  - ${formatConfigIssue(issue)}`).join('\n'),
      { retryable: false, details: { file, issues: issues.map(formatConfigIssue) } },
    );
  }
}

/** True when the process must stop with CONFIG_INVALID_EXIT_STATUS for this error. */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}

/** Exit status for an error that stops the process: 2 for config errors, otherwise 1. */
export function exitCodeFor(error: unknown): number {
  return isConfigError(error) ? CONFIG_INVALID_EXIT_STATUS : 1;
}
