import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { assertCliBuilt, CLI_PATH } from '../../support/cli';
import { HANG_MS } from '../../support/hang';

const ROOT = path.resolve(__dirname, '../../..');

/** One JSON log line of the worker (TALLY_LOG_FORMAT=json on stderr). */
export interface WorkerLogLine {
  readonly timestamp: string;
  readonly event: string;
  readonly job?: string;
  readonly jobId?: string;
  readonly customerId?: number;
  readonly [field: string]: unknown;
}

/** `tally worker` as a real child process of the built CLI, with its output kept for assertions. */
export class WorkerProcess {
  private stdout = '';
  private stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly label: string,
    readonly child: ChildProcessWithoutNullStreams,
  ) {
    child.stdout.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  }

  /** Starts `tally worker <args>` and resolves once it says it is taking jobs. */
  static async start(
    label: string,
    env: Readonly<Record<string, string>>,
    args: readonly string[] = ['--no-schedules'],
    timeoutMs = HANG_MS,
  ): Promise<WorkerProcess> {
    assertCliBuilt();
    const child = spawn(process.execPath, [CLI_PATH, 'worker', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    const worker = new WorkerProcess(label, child);
    RUNNING.add(worker);
    void worker.exited.then(() => RUNNING.delete(worker));
    const deadline = Date.now() + timeoutMs;
    while (!worker.stdout.includes('Press Ctrl+C to stop.')) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`worker ${label} did not start:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return worker;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return `--- ${this.label} stdout\n${this.stdout}\n--- ${this.label} stderr\n${this.stderr}`;
  }

  /** Every JSON log line so far (the banner on stdout is not a log line). */
  logs(): WorkerLogLine[] {
    return this.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as WorkerLogLine);
  }

  /** Sends `signal` and resolves with the exit code once the process is gone. */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    if (this.running) this.child.kill(signal);
    return this.exited;
  }
}

const RUNNING = new Set<WorkerProcess>();

/** Kills every worker a test left running (afterEach/afterAll, also when the test failed). */
export async function killLeftoverWorkers(): Promise<void> {
  await Promise.all([...RUNNING].map((worker) => worker.stop('SIGKILL')));
}
