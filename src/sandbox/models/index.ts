import type { SandboxProfile } from '../profile';
import { ormMethods } from '../methods/orm-methods';
import type { ModelSpec } from '../types';
import { accountMoveModels } from './account-move';
import { accountMoveLineModels } from './account-move-line';
import { accountSetupModels } from './account-setup';
import { analyticLineModels } from './analytic-line';
import { baseModels } from './base';
import { contractModels } from './contract';
import { helpdeskModels } from './helpdesk';
import { irModels } from './ir';
import { irModuleModels } from './ir-module';
import { irUiViewModels } from './ir-ui-view';
import { mailModels, mailThreadMethods } from './mail';
import { productModels } from './product';
import { projectModels } from './project';
import { saleModels } from './sale';

/** Every model spec of a profile, with the ORM methods and mail.thread methods added. */
export function allModelSpecs(profile: SandboxProfile): ModelSpec[] {
  const specs = [
    ...baseModels(profile),
    ...irModels(),
    ...irUiViewModels(profile),
    ...irModuleModels(),
    ...mailModels(),
    ...projectModels(profile),
    ...helpdeskModels(profile),
    ...analyticLineModels(profile),
    ...productModels(profile),
    ...saleModels(profile),
    ...accountSetupModels(profile),
    ...accountMoveModels(profile),
    ...accountMoveLineModels(profile),
    ...contractModels(),
  ];
  const names = new Set(specs.map((spec) => spec.name));
  const generic: ModelSpec[] = [...names].map((name) => ({
    name,
    methods: ormMethods(profile.odooVersion, name),
  }));
  const partnerThread: ModelSpec = {
    name: 'res.partner',
    methods: mailThreadMethods('res.partner'),
  };
  // Specific methods must win over the generic ones, so generic specs merge first.
  return [...generic, ...specs, partnerThread];
}
