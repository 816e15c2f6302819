/**
 * The demo company loaded into a real Odoo (`tally demo --odoo`): the same records the sandbox's
 * `demo-company` seed builds, in the flavour the server runs, so the two demo runs can be compared.
 */
import type { OdooClient } from '../../odoo/client';
import { detectFieldProfile, fieldNamesVia } from '../../odoo/profiles/detect-profile';
import { demoCompanySeed } from '../../sandbox/demo-company/seed';
import type { SandboxProfile } from '../../sandbox/profile';
import { DemoLoadError } from '../errors';
import { replaySeed, type ReplayProgress, type ReplayResult } from './replay-seed';

const KNOWN_MAJORS = [16, 17, 18, 19] as const;

/** The sandbox profile that builds the same records this server takes. */
export async function profileOfServer(client: OdooClient, major: number): Promise<SandboxProfile> {
  const version = KNOWN_MAJORS.find((known) => known === major);
  if (version === undefined)
    throw new DemoLoadError(
      `The demo company is built for Odoo 16 to 19; this server runs ${major}.`,
    );
  const fields = await detectFieldProfile(fieldNamesVia(client));
  return { odooVersion: version, helpdesk: fields.edition };
}

/** Loads the demo company; `onProgress` hears after every call. */
export async function loadDemoCompany(
  client: OdooClient,
  profile: SandboxProfile,
  onProgress?: (progress: ReplayProgress) => void,
): Promise<ReplayResult> {
  const seed = demoCompanySeed(profile);
  return replaySeed(client, seed.records ?? [], onProgress);
}
