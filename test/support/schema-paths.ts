import { z } from 'zod';

/** A documented setting: its dotted path (`billing.rounding.increment`, `tiers.<key>.covers`). */
export interface SchemaPath {
  readonly path: string;
  readonly description: string | undefined;
}

/** Unwraps optional, default, prefault, nullable and pipe wrappers to the schema that holds data. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; description: string | undefined } {
  let current: z.ZodType = schema;
  let description = schema.description;
  for (;;) {
    description ??= current.description;
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else return { inner: current, description: description ?? current.description };
  }
}

/**
 * Every setting of a config schema, walked through objects, arrays (`[]`), records (`<key>`) and
 * discriminated unions (each option's fields), so a docs test can demand each is documented.
 */
export function schemaPaths(schema: z.ZodType, prefix = ''): SchemaPath[] {
  const { inner, description } = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const nested = schemaPaths(child, path);
      return nested.length > 0 ? nested : [{ path, description: unwrap(child).description }];
    });
  }
  if (inner instanceof z.ZodArray) {
    const element = inner.element as z.ZodType;
    return unwrap(element).inner instanceof z.ZodObject ? schemaPaths(element, `${prefix}[]`) : [];
  }
  if (inner instanceof z.ZodRecord) {
    const value = inner.valueType as z.ZodType;
    return unwrap(value).inner instanceof z.ZodObject ? schemaPaths(value, `${prefix}.<key>`) : [];
  }
  if (inner instanceof z.ZodDiscriminatedUnion || inner instanceof z.ZodUnion) {
    const seen = new Map<string, SchemaPath>();
    for (const option of inner.options as z.ZodType[])
      for (const entry of schemaPaths(option, prefix))
        if (!seen.has(entry.path)) seen.set(entry.path, entry);
    return [...seen.values()];
  }
  void description;
  return [];
}
