import { displayName } from '../env';
import { OdooException } from '../errors';
import { pyRepr } from '../py';
import type { Env, FieldDef, ModelDef } from '../types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function wrongValue(model: ModelDef, field: FieldDef, value: unknown): OdooException {
  return new OdooException(
    'ValueError',
    `Wrong value for ${model.name}.${field.name}: ${pyRepr(value)}`,
  );
}

/** Converts a value written over RPC into the stored representation (Odoo's convert_to_cache). */
export function toStored(model: ModelDef, field: FieldDef, value: unknown): unknown {
  const empty = value === false || value === null || value === undefined;
  switch (field.type) {
    case 'many2one':
      if (empty || value === 0) return false;
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
      throw wrongValue(model, field, value);
    case 'integer':
    case 'float':
    case 'monetary': {
      if (empty) return 0;
      const number = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'boolean' || Number.isNaN(number)) throw wrongValue(model, field, value);
      return field.type === 'integer' ? Math.trunc(number) : number;
    }
    case 'boolean':
      return Boolean(value);
    case 'date': {
      if (empty) return false;
      const text = String(value).slice(0, 10);
      if (!DATE.test(text)) {
        throw new OdooException(
          'ValueError',
          `time data ${pyRepr(value)} does not match format '%Y-%m-%d'`,
        );
      }
      return text;
    }
    case 'datetime': {
      if (empty) return false;
      const text = String(value);
      if (DATETIME.test(text)) return text;
      if (DATE.test(text)) return `${text} 00:00:00`;
      throw new OdooException(
        'ValueError',
        `time data ${pyRepr(value)} does not match format '%Y-%m-%d %H:%M:%S'`,
      );
    }
    case 'selection':
      if (empty) return false;
      if (!field.selection?.some(([key]) => key === value)) throw wrongValue(model, field, value);
      return value;
    case 'json':
      return empty ? false : value;
    default:
      if (empty) return false;
      return typeof value === 'string' ? value : String(value);
  }
}

/** The value Odoo sends for a field: many2one as [id, name] (or id when `load` is not classic). */
export function toWire(env: Env, field: FieldDef, value: unknown, classicLoad: boolean): unknown {
  switch (field.type) {
    case 'many2one':
      if (typeof value !== 'number' || field.relation === undefined) return false;
      return classicLoad ? [value, displayName(env, field.relation, value)] : value;
    case 'one2many':
    case 'many2many':
      return Array.isArray(value) ? [...(value as number[])] : [];
    case 'integer':
    case 'float':
    case 'monetary':
      return typeof value === 'number' ? value : 0;
    case 'boolean':
      return value === true;
    default:
      return value === undefined || value === null || value === ''
        ? value === ''
          ? ''
          : false
        : value;
  }
}
