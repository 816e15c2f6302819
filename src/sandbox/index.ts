export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export {
  loadSeedFile,
  parseSeedFile,
  SandboxSeedSchema,
  type SandboxSeed,
  type SeedStep,
} from './seed';
export { demoSeed, SERVICE_CATEGORIES, AGREEMENT_TAGS } from './demo-seed';
export type { FaultController, FaultKind, FaultConfig, ScheduledFault } from './faults';
export type { CallStats } from './stats';
export type { SandboxStore } from './store-facade';
export type { SandboxProfile } from './profile';
