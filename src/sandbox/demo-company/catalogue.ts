/**
 * What the demo company's support work looks like, per service category. The labels are those of
 * `config/agreements.default.yaml` (a test keeps the two in step), so the shipped rules recognise
 * every ticket category without configuration.
 */

export type DemoTier = 'on_demand' | 'patch' | 'maintenance';

export interface CategoryWork {
  readonly label: string;
  /** How often a customer of each tier opens such a ticket (relative weights). */
  readonly weight: Readonly<Record<DemoTier, number>>;
  readonly titles: readonly string[];
  readonly tasks: readonly string[];
}

const SYSTEMS = [
  'the ERP server',
  'the web shop',
  'the mail gateway',
  'the file server',
  'the VPN',
];

/** `{system}` in a title is replaced by one of these. */
export const TITLE_SYSTEMS: readonly string[] = SYSTEMS;

export const CATEGORY_WORK: readonly CategoryWork[] = [
  {
    label: 'Patching',
    weight: { on_demand: 1, patch: 9, maintenance: 7 },
    titles: ['Monthly OS patching', 'Security update for {system}', 'Kernel update on {system}'],
    tasks: ['Applied security updates', 'Rebooted and checked services', 'Checked patch levels'],
  },
  {
    label: 'Technical support',
    weight: { on_demand: 3, patch: 7, maintenance: 6 },
    titles: ['{system} is slow', 'Disk almost full on {system}', 'Certificate expires soon'],
    tasks: ['Investigated the logs', 'Freed disk space', 'Renewed the certificate', 'Tuned memory'],
  },
  {
    label: 'New instance',
    weight: { on_demand: 1, patch: 1, maintenance: 1 },
    titles: ['New test database', 'Staging copy of production'],
    tasks: ['Created the instance', 'Copied and anonymised the data', 'Configured access'],
  },
  {
    label: 'Backup restore',
    weight: { on_demand: 1, patch: 1, maintenance: 1 },
    titles: ["Restore yesterday's backup", 'Deleted invoices need restoring'],
    tasks: ['Restored the backup to a copy', 'Moved the restored records back'],
  },
  {
    label: 'External configuration',
    weight: { on_demand: 2, patch: 1, maintenance: 1 },
    titles: ['Mail server settings', 'DNS records for the web shop', 'Payment provider keys'],
    tasks: ['Updated the settings', 'Tested with the customer', 'Documented the change'],
  },
  {
    label: 'User support',
    weight: { on_demand: 8, patch: 5, maintenance: 8 },
    titles: ['How do I export invoices?', 'Cannot log in', 'Report shows wrong totals?'],
    tasks: ['Answered by phone', 'Walked through the steps', 'Reset the password', 'Replied'],
  },
  {
    label: 'Bug fix',
    weight: { on_demand: 4, patch: 3, maintenance: 6 },
    titles: ['Error when confirming orders', 'Invoice PDF is blank', 'Crash in stock report'],
    tasks: ['Reproduced the error', 'Fixed and deployed', 'Wrote a regression test'],
  },
  {
    label: 'Upgrade',
    weight: { on_demand: 1, patch: 1, maintenance: 3 },
    titles: ['Upgrade to the next major version', 'Module upgrade'],
    tasks: ['Ran the upgrade on a copy', 'Fixed migration issues', 'Upgraded production'],
  },
  {
    label: 'New functionality',
    weight: { on_demand: 2, patch: 2, maintenance: 3 },
    titles: ['Add a field to the quotation', 'New approval step for purchases'],
    tasks: ['Specified with the customer', 'Developed the change', 'Deployed and demoed'],
  },
  {
    label: 'Data import',
    weight: { on_demand: 2, patch: 2, maintenance: 2 },
    titles: ['Import price list', 'Import new customers', 'Migrate old products'],
    tasks: ['Cleaned the spreadsheet', 'Imported the records', 'Checked the import'],
  },
  {
    label: 'Database correction',
    weight: { on_demand: 1, patch: 1, maintenance: 1 },
    titles: ['Wrong stock quantities', 'Duplicate partners'],
    tasks: ['Corrected the records', 'Merged duplicates'],
  },
  {
    label: 'Training',
    weight: { on_demand: 2, patch: 1, maintenance: 2 },
    titles: ['Training for new staff', 'Accounting module workshop'],
    tasks: ['Prepared the material', 'Held the session', 'Answered follow-up questions'],
  },
  {
    label: 'Resource provision',
    weight: { on_demand: 1, patch: 1, maintenance: 1 },
    titles: ['More disk for {system}', 'Extra user licences for the server'],
    tasks: ['Ordered the resources', 'Resized the server'],
  },
  {
    label: 'External app support',
    weight: { on_demand: 1, patch: 1, maintenance: 1 },
    titles: ['Webshop connector stops syncing', 'Bank app integration fails'],
    tasks: ['Contacted the vendor', 'Reconnected the integration'],
  },
  {
    label: 'Transaction service',
    weight: { on_demand: 1, patch: 1, maintenance: 1 },
    titles: ['E-invoice sending fails', 'Bulk SMS reminders'],
    tasks: ['Checked the transaction log', 'Resent the batch'],
  },
  {
    label: 'License',
    weight: { on_demand: 1, patch: 1, maintenance: 1 },
    titles: ['Renew enterprise licence', 'Licence for new users'],
    tasks: ['Renewed the licence', 'Registered the users'],
  },
];

/** Tickets that name no category: their work cannot be classified and is held for review. */
export const UNCATEGORISED_WORK = {
  titles: ['Something is wrong', 'Please call me', 'Question about our setup'],
  tasks: ['Called the customer', 'Looked into it', 'Followed up by email'],
} as const;

/** Staff of the demo company (refs `employee_<key>`); the first is the admin user. */
export const STAFF = [
  { key: 'admin', name: 'Mitchell Admin', hourlyCost: 500 },
  { key: 'sara', name: 'Sara Lindgren', hourlyCost: 450 },
  { key: 'johan', name: 'Johan Ek', hourlyCost: 480 },
  { key: 'aisha', name: 'Aisha Karimi', hourlyCost: 520 },
  { key: 'erik', name: 'Erik Nyström', hourlyCost: 460 },
] as const;
