import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { HANG_MS } from './hang';

/** The built CLI, as a user runs it (`npm test` builds it first, in `pretest`). */
export const CLI_PATH = path.resolve(__dirname, '../../dist/src/cli/main.js');

export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH))
    throw new Error(`Build the CLI first (npm run build): ${CLI_PATH} is missing.`);
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tally <args>` to completion. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = HANG_MS,
  cwd?: string,
): Promise<CliResult> {
  assertCliBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      env: { ...process.env, ...env },
      ...(cwd === undefined ? {} : { cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `tally ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningCli {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a long-running `tally` command and resolves once its stdout matches `ready`. */
export function startCli(
  args: readonly string[],
  ready: RegExp,
  timeoutMs = HANG_MS,
): Promise<RunningCli & { match: RegExpMatchArray }> {
  assertCliBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args]);
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `tally ${args.join(' ')} was not ready within ${timeoutMs} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = stdout.match(ready);
      if (match !== null) {
        clearTimeout(timer);
        resolve({
          child,
          match,
          output: () => stdout + stderr,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `tally ${args.join(' ')} exited with ${String(code)} before it was ready\n${stdout}\n${stderr}`,
        ),
      );
    });
  });
}

/** The ODOO_* settings of a sandbox for a CLI run, with one secret and no inherited config. */
export function odooEnvFor(
  sandbox: { url: string; db: string; login: string; apiKey: string; password: string },
  secret: 'apiKey' | 'password' = 'apiKey',
): NodeJS.ProcessEnv {
  return {
    ODOO_URL: sandbox.url,
    ODOO_DB: sandbox.db,
    ODOO_LOGIN: sandbox.login,
    ODOO_API_KEY: secret === 'apiKey' ? sandbox.apiKey : '',
    ODOO_PASSWORD: secret === 'password' ? sandbox.password : '',
    ODOO_PROTOCOL: '',
    TALLY_CONFIG: '',
  };
}
