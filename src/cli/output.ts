/**
 * Where command output goes. Commands print results to stdout and diagnostics to stderr, so
 * `tally report --json > out.json` stays machine-readable. Tests pass their own sinks.
 */
export interface Output {
  /** Results for the user (stdout). */
  print(line: string): void;
  /** Diagnostics and errors (stderr). */
  warn(line: string): void;
  readonly isTerminal: boolean;
}

export const processOutput: Output = {
  print: (line) => {
    process.stdout.write(`${line}\n`);
  },
  warn: (line) => {
    process.stderr.write(`${line}\n`);
  },
  isTerminal: Boolean(process.stdout.isTTY),
};
