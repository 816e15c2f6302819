/**
 * The same demo story on the embedded sandbox of the server's flavour, compared row by row with
 * what it left in the real Odoo: where they differ, the sandbox is not faithful to that Odoo.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoadedAgreements } from '../../config/load-agreements';
import { OdooClient } from '../../odoo/client';
import { detectFieldProfile, fieldNamesVia } from '../../odoo/profiles/detect-profile';
import type { SandboxProfile } from '../../sandbox/profile';
import { startSandbox } from '../../sandbox/server';
import { runDemoStory } from '../demo-story';
import { compareSnapshots, readStorySnapshot, type StorySnapshot } from './story-snapshot';

/** Differences printed at most; the count says how many there were. */
const SHOWN_DIFFERENCES = 40;
/** Characters of one difference printed (activity notes run long). */
const SHOWN_CHARACTERS = 240;

const clip = (line: string): string =>
  line.length > SHOWN_CHARACTERS ? `${line.slice(0, SHOWN_CHARACTERS - 1)}…` : line;

export interface SandboxComparison {
  readonly differences: readonly string[];
  readonly rows: number;
  readonly lines: readonly string[];
}

/** The snapshot of the story run on a sandbox of `profile` at `now`. */
export async function sandboxStorySnapshot(
  agreements: LoadedAgreements,
  profile: SandboxProfile,
  now: Date,
): Promise<StorySnapshot> {
  const sandbox = await startSandbox({ port: 0, seed: 'demo-company', ...profile });
  const client = new OdooClient({
    connection: { url: sandbox.url, db: sandbox.db, login: sandbox.login, apiKey: sandbox.apiKey },
  });
  const out = await mkdtemp(path.join(tmpdir(), 'tally-demo-'));
  try {
    await client.connect();
    await runDemoStory(client, agreements, { out, now });
    return await readStorySnapshot(client, await detectFieldProfile(fieldNamesVia(client)));
  } finally {
    await client.close();
    await sandbox.close();
    await rm(out, { recursive: true, force: true });
  }
}

/** Compares the story `client`'s Odoo holds with the sandbox's, and says so in a few lines. */
export async function compareWithSandbox(
  client: OdooClient,
  agreements: LoadedAgreements,
  profile: SandboxProfile,
  options: { readonly now: Date; readonly db: string },
): Promise<SandboxComparison> {
  const real = await readStorySnapshot(client, await detectFieldProfile(fieldNamesVia(client)));
  const emulated = await sandboxStorySnapshot(agreements, profile, options.now);
  const differences = compareSnapshots(emulated, real, {
    expected: 'the sandbox',
    actual: options.db,
  });
  const lines =
    differences.length === 0
      ? [
          `The sandbox (Odoo ${profile.odooVersion}, ${profile.helpdesk}) ran the same story to the same ${real.size} rows: drafts, lines, pack deliveries, timesheet marks and activities.`,
        ]
      : [
          `${differences.length} of ${Math.max(real.size, emulated.size)} rows differ between the sandbox and ${options.db}:`,
          ...differences.slice(0, SHOWN_DIFFERENCES).map((line) => `  ${clip(line)}`),
          ...(differences.length > SHOWN_DIFFERENCES
            ? [`  … and ${differences.length - SHOWN_DIFFERENCES} more.`]
            : []),
        ];
  return { differences, rows: real.size, lines };
}
