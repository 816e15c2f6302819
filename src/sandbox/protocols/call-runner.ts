import type { SandboxContext } from '../context';
import { OdooException } from '../errors';
import type { CallInfo, FaultKind } from '../faults';
import { isWriteMethod } from '../stats';
import { sendProxyError, type Exchange } from './http-io';

export type Outcome =
  { ok: true; value: unknown } | { ok: false; error: OdooException } | { lost: true };

const SERIALIZATION_MESSAGE = 'could not serialize access due to concurrent update\n';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Plays a transport fault on the exchange: proxy error page, connection reset, or a hang. */
function playTransportFault(exchange: Exchange, kind: FaultKind): void {
  switch (kind) {
    case 'http-502':
      return sendProxyError(exchange.res, 502);
    case 'http-503':
      return sendProxyError(exchange.res, 503);
    case 'http-504':
      return sendProxyError(exchange.res, 504);
    case 'reset':
      exchange.req.socket.destroy();
      return;
    default:
      // timeout: never answer; the client's timeout fires, close() ends the socket.
      return;
  }
}

const SERVICES = new Set(['common', 'db', 'web']);

/** Unexpected emulator failures still reach the client as a Python-style server error. */
function asOdooException(error: unknown): OdooException {
  if (error instanceof OdooException) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooException('ValueError', message);
}

/** Runs one RPC call with stats, latency and faults applied; `lost` means the answer was dropped. */
export async function runCall(
  ctx: SandboxContext,
  exchange: Exchange,
  call: { model: string; method: string },
  execute: () => unknown,
): Promise<Outcome> {
  const info: CallInfo = {
    ...call,
    // Services and the web-session routes (login, version) change no records.
    isWrite: !SERVICES.has(call.model) && isWriteMethod(call.method),
  };
  ctx.stats.record(info.model, info.method, info.isWrite);
  if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
  const decision = ctx.faults.decide(info);
  if (decision?.kind === 'serialization') {
    return { ok: false, error: new OdooException('SerializationFailure', SERIALIZATION_MESSAGE) };
  }
  if (decision !== undefined && !decision.afterCommit) {
    playTransportFault(exchange, decision.kind);
    return { lost: true };
  }
  let outcome: Outcome;
  try {
    outcome = { ok: true, value: execute() };
  } catch (error) {
    outcome = { ok: false, error: asOdooException(error) };
  }
  if (decision !== undefined) {
    playTransportFault(exchange, decision.kind);
    return { lost: true };
  }
  return outcome;
}
