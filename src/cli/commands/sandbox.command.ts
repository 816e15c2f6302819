import type { Command } from 'commander';
import type { Output } from '../output';
import type { StopRequests } from '../stop-requests';

/** `tally sandbox`: its flags; the sandbox itself starts in sandbox.action.ts. */
export function registerSandboxCommand(
  program: Command,
  output: Output,
  listenForStop: () => StopRequests,
): void {
  program
    .command('sandbox')
    .description(
      'Start the Odoo sandbox (an emulator speaking JSON-RPC, XML-RPC and JSON-2) and print its URL and credentials',
    )
    .option('--port <port>', 'TCP port (0 picks a free one)', '8069')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--seed <seed>', 'demo, demo-company, empty, or the path of a JSON seed file', 'demo')
    .option('--db <name>', 'database name', 'tally')
    .option('--login <login>', 'login of the admin user', 'admin')
    .option('--password <password>', 'password of the admin user', 'admin')
    .option('--api-key <key>', 'API key of the admin user (generated when omitted)')
    .option('--odoo-version <version>', 'Odoo version to emulate: 16, 17, 18 or 19', '17')
    .option('--helpdesk <edition>', 'helpdesk flavour: oca or enterprise', 'oca')
    .action(async (raw: unknown) => {
      const { sandboxAction } = await import('./sandbox.action.js');
      await sandboxAction(raw, output, listenForStop);
    });
}
