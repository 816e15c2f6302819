import { OdooClient } from '../../../src/odoo/client';
import { RoundTripCounter } from '../../../src/odoo/round-trips';
import { useSandbox } from '../../support/start-sandbox';

describe('OdooClient beforeCall (the shared rate-limit gate)', () => {
  const sandbox = useSandbox({ seed: 'demo' });

  it('is awaited before every round trip, and a slow gate delays the call', async () => {
    const order: string[] = [];
    const roundTrips = new RoundTripCounter();
    const client = new OdooClient({
      connection: {
        url: sandbox().url,
        db: sandbox().db,
        login: sandbox().login,
        password: sandbox().password,
      },
      roundTrips: {
        onCall: (trip) => {
          roundTrips.onCall(trip);
          order.push(`call ${trip.method}`);
        },
      },
      beforeCall: async () => {
        order.push('gate');
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    await client.connect();
    await client.model('res.partner').searchCount([]);
    await client.close();
    const gates = order.filter((entry) => entry === 'gate').length;
    expect(gates).toBe(order.length - gates);
    for (let index = 0; index < order.length; index += 2) expect(order[index]).toBe('gate');
  });
});
