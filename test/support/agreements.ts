import path from 'node:path';
import { loadAgreementsConfig, type LoadedAgreements } from '../../src/config/load-agreements';

/** The shipped default agreements config, loaded as the CLI loads it. */
export function shippedAgreements(): LoadedAgreements {
  return loadAgreementsConfig(path.resolve(__dirname, '../../config/agreements.default.yaml'));
}
