import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { HANG_MS } from '../../support/hang';

const ROOT = path.resolve(__dirname, '../../..');

// Runs a TypeScript file in a plain Node child, compiled on require with the @swc/core that jest
// already uses, so the child runs the same sources as the test without a build step.
const BOOTSTRAP = `
const swc = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformFileSync(filename, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(process.env.TS_ENTRY);
`;

/** Starts `file` (TypeScript) in a child process with extra environment variables. */
export function spawnTs(file: string, env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['-e', BOOTSTRAP], {
    cwd: ROOT,
    env: { ...process.env, ...env, TS_ENTRY: file },
  });
}

/** Resolves with the first line of the child's stdout matching `pattern`. */
export function waitForLine(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = HANG_MS,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let errors = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${seen}\n${errors}`),
        ),
      timeoutMs,
    );
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
}
