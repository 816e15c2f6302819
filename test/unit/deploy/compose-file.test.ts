/**
 * Issue 15: docker-compose.yml is a path that works from nothing, as the README's "Running with
 * Docker Compose" walks it: Odoo first with no Tally variable, the OCA helpdesk from ./addons, a
 * one-shot setup, the worker only once setup has passed, and the host's config mounted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AGREEMENTS_CONFIG_CANDIDATES } from '../../../src/config/load-agreements';
import { DEFAULT_SCHEDULES_FILE } from '../../../src/queue/load-schedules';
import {
  COMPOSE_FILE,
  ROOT,
  findComposeCommand,
  loadComposeServices,
  runCompose,
  unresolvedRequired,
  variableReferences,
  type ComposeService,
} from '../../support/compose-file';

const COMPOSE_TEXT = readFileSync(COMPOSE_FILE, 'utf8');
const services = loadComposeServices();
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## Running with Docker Compose'));
const ENV_EXAMPLE = readFileSync(path.join(ROOT, '.env.example'), 'utf8');

function service(name: string): ComposeService {
  const found = services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

/** The services the README starts in step 1, from its `docker compose up -d …` line. */
function stepOneServices(): string[] {
  const match = /^docker compose up -d ([a-z][a-z -]*[a-z])\s*$/m.exec(SECTION);
  if (match?.[1] === undefined) throw new Error('the README section has no step-1 up command');
  return match[1].split(' ').sort();
}

const variablesOf = (value: unknown): Set<string> =>
  new Set(variableReferences(JSON.stringify(value)).map((reference) => reference.name));

/** Where Tally's `config/` lookups land in the image: `config` under its last WORKDIR. */
function configInImage(): string {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const workdir = [...dockerfile.matchAll(/^WORKDIR (\S+)$/gm)].at(-1)?.[1];
  if (workdir === undefined) throw new Error('the Dockerfile sets no WORKDIR');
  return path.posix.join(workdir, 'config');
}
const CONFIG_IN_IMAGE = configInImage();

describe('docker-compose.yml', () => {
  it('runs tally setup once, as its own service from the Tally image', () => {
    const setup = service('setup');
    expect(setup.entrypoint?.at(-1)).toBe('setup');
    expect(setup.restart).toBe('no');
    expect({ build: setup.build, image: setup.image }).toEqual({
      build: service('worker').build,
      image: service('worker').image,
    });
    expect(setup.build).toBe('.');
  });

  it('starts setup once Odoo answers, and the worker only once setup has passed', () => {
    expect(service('odoo').healthcheck).toBeDefined();
    expect(service('redis').healthcheck).toBeDefined();
    expect(service('setup').depends_on).toEqual({ odoo: { condition: 'service_healthy' } });
    expect(service('worker').depends_on).toEqual({
      redis: { condition: 'service_healthy' },
      odoo: { condition: 'service_healthy' },
      setup: { condition: 'service_completed_successfully' },
    });
  });

  it('mounts the host config read-only where Tally looks for agreements and schedules', () => {
    for (const name of ['setup', 'worker']) {
      const tally = service(name);
      expect({ name, volumes: tally.volumes }).toEqual({
        name,
        volumes: [`./config:${CONFIG_IN_IMAGE}:ro`],
      });
      // Pointing elsewhere would bypass the mount, as the image's baked copy did before.
      expect(tally.environment).not.toHaveProperty('TALLY_CONFIG');
      expect(tally.environment).not.toHaveProperty('TALLY_SCHEDULES');
    }
    for (const file of [...AGREEMENTS_CONFIG_CANDIDATES, DEFAULT_SCHEDULES_FILE])
      expect(file.startsWith('config/')).toBe(true);
  });

  it('gives Odoo the OCA helpdesk modules from ./addons', () => {
    expect(service('odoo').volumes).toContain('./addons:/mnt/extra-addons:ro');
    const addonsReadme = readFileSync(path.join(ROOT, 'addons/README.md'), 'utf8');
    for (const module of ['helpdesk_mgmt', 'helpdesk_mgmt_project', 'helpdesk_mgmt_timesheet'])
      expect(addonsReadme).toContain(`\`${module}\``);
  });

  it('starts the services of step 1 with no Tally variable: those that build nothing', () => {
    const built = Object.keys(services).filter((name) => service(name).build !== undefined);
    expect(built.sort()).toEqual(['setup', 'worker']);
    expect(stepOneServices()).toEqual(
      Object.keys(services)
        .filter((name) => !built.includes(name))
        .sort(),
    );
    const stepOneVariables = new Set(
      stepOneServices().flatMap((name) => [...variablesOf(service(name))]),
    );
    // Compose resolves the whole file's variables before it starts any service.
    const required = unresolvedRequired(COMPOSE_TEXT, {}).map((missing) => missing.name);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required)
      expect({ name, stepOne: stepOneVariables.has(name) }).toEqual({ name, stepOne: true });
    expect(unresolvedRequired(COMPOSE_TEXT, { POSTGRES_PASSWORD: 'sample' })).toEqual([]);
  });

  it('lists in .env.example what the README asks for, and only variables the file reads', () => {
    const listed = [...ENV_EXAMPLE.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1] ?? '');
    const read = variablesOf(COMPOSE_TEXT);
    for (const name of listed) expect({ name, read: read.has(name) }).toEqual({ name, read: true });
    expect(listed).toEqual(
      expect.arrayContaining([
        'POSTGRES_PASSWORD',
        'ODOO_DB',
        'ODOO_LOGIN',
        'ODOO_API_KEY',
        'TALLY_DASHBOARD_TOKEN',
      ]),
    );
    for (const name of listed) expect(SECTION).toContain(name);
  });
});

const compose = findComposeCommand();

/** A volume mounting a host folder read-only on the image's config (v1 string, v2 object). */
function mountsConfigReadOnly(volume: unknown): boolean {
  if (typeof volume === 'string') return volume.endsWith(`:${CONFIG_IN_IMAGE}:ro`);
  const long = z.object({ target: z.string(), read_only: z.boolean() }).safeParse(volume);
  return long.success && long.data.target === CONFIG_IN_IMAGE && long.data.read_only;
}

/** `compose config` output, the parts checked here. */
const ResolvedSchema = z.object({
  services: z.record(
    z.string(),
    z.object({
      environment: z.record(z.string(), z.string().nullable()).default({}),
      volumes: z.array(z.unknown()).default([]),
    }),
  ),
});

describe(`docker-compose.yml read by ${compose?.join(' ') ?? 'no compose tool on PATH'}`, () => {
  if (compose === null) {
    it('is checked by .ci/run, which installs docker-compose when none is on PATH', () => {
      const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
      expect(ci).toContain('config -q');
      expect(ci).toContain('apt-get install -y docker-compose');
    });
    return;
  }

  it('resolves with only POSTGRES_PASSWORD set', () => {
    const run = runCompose(compose, ['config', '-q'], { POSTGRES_PASSWORD: 'sample' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 0,
      stderr: expect.any(String),
    });
  });

  it('refuses to resolve without POSTGRES_PASSWORD, naming it', () => {
    const run = runCompose(compose, ['config', '-q'], {});
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('POSTGRES_PASSWORD');
  });

  it('gives setup and the worker the shared settings and the config mount', () => {
    const run = runCompose(compose, ['config'], { POSTGRES_PASSWORD: 'sample' });
    const resolved = ResolvedSchema.parse(parseYaml(run.stdout));
    expect(Object.keys(resolved.services).sort()).toEqual([
      'odoo',
      'postgres',
      'redis',
      'setup',
      'worker',
    ]);
    for (const name of ['setup', 'worker']) {
      const tally = resolved.services[name];
      expect({ name, url: tally?.environment.ODOO_URL }).toEqual({ name, url: 'http://odoo:8069' });
      expect({ name, mounted: tally?.volumes.some(mountsConfigReadOnly) }).toEqual({
        name,
        mounted: true,
      });
    }
  });
});
