import type { FieldSpec, FieldType } from './types';

type Extra = Partial<Omit<FieldSpec, 'type' | 'string'>>;

const plain =
  (type: FieldType) =>
  (string: string, extra: Extra = {}): FieldSpec => ({ type, string, ...extra });

/** Terse field builders for model specs (Odoo's `fields.Char(...)` etc.). */
export const F = {
  char: plain('char'),
  text: plain('text'),
  html: plain('html'),
  int: plain('integer'),
  float: plain('float'),
  money: plain('monetary'),
  bool: plain('boolean'),
  date: plain('date'),
  datetime: plain('datetime'),
  binary: plain('binary'),
  json: plain('json'),
  sel: (
    keys: readonly string[] | [string, string][],
    string: string,
    extra: Extra = {},
  ): FieldSpec => ({
    type: 'selection',
    string,
    selection: keys.map((key) => (typeof key === 'string' ? [key, titleCase(key)] : key)),
    ...extra,
  }),
  m2o: (relation: string, string: string, extra: Extra = {}): FieldSpec => ({
    type: 'many2one',
    string,
    relation,
    ...extra,
  }),
  o2m: (relation: string, relationField: string, string: string, extra: Extra = {}): FieldSpec => ({
    type: 'one2many',
    string,
    relation,
    relationField,
    ...extra,
  }),
  m2m: (relation: string, string: string, extra: Extra = {}): FieldSpec => ({
    type: 'many2many',
    string,
    relation,
    ...extra,
  }),
};

function titleCase(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Values that are "empty" in Odoo's sense (false on the wire). */
export function isEmpty(value: unknown): boolean {
  return value === false || value === null || value === undefined || value === '';
}
