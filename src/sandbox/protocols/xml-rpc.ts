import type { SandboxContext } from '../context';
import { OdooException } from '../errors';
import { fakeTraceback } from '../py';
import { runCall } from './call-runner';
import { remoteAddress, sendText, type Exchange } from './http-io';
import { describeCall, dispatchService } from './services';
import { encodeFault, encodeResponse, parseMethodCall } from './xml-codec';

/** `/xmlrpc/2/*` fault: integer codes 1-4 (odoo/addons/base/controllers/rpc.py). */
function faultV2(error: OdooException): string {
  const code = error.xmlRpcFaultCode;
  return encodeFault(
    code,
    code === 1 ? fakeTraceback(error.tracebackName, error.odooMessage) : error.odooMessage,
  );
}

/** Legacy `/xmlrpc/*` fault: string codes, the message in the code and an empty faultString. */
function faultLegacy(error: OdooException): string {
  const message = error.odooMessage;
  switch (error.kind) {
    case 'MissingError':
      return encodeFault(`warning -- MissingError\n\n${message}`, '');
    case 'AccessError':
      return encodeFault(`warning -- AccessError\n\n${message}`, '');
    case 'AccessDenied':
      return encodeFault('AccessDenied', message);
    case 'RedirectWarning':
      return encodeFault(`warning -- Warning\n\n${message}`, '');
    case 'UserError':
    case 'ValidationError':
      return encodeFault(`warning -- UserError\n\n${message}`, '');
    default:
      return encodeFault(message, fakeTraceback(error.tracebackName, message));
  }
}

/** `POST /xmlrpc/2/<service>` and the legacy `/xmlrpc/<service>`. */
export async function handleXmlRpc(
  ctx: SandboxContext,
  exchange: Exchange,
  service: string,
  legacy: boolean,
): Promise<void> {
  const fault = legacy ? faultLegacy : faultV2;
  const send = (xml: string): void => sendText(exchange.res, 200, 'text/xml; charset=utf-8', xml);
  let call: { method: string; params: unknown[] };
  try {
    call = parseMethodCall(exchange.body.toString('utf8'));
  } catch (error) {
    const message = error instanceof OdooException ? error.odooMessage : 'syntax error';
    send(fault(new OdooException('ValueError', message)));
    return;
  }
  const outcome = await runCall(
    ctx,
    exchange,
    describeCall(service, call.method, call.params),
    () => dispatchService(ctx, service, call.method, call.params, remoteAddress(exchange.req)),
  );
  if ('lost' in outcome) return;
  if (!outcome.ok) {
    send(fault(outcome.error));
    return;
  }
  try {
    send(encodeResponse(outcome.value));
  } catch (error) {
    // The call already committed: Odoo marshals after the transaction (odoo-rpc.md §1.3).
    send(
      fault(error instanceof OdooException ? error : new OdooException('TypeError', String(error))),
    );
  }
}
