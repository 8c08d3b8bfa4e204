/**
 * The policy types of AWS Organizations and their documented rules: which
 * exist, their document size limits, how many may be attached to one
 * target, and the AWS managed policy the authorization types attach
 * everywhere when enabled.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */

import { ORGANIZATION_POLICY_TYPES } from '@aws-governance/plugin-aws-organizations-common';

/** @public */
export const SCP = 'SERVICE_CONTROL_POLICY';
/** @public */
export const RCP = 'RESOURCE_CONTROL_POLICY';

/**
 * Every policy type the Organizations API lists (`PolicyType` of its API
 * reference): the one list of -common, which the reader reads by.
 *
 * @public
 */
export const POLICY_TYPES = ORGANIZATION_POLICY_TYPES;

/**
 * Maximum document size in characters per type (the quotas page); types
 * the page does not list get the management policies' 10,000.
 */
const MAX_SIZE: Record<string, number> = {
  [SCP]: 5120,
  [RCP]: 5120,
  AISERVICES_OPT_OUT_POLICY: 2500,
};

/** The maximum size of a policy document of a type, in characters. */
export function maxPolicySize(type: string): number {
  return MAX_SIZE[type] ?? 10000;
}

/**
 * Policies of one type attached to one root, OU or account: 5 for SCPs and
 * RCPs, 10 for the management policy types (the quotas page).
 */
export function maxPoliciesPerTarget(type: string): number {
  return type === SCP || type === RCP ? 5 : 10;
}

/**
 * The AWS managed policy that enabling an authorization policy type
 * attaches to the root, every OU and every account: FullAWSAccess for SCPs,
 * RCPFullAWSAccess for RCPs ("You cannot detach this policy").
 *
 * @public
 */
/** An AWS managed policy of an authorization type. @public */
export interface AwsManagedPolicy {
  id: string;
  arn: string;
  name: string;
  description: string;
  /** False for RCPFullAWSAccess, which cannot be detached. */
  detachable: boolean;
  content: string;
}

/** @public */
export const AWS_MANAGED_POLICIES: Record<
  typeof SCP | typeof RCP,
  AwsManagedPolicy
> = {
  [SCP]: {
    id: 'p-FullAWSAccess',
    arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
    name: 'FullAWSAccess',
    description: 'Allows access to every operation',
    detachable: true,
    content: JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      },
      null,
      2,
    ),
  },
  [RCP]: {
    id: 'p-RCPFullAWSAccess',
    arn: 'arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess',
    name: 'RCPFullAWSAccess',
    description: 'Allows access to every operation',
    detachable: false,
    content: JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
        ],
      },
      null,
      2,
    ),
  },
};

/** The AWS managed policy of an authorization type, if the type has one. */
export function awsManagedPolicyOf(type: string): AwsManagedPolicy | undefined {
  return (AWS_MANAGED_POLICIES as Record<string, AwsManagedPolicy>)[type];
}
