/**
 * The sandbox API this suite is written against (src/sandbox/server.ts, by another helper):
 * `startSandbox({port: 0, odooVersion, helpdesk, seed})`. It is loaded by a computed path so the
 * project type-checks while the sandbox is still being written; a missing sandbox fails loudly.
 */
import path from 'node:path';

export interface SandboxFaults {
  failCall(fault: {
    nth: number;
    kind: string;
    model?: string;
    method?: string;
    afterCommit?: boolean;
  }): void;
  reset(): void;
}

export interface SandboxHandle {
  readonly url: string;
  readonly db: string;
  readonly login: string;
  readonly password: string;
  readonly apiKey: string;
  readonly faults: SandboxFaults;
  close(): Promise<void>;
}

export interface SandboxStartOptions {
  readonly port: number;
  readonly odooVersion: 16 | 17 | 18 | 19;
  readonly helpdesk: 'oca' | 'enterprise';
}

type StartSandbox = (options: SandboxStartOptions) => Promise<SandboxHandle>;

/** Starts the sandbox on a free port, or throws naming what is missing. */
export async function startSandbox(options: SandboxStartOptions): Promise<SandboxHandle> {
  const modulePath = path.join(__dirname, '../../src/sandbox/server');
  let loaded: unknown;
  try {
    loaded = await import(modulePath);
  } catch (error) {
    throw new Error(`The sandbox (src/sandbox/server.ts) could not be loaded: ${String(error)}`);
  }
  const start = (loaded as { startSandbox?: unknown }).startSandbox;
  if (typeof start !== 'function')
    throw new Error('src/sandbox/server.ts does not export startSandbox');
  return (start as StartSandbox)(options);
}
