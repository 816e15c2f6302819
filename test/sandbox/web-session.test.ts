import { useSandbox } from '../support/start-sandbox';

const post = (url: string, body: unknown, cookie?: string): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ jsonrpc: '2.0', id: 3, params: body }),
  });

describe('web session routes', () => {
  const sandbox = useSandbox();

  it('authenticates, sets session_id, and serves call_kw with the cookie', async () => {
    const s = sandbox();
    const login = await post(`${s.url}/web/session/authenticate`, {
      db: s.db,
      login: s.login,
      password: s.password,
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    expect(cookie).toMatch(/^session_id=[0-9a-f]{40}$/);
    expect(((await login.json()) as { result: { uid: number } }).result.uid).toBe(2);
    const call = await post(
      `${s.url}/web/dataset/call_kw/res.partner/search_count`,
      { model: 'res.partner', method: 'search_count', args: [[]], kwargs: {} },
      cookie,
    );
    expect(((await call.json()) as { result: number }).result).toBeGreaterThan(0);
  });

  it('answers code 100 "Odoo Session Expired" without a session or after expiry', async () => {
    const s = sandbox();
    const login = await post(`${s.url}/web/session/authenticate`, {
      db: s.db,
      login: s.login,
      password: s.password,
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    s.faults.expireSessions();
    for (const sent of [undefined, cookie]) {
      const body = (await (
        await post(
          `${s.url}/web/dataset/call_kw`,
          { model: 'res.partner', method: 'search', args: [[]], kwargs: {} },
          sent,
        )
      ).json()) as { error: { code: number; message: string; data: { name: string } } };
      expect(body.error).toMatchObject({
        code: 100,
        message: 'Odoo Session Expired',
        data: { name: 'odoo.http.SessionExpiredException' },
      });
    }
  });

  it('refuses API keys on the interactive login and wrong passwords', async () => {
    const s = sandbox();
    for (const password of [s.apiKey, 'wrong']) {
      const body = (await (
        await post(`${s.url}/web/session/authenticate`, { db: s.db, login: s.login, password })
      ).json()) as { error: { data: { name: string } } };
      expect(body.error.data.name).toBe('odoo.exceptions.AccessDenied');
    }
  });
});
