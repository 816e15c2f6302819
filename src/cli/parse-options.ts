import type { z } from 'zod';
import { UsageError } from './errors';

/** Parses a command's raw flags with its zod schema; every bad flag is named in one message. */
export function parseOptions<S extends z.ZodType>(
  command: string,
  schema: S,
  raw: unknown,
): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const flag =
      issue.path.length > 0
        ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
        : 'arguments';
    return `${flag}: ${issue.message}`;
  });
  throw new UsageError(`Invalid options for "tally ${command}": ${problems.join('; ')}.`);
}
