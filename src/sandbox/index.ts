export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export {
  BUILT_IN_SEEDS,
  loadSeedFile,
  parseSeedFile,
  SandboxSeedSchema,
  type BuiltInSeed,
  type SandboxSeed,
  type SeedStep,
} from './seed';
export { demoSeed, SERVICE_CATEGORIES, AGREEMENT_TAGS } from './demo-seed';
export { demoCompanySeed } from './demo-company/seed';
export { generateDemoCompany, type DemoCompanyOptions } from './demo-company/generate';
export type { DemoCompany, DemoLine, DemoTicket, DemoPack } from './demo-company/demo-company';
export type { FaultController, FaultKind, FaultConfig, ScheduledFault } from './faults';
export type { CallStats } from './stats';
export type { SandboxStore } from './store-facade';
export type { SandboxProfile } from './profile';
