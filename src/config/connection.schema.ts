/**
 * Connection settings: where Odoo and Redis are and how to authenticate. Read from the environment
 * (names below) or a YAML file of the same shape (`config/connection.example.yaml`); the environment
 * wins. The `odoo` part has the shape `src/odoo`'s `OdooConnectionOptions` expects.
 */
import { z } from 'zod';

export const PROTOCOLS = ['auto', 'jsonrpc', 'xmlrpc', 'json2'] as const;

/** Environment variable for each setting, so errors can name what to fix. */
export const CONNECTION_ENV = {
  'odoo.url': 'ODOO_URL',
  'odoo.db': 'ODOO_DB',
  'odoo.login': 'ODOO_LOGIN',
  'odoo.password': 'ODOO_PASSWORD',
  'odoo.apiKey': 'ODOO_API_KEY',
  'odoo.protocol': 'ODOO_PROTOCOL',
  'odoo.timeoutMs': 'ODOO_TIMEOUT_MS',
  'odoo.tlsRejectUnauthorized': 'ODOO_TLS_REJECT_UNAUTHORIZED',
  'redis.url': 'REDIS_URL',
  agreementsPath: 'TALLY_CONFIG',
} as const;

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_ODOO_TIMEOUT_MS = 30_000;

const httpUrl = z
  .string({ error: (issue) => (issue.input === undefined ? 'is not set' : 'must be text') })
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }))
  .transform((url) => url.replace(/\/+$/, ''));

/** A required string whose absence reads as "is not set" rather than a type error. */
const requiredText = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is not set' : 'must be text') })
    .trim()
    .min(1, what);

const secret = z.string().min(1, 'must not be empty').optional();

/** "detect" is accepted as a synonym of "auto", as the issue words it. */
const protocol = z
  .preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .trim()
            .toLowerCase()
            .replace(/^detect$/, 'auto')
        : value,
    z.enum(PROTOCOLS, { error: `must be one of ${PROTOCOLS.join(', ')} (or detect)` }),
  )
  .default('auto')
  .describe('Transport: auto (JSON-2 from Odoo 19 with an API key, JSON-RPC before), or forced.');

/** Env values arrive as strings; files may hold real booleans and numbers. */
const booleanish = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const normalised = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(normalised)) return true;
    if (['false', '0', 'no'].includes(normalised)) return false;
    return value;
  },
  z.boolean({ error: 'must be true or false' }),
);

const positiveInt = z.coerce.number({ error: 'must be a number' }).int().positive();

export const OdooConnectionSchema = z
  .object({
    url: httpUrl.describe('Base URL of the Odoo server (ODOO_URL).'),
    db: requiredText('must name the database').describe('Database name (ODOO_DB).'),
    login: z
      .string()
      .trim()
      .min(1, 'must name the Odoo user')
      .describe('Login of the bot user (ODOO_LOGIN).'),
    password: secret.describe('Password (ODOO_PASSWORD); exactly one of password / apiKey.'),
    apiKey: secret.describe('API key (ODOO_API_KEY); needed for JSON-2 on Odoo 19+.'),
    protocol,
    timeoutMs: positiveInt
      .default(DEFAULT_ODOO_TIMEOUT_MS)
      .describe('Per-call timeout in ms. Default 30000.'),
    tlsRejectUnauthorized: booleanish
      .default(true)
      .describe(
        'Verify the TLS certificate. Default true; false only for self-signed dev servers.',
      ),
  })
  // `when: always` runs these even when other fields failed, so every problem is reported at once.
  .refine((value) => !(hasSecret(value, 'password') && hasSecret(value, 'apiKey')), {
    path: ['apiKey'],
    message: 'set exactly one of ODOO_PASSWORD or ODOO_API_KEY (both are set)',
    when: always,
  })
  .refine((value) => hasSecret(value, 'password') || hasSecret(value, 'apiKey'), {
    path: ['password'],
    message: 'set exactly one of ODOO_PASSWORD or ODOO_API_KEY (neither is set)',
    when: always,
  });

function always(): boolean {
  return true;
}

function hasSecret(value: unknown, key: 'password' | 'apiKey'): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Record<string, unknown>)[key] === 'string'
  );
}

export const ConnectionSchema = z.object({
  odoo: OdooConnectionSchema,
  redis: z
    .object({
      url: z
        .string()
        .trim()
        .min(1)
        .default(DEFAULT_REDIS_URL)
        .describe(`Default ${DEFAULT_REDIS_URL}.`),
    })
    .default({ url: DEFAULT_REDIS_URL }),
  agreementsPath: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('Agreements/rules file (TALLY_CONFIG); the agreements loader has its own default.'),
});

export type ConnectionInput = z.input<typeof ConnectionSchema>;
export type Connection = z.infer<typeof ConnectionSchema>;
export type OdooConnection = z.infer<typeof OdooConnectionSchema>;
