export * from './counts';
export * from './identityCenter';
export * from './ids';
export * from './organizations';
export * from './prng';
export * from './types';
export {
  AWS_MANAGED_POLICIES,
  POLICY_TYPES,
  RCP,
  SCP,
} from './policyTypes';
export type { AwsManagedPolicy } from './policyTypes';
