import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';

/** Starts a sandbox on a random port for the current test file; closes it after all tests. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...options });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (sandbox === undefined)
      throw new Error('sandbox not started: call useSandbox() at describe level');
    return sandbox;
  };
}

/** A clock tests can move forward (login cooldown, write_date). */
export function manualClock(start = '2026-01-15T09:00:00Z'): {
  now: () => Date;
  advance(seconds: number): void;
  set(iso: string): void;
} {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (seconds) => {
      current += seconds * 1000;
    },
    set: (iso) => {
      current = new Date(iso).getTime();
    },
  };
}

export { startSandbox };
export type { Sandbox, SandboxOptions };
