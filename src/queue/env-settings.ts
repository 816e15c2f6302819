import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../config/errors';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses settings that come from environment variables, one variable per top-level key. Unset and
 * blank variables fall back to the schema's defaults; every bad variable is named in one ConfigError.
 */
export function settingsFromEnv<S extends z.ZodType>(
  schema: S,
  variables: Readonly<Record<string, string>>,
  env: Env,
  overrides: Readonly<Record<string, unknown>> = {},
): z.infer<S> {
  const raw: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(variables)) {
    const value = env[variable];
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  const parsed = schema.safeParse({ ...raw, ...overrides });
  if (parsed.success) return parsed.data;
  const issues: ConfigIssue[] = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return { path: variables[key] ?? (key || '(settings)'), line: null, message: issue.message };
  });
  throw new ConfigError('environment', issues);
}
