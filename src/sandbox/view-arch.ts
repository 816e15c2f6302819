/**
 * The part of Odoo's view validation the sandbox reproduces when a view is created or written: every
 * field a view shows must exist on its model, and every element an inherited view positions against
 * must be found in its parent. Only `<field name>` and `<xpath expr="//field[@name='…']">` locators
 * are understood; any other xpath is accepted unchecked.
 */
import { validationError } from './errors';
import type { Env } from './types';

interface ArchElement {
  readonly tag: string;
  readonly text: string;
  readonly attrs: Readonly<Record<string, string>>;
}

const ELEMENT = /<(field|xpath)\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const XPATH_FIELD = /^\/\/field\[@name=['"]([^'"]+)['"]\]$/;

function elements(arch: string): ArchElement[] {
  const out: ArchElement[] = [];
  for (const match of arch.matchAll(ELEMENT)) {
    const attrs: Record<string, string> = {};
    for (const attr of (match[2] ?? '').matchAll(ATTRIBUTE)) {
      attrs[attr[1] as string] = attr[2] ?? attr[3] ?? '';
    }
    out.push({ tag: match[1] as string, text: match[0], attrs });
  }
  return out;
}

/** The field an inheritance locator points at, or undefined for an xpath the sandbox cannot read. */
function locatedField(element: ArchElement): string | undefined {
  if (element.tag === 'field') return element.attrs.name;
  return XPATH_FIELD.exec(element.attrs.expr ?? '')?.[1];
}

function shownFields(arch: string): Set<string> {
  const names = new Set<string>();
  for (const element of elements(arch)) {
    if (element.tag === 'field' && element.attrs.name !== undefined) names.add(element.attrs.name);
  }
  return names;
}

function invalid(reason: string): never {
  throw validationError(`Error while validating view:\n\n${reason}`);
}

/** Validates a view's arch against its model and, for an extension, its parent's arch. */
export function checkViewArch(
  env: Env,
  model: string,
  arch: string,
  parentArch: string | undefined,
): void {
  const def = env.registry.get(model);
  if (def === undefined) invalid(`Model not found: ${model}`);
  const parentFields = parentArch === undefined ? undefined : shownFields(parentArch);
  for (const element of elements(arch)) {
    const locator = parentFields !== undefined && element.attrs.position !== undefined;
    if (element.tag === 'xpath' && parentFields === undefined) {
      invalid(`Element '${element.text}' is only allowed in an inherited view`);
    }
    if (locator || element.tag === 'xpath') {
      const target = locatedField(element);
      if (target !== undefined && parentFields !== undefined && !parentFields.has(target)) {
        invalid(`Element '${element.text}' cannot be located in parent view`);
      }
      continue;
    }
    const name = element.attrs.name;
    if (name !== undefined && !def.fields.has(name)) {
      invalid(`Field "${name}" does not exist in model "${model}"`);
    }
  }
}
