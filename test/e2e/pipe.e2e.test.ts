import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_PATH, assertCliBuilt } from '../support/cli';

describe('tally writing into a closed pipe (`tally … | head`)', () => {
  beforeAll(() => assertCliBuilt());

  it('stops quietly when the reader goes away', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tally-pipe-'));
    const child = spawn(process.execPath, [CLI_PATH, 'demo', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|unexpected failure/);
    expect(code).toBe(0);
    rmSync(out, { recursive: true, force: true });
  });
});
