import xmlrpc from 'xmlrpc';
import type { Sandbox } from '../../src/sandbox';

/** A bare JSON-RPC call as any Odoo client makes it. */
export async function jsonRpc(
  sandbox: Sandbox,
  service: string,
  method: string,
  args: unknown[],
): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}/jsonrpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      id: 1,
      params: { service, method, args },
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** `execute_kw` as admin; returns the result or throws the JSON-RPC error data. */
export async function executeKw(
  sandbox: Sandbox,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
): Promise<unknown> {
  const body = await jsonRpc(sandbox, 'object', 'execute_kw', [
    sandbox.db,
    sandbox.uid,
    sandbox.password,
    model,
    method,
    args,
    kwargs,
  ]);
  if ('error' in body) throw Object.assign(new Error('rpc error'), { rpc: body.error });
  return body.result;
}

/** The `error` member of a failing execute_kw. */
export async function executeKwError(
  sandbox: Sandbox,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
  uid = sandbox.uid,
  password = sandbox.password,
): Promise<{
  code: number;
  message: string;
  data: { name: string; message: string; arguments: string[]; debug: string };
}> {
  const body = await jsonRpc(sandbox, 'object', 'execute_kw', [
    sandbox.db,
    uid,
    password,
    model,
    method,
    args,
    kwargs,
  ]);
  if (!('error' in body)) throw new Error(`expected an error, got ${JSON.stringify(body.result)}`);
  return body.error as never;
}

export interface XmlFault {
  faultCode: number | string;
  faultString: string;
}

/** One XML-RPC call through the `xmlrpc` package (what odoo-xmlrpc uses). */
export function xmlRpc(
  sandbox: Sandbox,
  path: string,
  method: string,
  params: unknown[],
): Promise<{ value?: unknown; fault?: XmlFault }> {
  const client = xmlrpc.createClient({ host: '127.0.0.1', port: sandbox.port, path });
  return new Promise((resolve, reject) => {
    client.methodCall(method, params, (error: unknown, value: unknown) => {
      if (error === null || error === undefined) return resolve({ value });
      const fault = error as Partial<XmlFault> & { message?: string };
      if (fault.faultCode !== undefined)
        return resolve({
          fault: { faultCode: fault.faultCode, faultString: fault.faultString ?? '' },
        });
      reject(error instanceof Error ? error : new Error(String(fault.message)));
    });
  });
}
