import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../src/cli/errors';

const positive = z.coerce.number().int().positive();

export const BenchOptionsSchema = z.object({
  lines: z
    .string()
    .default('100000,300000')
    .transform((text) => text.split(',').map((part) => Number(part.trim())))
    .pipe(z.array(z.number().int().min(100)).min(1))
    .describe(
      'Timesheet lines per dataset, comma-separated (default 100000,300000: every target is judged).',
    ),
  naiveLines: positive
    .min(100)
    .default(3_000)
    .describe('Lines of the dataset both strategies sync for the naive comparison (default 3000).'),
  customers: positive.default(400).describe('Customers in every dataset (default 400).'),
  latency: z.coerce
    .number()
    .int()
    .min(0)
    .default(5)
    .describe('Latency the sandbox adds to every RPC call, in ms (default 5).'),
  seed: z.coerce.number().int().default(20260107).describe('Seed of the generator.'),
  out: z.string().min(1).default('bench-results').describe('Directory of the JSON results.'),
});
export type BenchOptions = z.infer<typeof BenchOptionsSchema>;

/** Parses `npm run bench -- --lines 100000,300000 ...`; a bad flag is named in one sentence. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        lines: { type: 'string' },
        'naive-lines': { type: 'string' },
        customers: { type: 'string' },
        latency: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(
      `Invalid options for npm run bench: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = BenchOptionsSchema.safeParse({ ...values, naiveLines: values['naive-lines'] });
  if (parsed.success) {
    const sorted = [...parsed.data.lines].sort((a, b) => a - b);
    return { ...parsed.data, lines: [...new Set(sorted)] };
  }
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'arguments');
    return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`;
  });
  throw new UsageError(`Invalid options for npm run bench: ${problems.join('; ')}.`);
}
