/**
 * No IAM users in workload accounts (people sign in through IAM Identity
 * Center), with their access keys where the roles source shows them.
 * Workload accounts are those of `iam-user-creation-blocked`: a workload
 * OU, or a workload tag outside the foundational OUs.
 */
import {
  ComplianceEvidence,
  isUnknown,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  listing,
  matchesAnyName,
} from '@aws-governance/plugin-aws-organizations-node';
import {
  DEFAULT_WORKLOAD_PARAMETERS,
  isWorkload,
  WorkloadParameters,
} from './iamUserCreation';
import { knownRoles, userEvidence } from './rolesCommon';

/** Parameters of {@link noIamUsersRule}. */
export type NoIamUsersParameters = WorkloadParameters & {
  /** User names exempted (`*` wildcards), e.g. a break-glass user kept on purpose. */
  exemptUsers: string[];
};

/** Workload accounts hold no IAM users. */
export const noIamUsersRule: AwsAccountComplianceRule<NoIamUsersParameters> = {
  id: 'no-iam-users-in-workload-accounts',
  title: 'Workload accounts hold no IAM users',
  severity: 'high',
  level: 'account',
  rationale:
    'IAM users carry long-lived passwords and access keys that bypass the identity provider, MFA policy and offboarding; people should sign in through IAM Identity Center and workloads use roles.',
  remediation:
    'Replace the user: people sign in through IAM Identity Center, workloads assume roles (instance profiles, IRSA, IAM Roles Anywhere). Deactivate and delete its access keys, then delete the user.',
  defaultParameters: {
    ...DEFAULT_WORKLOAD_PARAMETERS,
    exemptUsers: [],
  },
  evaluate(context) {
    const { account } = context;
    if (context.index.isManagementAccount(account.id)) return undefined;
    const workload = isWorkload(account, context);
    if (workload === 'no') return undefined;
    const known = knownRoles(context);
    if ('outcome' in known) return known.outcome;
    if (workload !== 'yes') {
      return {
        status: 'unknown',
        message: `Whether ${account.name} is a workload account is unknown: ${workload.unknown}`,
      };
    }
    const users = known.part.users.filter(
      u => !matchesAnyName(u.name, context.parameters.exemptUsers),
    );
    if (users.length === 0) {
      return {
        status: 'pass',
        message: `${account.name} holds no IAM users`,
      };
    }
    const evidence: ComplianceEvidence[] = users.map(user => {
      const keys = user.accessKeys;
      let detail: string;
      if (isUnknown(keys)) detail = 'access keys not shown by the source';
      else {
        const active = keys.filter(k => k.status === 'Active');
        detail =
          keys.length === 0
            ? 'no access keys'
            : `${active.length} active access key${
                active.length === 1 ? '' : 's'
              }${
                active.length > 0
                  ? ` (${active.map(k => k.accessKeyId).join(', ')})`
                  : ''
              }${
                keys.length > active.length
                  ? `, ${keys.length - active.length} inactive`
                  : ''
              }`;
      }
      return userEvidence(user, account.id, `IAM user ${user.name}: ${detail}`);
    });
    return {
      status: 'fail',
      message: `${account.name} holds IAM users: ${listing(
        users.map(u => u.name),
      )}`,
      evidence,
    };
  },
};
