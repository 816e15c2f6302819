/**
 * One HTTP round trip through `fetch` (Node's global by default) with a per-call timeout. It returns
 * what came back without judging it; the transports decide what the answer means.
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly retryAfter: string | null;
  readonly bodyText: string;
}

export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

/** Sends one request; the timeout covers reading the body too, as the signal stays attached. */
export async function exchange(fetchImpl: FetchLike, request: HttpRequest): Promise<HttpAnswer> {
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    signal: AbortSignal.timeout(request.timeoutMs),
  };
  if (request.body !== undefined) init.body = request.body;
  const response = await fetchImpl(request.url, init);
  const bodyText = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    retryAfter: response.headers.get('retry-after'),
    bodyText,
  };
}

/** Parses a body as JSON, answering `undefined` for anything that is not JSON. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Joins the base URL and an absolute path without doubling slashes. */
export function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
