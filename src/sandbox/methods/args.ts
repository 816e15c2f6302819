import { OdooException } from '../errors';

/** Small runtime checks for method arguments arriving from the wire. */
export function asIds(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === false || value === null || value === undefined) return [];
  if (Array.isArray(value) && value.every((id) => typeof id === 'number' && Number.isInteger(id))) {
    return value as number[];
  }
  throw new OdooException('TypeError', `Invalid ids ${JSON.stringify(value)}`);
}

export function asStringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value as string[];
  throw new OdooException(
    'TypeError',
    `Expected a list of field names, got ${JSON.stringify(value)}`,
  );
}

export function asOptionalNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'number') return value;
  throw new OdooException('TypeError', `Expected a number, got ${JSON.stringify(value)}`);
}

export function asOptionalString(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'string') return value;
  throw new OdooException('TypeError', `Expected a string, got ${JSON.stringify(value)}`);
}

export function asVals(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return value as Record<string, unknown>;
  throw new OdooException('ValueError', `Expected a dict of values, got ${JSON.stringify(value)}`);
}

export function asValsList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(asVals) : [asVals(value)];
}
