import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { startSandbox, type SandboxOptions } from '../../sandbox/server';
import { BUILT_IN_SEEDS, parseSeedFile, type BuiltInSeed } from '../../sandbox/seed';
import { UsageError } from '../errors';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';
import type { StopRequests } from '../stop-requests';

const SandboxFlagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8069),
  host: z.string().default('127.0.0.1'),
  seed: z.string().default('demo'),
  db: z.string().min(1).default('tally'),
  login: z.string().min(1).default('admin'),
  password: z.string().min(1).default('admin'),
  apiKey: z.string().min(8).optional(),
  odooVersion: z.coerce
    .number()
    .int()
    .refine((v): v is 16 | 17 | 18 | 19 => [16, 17, 18, 19].includes(v), 'must be 16, 17, 18 or 19')
    .default(17),
  helpdesk: z.enum(['oca', 'enterprise']).default('oca'),
});

const isBuiltIn = (flag: string): flag is BuiltInSeed =>
  (BUILT_IN_SEEDS as readonly string[]).includes(flag);

async function seedFrom(flag: string): Promise<SandboxOptions['seed']> {
  if (isBuiltIn(flag)) return flag;
  return parseSeedFile(flag, await readFile(flag, 'utf8'));
}

/** Starts the sandbox; a port another program holds is a usage error that names the fix. */
async function startSandboxOnPort(port: number, options: SandboxOptions) {
  try {
    return await startSandbox({ ...options, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code !== 'EADDRINUSE') throw error;
    throw new UsageError(
      `Port ${port} is taken by another program (an Odoo, or another sandbox): choose another with --port, or --port 0 for any free one.`,
    );
  }
}

/** `tally sandbox`: an Odoo emulator on this machine, for trying Tally safely. */
export async function sandboxAction(
  raw: unknown,
  output: Output,
  listenForStop: () => StopRequests,
): Promise<void> {
  const flags = parseOptions('sandbox', SandboxFlagsSchema, raw);
  const sandbox = await startSandboxOnPort(flags.port, {
    host: flags.host,
    db: flags.db,
    login: flags.login,
    password: flags.password,
    ...(flags.apiKey === undefined ? {} : { apiKey: flags.apiKey }),
    odooVersion: flags.odooVersion,
    helpdesk: flags.helpdesk,
    seed: await seedFrom(flags.seed),
  });
  // Listen before announcing readiness, so a stop request right after the banner is not lost.
  const stop = listenForStop();
  output.print(
    `Odoo ${flags.odooVersion} sandbox (${flags.helpdesk} helpdesk) listening on ${sandbox.url}`,
  );
  // One block to paste as it is: an API key works over every transport, JSON-2 included, and
  // Tally refuses a password and a key set together.
  output.print('Paste into the shell where you run tally:');
  output.print(`export ODOO_URL=${sandbox.url}`);
  output.print(`export ODOO_DB=${sandbox.db}`);
  output.print(`export ODOO_LOGIN=${sandbox.login}`);
  output.print(`export ODOO_API_KEY=${sandbox.apiKey}`);
  output.print(
    `These are throw-away credentials of an in-memory database (the admin's password is ${sandbox.password}). Press Ctrl+C to stop.`,
  );
  await stop.first;
  // A second Ctrl+C while closing ends the process at once.
  stop.dispose();
  await sandbox.close();
}
