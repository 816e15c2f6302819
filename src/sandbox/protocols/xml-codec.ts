import { OdooException } from '../errors';

/** A minimal XML element tree: enough for XML-RPC method calls. */
interface XmlNode {
  tag: string;
  children: XmlNode[];
  text: string;
}

const TOKEN =
  /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|([^<]+)/g;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return (
      ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[entity] ?? ''
    );
  });
}

function parseXml(xml: string): XmlNode {
  const root: XmlNode = { tag: '#root', children: [], text: '' };
  const stack: XmlNode[] = [root];
  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, closing, tag, , selfClosing, text] = match;
    const top = stack[stack.length - 1] as XmlNode;
    if (cdata !== undefined) top.text += cdata;
    else if (text !== undefined) top.text += decodeEntities(text);
    else if (tag !== undefined) {
      if (closing === '/') {
        if (top.tag !== tag) throw new OdooException('ValueError', `mismatched tag: ${tag}`);
        stack.pop();
      } else {
        const node: XmlNode = { tag, children: [], text: '' };
        top.children.push(node);
        if (selfClosing !== '/') stack.push(node);
      }
    }
  }
  if (stack.length !== 1) throw new OdooException('ValueError', 'no element found');
  return root;
}

function child(node: XmlNode, tag: string): XmlNode | undefined {
  return node.children.find((item) => item.tag === tag);
}

function decodeValue(value: XmlNode): unknown {
  const typed = value.children[0];
  if (typed === undefined) return value.text;
  switch (typed.tag) {
    case 'string':
      return typed.text;
    case 'int':
    case 'i4':
    case 'i8':
      return parseInt(typed.text.trim(), 10);
    case 'double':
      return parseFloat(typed.text.trim());
    case 'boolean':
      return typed.text.trim() === '1';
    case 'nil':
      return null;
    case 'dateTime.iso8601':
    case 'base64':
      return typed.text.trim();
    case 'array': {
      const data = child(typed, 'data');
      return (data?.children ?? []).filter((item) => item.tag === 'value').map(decodeValue);
    }
    case 'struct': {
      const out: Record<string, unknown> = {};
      for (const member of typed.children.filter((item) => item.tag === 'member')) {
        const name = child(member, 'name')?.text ?? '';
        const inner = child(member, 'value');
        out[name] = inner === undefined ? null : decodeValue(inner);
      }
      return out;
    }
    default:
      throw new OdooException('TypeError', `unknown XML-RPC tag ${typed.tag}`);
  }
}

/** Parses `<methodCall>` into its method name and parameters. */
export function parseMethodCall(xml: string): { method: string; params: unknown[] } {
  const call = child(parseXml(xml), 'methodCall');
  if (call === undefined) throw new OdooException('ValueError', 'not a methodCall');
  const method = (child(call, 'methodName')?.text ?? '').trim();
  const params = (child(call, 'params')?.children ?? [])
    .filter((item) => item.tag === 'param')
    .map((param) => {
      const value = child(param, 'value');
      return value === undefined ? null : decodeValue(value);
    });
  return { method, params };
}

function escape(text: string): string {
  // XML 1.0 forbids most control characters; Odoo strips them before marshalling.
  let cleaned = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 32 || code === 9 || code === 10 || code === 13) cleaned += char;
  }
  return cleaned.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const INT32_MAX = 2 ** 31 - 1;

/** Marshals a value the way Python's xmlrpc.client does with allow_none=False. */
export function encodeValue(value: unknown): string {
  if (value === null || value === undefined)
    throw new OdooException('TypeError', 'cannot marshal None unless allow_none is enabled');
  if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      if (Math.abs(value) > INT32_MAX)
        throw new OdooException('OverflowError', 'int exceeds XML-RPC limits');
      return `<value><int>${value}</int></value>`;
    }
    return `<value><double>${value}</double></value>`;
  }
  if (typeof value === 'string') return `<value><string>${escape(value)}</string></value>`;
  if (Array.isArray(value))
    return `<value><array><data>\n${value.map(encodeValue).join('\n')}\n</data></array></value>`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `<member>\n<name>${escape(key)}</name>\n${encodeValue(item)}\n</member>`,
    );
    return `<value><struct>\n${members.join('\n')}\n</struct></value>`;
  }
  return `<value><string>${escape(String(value))}</string></value>`;
}

export function encodeResponse(value: unknown): string {
  return `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n${encodeValue(value)}\n</param>\n</params>\n</methodResponse>\n`;
}

export function encodeFault(code: number | string, message: string): string {
  return `<?xml version='1.0'?>\n<methodResponse>\n<fault>\n${encodeValue({ faultCode: code, faultString: message })}\n</fault>\n</methodResponse>\n`;
}
