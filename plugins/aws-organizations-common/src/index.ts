/**
 * Shared types, catalog constants, permissions and pure logic of the AWS
 * Organizations plugins. Isomorphic: used by the backend and the frontend.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './accounts';
export * from './permissions';
export * from './snapshot';
export * from './policyTypes';
export * from './api';
export * from './governanceApi';
export * from './guardrailsApi';
export * from './roleReachApi';
export * from './snapshotCounts';
export * from './scp';
export * from './rcp';
export * from './iam';
export * from './signals';
export * from './reviews';
export * from './permissionSets';
export * from './querySchemas';
export * from './snapshotSchema';
export { validateWithoutCopy } from './validateWithoutCopy';
export * from './entityNames';
export * from './snapshotIndex';
export * from './rate';
