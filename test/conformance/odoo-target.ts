/**
 * What the conformance suite runs against. `npm test`: the sandbox, once per profile (a fresh
 * database each). `npm run test:odoo` (TALLY_CONFORMANCE=odoo): the real Odoo the usual ODOO_*
 * variables name, which must be a new, disposable database; with none named, the suite is skipped.
 */
import { z } from 'zod';
import type { OdooConnectionOptions } from '../../src/odoo/connection';
import type { SandboxProfile } from '../../src/sandbox/profile';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';

export interface OdooTarget {
  /** How the test titles name it. */
  readonly label: string;
  readonly connection: OdooConnectionOptions;
  /** The sandbox profile whose story the target is compared with (a sandbox: its own). */
  readonly sandboxProfile: SandboxProfile | null;
  readonly close: () => Promise<void>;
}

export interface TargetSpec {
  readonly label: string;
  readonly open: () => Promise<OdooTarget>;
}

/** The sandbox profiles `npm test` runs the suite on; 16-18 as partners run them (OCA helpdesk). */
export const SANDBOX_PROFILES: readonly SandboxProfile[] = [
  { odooVersion: 16, helpdesk: 'oca' },
  { odooVersion: 17, helpdesk: 'oca' },
  { odooVersion: 18, helpdesk: 'oca' },
  { odooVersion: 19, helpdesk: 'enterprise' },
];

const unsetWhenEmpty = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().min(1).optional(),
);

const RealOdooSchema = z
  .object({
    ODOO_URL: z.string().url(),
    ODOO_DB: z.string().min(1),
    ODOO_LOGIN: z.string().min(1),
    // Empty means unset, as everywhere in Tally (`ODOO_API_KEY=` beside a password).
    ODOO_PASSWORD: unsetWhenEmpty,
    ODOO_API_KEY: unsetWhenEmpty,
  })
  .refine((env) => env.ODOO_PASSWORD !== undefined || env.ODOO_API_KEY !== undefined, {
    message: 'set ODOO_PASSWORD or ODOO_API_KEY',
  });

export const ON_REAL_ODOO = process.env.TALLY_CONFORMANCE === 'odoo';

function sandboxSpec(profile: SandboxProfile): TargetSpec {
  const label = `the sandbox as Odoo ${profile.odooVersion} (${profile.helpdesk} helpdesk)`;
  return {
    label,
    open: async () => {
      const sandbox: Sandbox = await startSandbox({ port: 0, seed: 'empty', ...profile });
      return {
        label,
        connection: {
          url: sandbox.url,
          db: sandbox.db,
          login: sandbox.login,
          ...(profile.odooVersion >= 19
            ? { apiKey: sandbox.apiKey }
            : { password: sandbox.password }),
          timeoutMs: 20_000,
        },
        sandboxProfile: profile,
        close: () => sandbox.close(),
      };
    },
  };
}

function realSpec(env: z.infer<typeof RealOdooSchema>): TargetSpec {
  const label = `Odoo at ${env.ODOO_URL}, database ${env.ODOO_DB}`;
  return {
    label,
    open: async () => ({
      label,
      connection: {
        url: env.ODOO_URL,
        db: env.ODOO_DB,
        login: env.ODOO_LOGIN,
        ...(env.ODOO_API_KEY !== undefined
          ? { apiKey: env.ODOO_API_KEY }
          : { password: env.ODOO_PASSWORD }),
        timeoutMs: 120_000,
      },
      sandboxProfile: null,
      close: async () => undefined,
    }),
  };
}

/** The targets of this run; empty (the suite skips) on a real-Odoo run with none named. */
export function conformanceTargets(): TargetSpec[] {
  if (!ON_REAL_ODOO) return SANDBOX_PROFILES.map(sandboxSpec);
  const parsed = RealOdooSchema.safeParse(process.env);
  if (!parsed.success) {
    process.stderr.write(
      'npm run test:odoo: no Odoo named, so the conformance suite is skipped. Set ODOO_URL, ODOO_DB, ODOO_LOGIN and ODOO_PASSWORD or ODOO_API_KEY (a new, disposable database).\n',
    );
    return [];
  }
  return [realSpec(parsed.data)];
}

/** `describe.each` over the targets, or one skipped block saying why. */
export function describeTargets(title: string, body: (spec: TargetSpec) => void): void {
  const targets = conformanceTargets();
  if (targets.length === 0) {
    describe.skip(`${title}: no Odoo named (see npm run test:odoo in the README)`, () => {
      it('needs ODOO_URL, ODOO_DB, ODOO_LOGIN and a secret', () => undefined);
    });
    return;
  }
  for (const spec of targets) describe(`${title} on ${spec.label}`, () => body(spec));
}
