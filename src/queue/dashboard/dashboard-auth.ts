import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export interface DashboardCredentials {
  readonly token?: string | undefined;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
}

// Compares digests so neither the length nor the content leaks through timing.
function same(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Whether an Authorization header carries valid credentials: `Bearer <token>`, or Basic with the
 * configured user and password. Basic with any user and the token as password also passes, so a
 * browser can open Bull Board when only a token is configured.
 */
export function isAuthorized(
  header: string | undefined,
  credentials: DashboardCredentials,
): boolean {
  if (header === undefined) return false;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer')
    return credentials.token !== undefined && same(value, credentials.token);
  if (scheme?.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const tokenOk = credentials.token !== undefined && same(password, credentials.token);
  const userOk =
    credentials.user !== undefined &&
    credentials.password !== undefined &&
    same(user, credentials.user) &&
    same(password, credentials.password);
  return tokenOk || userOk;
}

/** Express middleware: every route needs credentials; a 401 asks the browser for basic auth. */
export function requireCredentials(credentials: DashboardCredentials) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (isAuthorized(request.headers.authorization, credentials)) {
      next();
      return;
    }
    response
      .status(401)
      .set('WWW-Authenticate', 'Basic realm="Tally dashboard", charset="UTF-8"')
      .type('text/plain')
      .send('Authentication required.\n');
  };
}
