/**
 * `has_group` in the form each version takes (odoo-verified.md, "Verified 2026-12-02"), and the
 * other form tried once when a build between 17 and 18 refuses the first for its shape.
 */
import { OdooClient } from '../../../src/odoo/client';
import { userHasGroup } from '../../../src/setup/has-group';
import { startSandbox, type Sandbox } from '../../support/start-sandbox';

const CLERK = { login: 'clerk', password: 'clerk-password' };

describe.each([16, 17, 18, 19] as const)('userHasGroup on Odoo %i', (odooVersion) => {
  let sandbox: Sandbox;
  let admin: OdooClient;
  let clerk: OdooClient;
  let clerkUid: number;
  beforeAll(async () => {
    sandbox = await startSandbox({
      odooVersion,
      helpdesk: 'oca',
      seed: {
        base: 'demo',
        users: [{ ref: 'clerk', ...CLERK, name: 'Clerk', groups: ['base.group_user'] }],
      },
    });
    const connection = { url: sandbox.url, db: sandbox.db };
    admin = new OdooClient({
      connection: { ...connection, login: sandbox.login, password: sandbox.password },
    });
    clerk = new OdooClient({ connection: { ...connection, ...CLERK } });
    await admin.connect();
    clerkUid = (await clerk.connect()).uid;
  });
  afterAll(async () => {
    await Promise.all([admin.close(), clerk.close()]);
    await sandbox.close();
  });

  it('answers for the connected user, with implied groups', async () => {
    expect(await userHasGroup(admin, odooVersion, sandbox.uid, 'base.group_system')).toBe(true);
    expect(await userHasGroup(admin, odooVersion, sandbox.uid, 'base.group_user')).toBe(true);
    expect(await userHasGroup(clerk, odooVersion, clerkUid, 'base.group_user')).toBe(true);
    expect(await userHasGroup(clerk, odooVersion, clerkUid, 'base.group_system')).toBe(false);
  });

  it('still answers when the version suggests the other form (a saas build between 17 and 18)', async () => {
    const misleading = odooVersion >= 18 ? 17 : 18;
    expect(await userHasGroup(admin, misleading, sandbox.uid, 'base.group_system')).toBe(true);
    expect(await userHasGroup(clerk, misleading, clerkUid, 'base.group_system')).toBe(false);
  });
});
