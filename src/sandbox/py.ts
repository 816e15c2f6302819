/** Python-flavoured rendering of values, so messages read exactly like Odoo's. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    return String(value);
  }
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const items = Object.entries(value).map(([k, v]) => `${pyString(k)}: ${pyRepr(v)}`);
    return `{${items.join(', ')}}`;
  }
  return String(value);
}

function pyString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .split(quote)
    .join(`\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** A domain leaf as Odoo prints it: a tuple. */
export function pyTuple(items: readonly unknown[]): string {
  return `(${items.map(pyRepr).join(', ')})`;
}

/** A plausible server traceback ending with the exception line, as XML-RPC fault 1 carries. */
export function fakeTraceback(exceptionName: string, message: string): string {
  return [
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/dist-packages/odoo/http.py", line 1765, in _serve_db',
    '    return service_model.retrying(self._serve_ir_http, self.env)',
    '  File "/usr/lib/python3/dist-packages/odoo/service/model.py", line 133, in retrying',
    '    result = func()',
    '  File "/usr/lib/python3/dist-packages/odoo/api.py", line 466, in call_kw',
    '    result = _call_kw_model(method, model, args, kwargs)',
    `${exceptionName}: ${message}`,
    '',
  ].join('\n');
}
