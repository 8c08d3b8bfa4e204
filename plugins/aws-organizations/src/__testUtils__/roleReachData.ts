import {
  AccountRoleReach,
  AccountRoles,
  PrincipalRoleReach,
  ReachPath,
  TrustMap,
} from '@aws-governance/plugin-aws-organizations-common';
import { ACCOUNT_ID } from './data';

export const TOOLS_ACCOUNT = '210987654321';
export const VENDOR_ACCOUNT = '777788889999';
const DEPLOY = `arn:aws:iam::${ACCOUNT_ID}:role/Deploy`;

/** DevOps in shared-tools assumes Deploy in payments-prod. */
export const reachPath: ReachPath = {
  start: {
    permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-devops',
    permissionSetName: 'DevOps',
    accountId: TOOLS_ACCOUNT,
  },
  decision: 'allowed',
  hops: [
    {
      fromAccountId: TOOLS_ACCOUNT,
      fromRoleArn: `arn:aws:iam::${TOOLS_ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DevOps_0123456789abcdef`,
      fromLabel: `AWSReservedSSO_DevOps_0123456789abcdef (permission set DevOps) in ${TOOLS_ACCOUNT}`,
      toRoleArn: DEPLOY,
      toAccountId: ACCOUNT_ID,
      decision: 'allowed',
      steps: [
        {
          check: 'identity',
          decision: 'allowed',
          statements: [
            {
              policy: 'identity',
              policyId: 'arn:aws:sso:::permissionSet/ssoins-1/ps-devops/inline',
              policyName: 'inline policy of DevOps',
              statementIndex: 0,
              sid: 'AssumeDeploy',
              effect: 'Allow',
            },
          ],
          reasons: [],
        },
        {
          check: 'trust',
          decision: 'allowed',
          statements: [
            {
              policy: 'trust',
              policyId: DEPLOY,
              policyName: `trust policy of ${DEPLOY}`,
              statementIndex: 0,
              effect: 'Allow',
            },
          ],
          reasons: [],
        },
        {
          check: 'guardrails',
          decision: 'allowed',
          statements: [
            {
              policy: 'scp',
              policyId: 'p-FullAWSAccess',
              policyName: 'FullAWSAccess',
              statementIndex: 0,
              effect: 'Allow',
              level: { kind: 'root', targetId: 'r-1', name: 'Root' },
            },
          ],
          reasons: [],
        },
      ],
    },
  ],
};

const names = {
  [ACCOUNT_ID]: 'payments-prod',
  [TOOLS_ACCOUNT]: 'shared-tools',
};

export const accountRoleReach: AccountRoleReach = {
  accountId: ACCOUNT_ID,
  status: 'known',
  maxDepth: 3,
  incomplete: { count: 0, accountIds: [] },
  accountNames: names,
  entries: [
    {
      path: reachPath,
      holders: [
        {
          principal: {
            type: 'GROUP',
            id: 'g-devops',
            name: 'devops',
            ref: 'group:default/devops',
          },
          members: [{ userId: 'u-1', userName: 'alice' }],
        },
        {
          principal: { type: 'USER', id: 'u-2', name: 'bob' },
        },
      ],
    },
  ],
  totalCount: 1,
  offset: 0,
  limit: 100,
  decisions: { allowed: 1, indeterminate: 0 },
  sources: [
    {
      id: 'ou-shared',
      kind: 'unit',
      name: 'Shared',
      paths: 1,
      allowed: 1,
      indeterminate: 0,
    },
  ],
  sourcesOmitted: { count: 0, paths: 0 },
};

export const accountRoles: AccountRoles = {
  accountId: ACCOUNT_ID,
  status: 'known',
  source: 'config-aggregator',
  roleCount: 3,
  accountNames: names,
  assumable: [
    {
      roleArn: DEPLOY,
      roleName: 'Deploy',
      reachPaths: 1,
      trusted: [
        {
          principal: {
            kind: 'account',
            accountId: TOOLS_ACCOUNT,
            inOrganization: true,
          },
          label: `account shared-tools (${TOOLS_ACCOUNT})`,
          external: false,
          statementIndex: 0,
          actions: ['sts:AssumeRole'],
          conditions: [],
          externalIdRequired: false,
          mfaRequired: false,
          organizationRestricted: false,
        },
      ],
    },
    {
      roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/Vendor`,
      roleName: 'Vendor',
      reachPaths: 0,
      trusted: [
        {
          principal: {
            kind: 'account',
            accountId: VENDOR_ACCOUNT,
            inOrganization: false,
          },
          label: `account ${VENDOR_ACCOUNT} (outside the organization)`,
          external: true,
          statementIndex: 0,
          actions: ['sts:AssumeRole'],
          conditions: [],
          externalIdRequired: false,
          mfaRequired: false,
          organizationRestricted: false,
        },
      ],
    },
  ],
  reachingElsewhere: [
    {
      roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/Backup`,
      roleName: 'Backup',
      hops: [
        {
          ...reachPath.hops[0],
          fromAccountId: ACCOUNT_ID,
          fromLabel: `role arn:aws:iam::${ACCOUNT_ID}:role/Backup`,
          toRoleArn: `arn:aws:iam::${TOOLS_ACCOUNT}:role/Vault`,
          toAccountId: TOOLS_ACCOUNT,
          decision: 'indeterminate',
        },
      ],
      hopCount: 1,
      hopDecisions: { allowed: 0, indeterminate: 1 },
    },
  ],
  assumableCount: 2,
  reachingElsewhereCount: 1,
  offset: 0,
  limit: 100,
};

export const principalRoleReach: PrincipalRoleReach = {
  entityRef: 'group:default/payments',
  status: 'known',
  maxDepth: 3,
  principals: [{ type: 'GROUP', id: 'g-1', name: 'payments-admins' }],
  incomplete: { count: 0, accountIds: [] },
  accountNames: names,
  entries: [
    {
      accountId: ACCOUNT_ID,
      accountName: 'payments-prod',
      entityRef: `resource:default/aws-account-${ACCOUNT_ID}`,
      path: reachPath,
      via: 'direct',
    },
  ],
  totalCount: 1,
  accountCount: 1,
  offset: 0,
  limit: 100,
};

export const trustMap: TrustMap = {
  status: 'known',
  expanded: [],
  unreadableTrustPolicies: 0,
  unknownAccounts: 0,
  nodes: [
    {
      id: 'ou-prod',
      kind: 'unit',
      name: 'Prod',
      accounts: 12,
      unknownAccounts: 0,
      expandable: true,
      external: false,
    },
    {
      id: 'ou-shared',
      kind: 'unit',
      name: 'Shared',
      accounts: 2,
      unknownAccounts: 0,
      expandable: true,
      external: false,
    },
    {
      id: 'external',
      kind: 'external',
      name: 'Outside the organization',
      accounts: 0,
      unknownAccounts: 0,
      expandable: true,
      external: true,
    },
  ],
  edges: [
    {
      from: 'external',
      to: 'ou-prod',
      roles: 3,
      trustEdges: 3,
      externalIdRequired: 2,
      mfaRequired: 0,
      organizationRestricted: 0,
      external: true,
    },
    {
      from: 'ou-shared',
      to: 'ou-prod',
      roles: 12,
      trustEdges: 12,
      externalIdRequired: 0,
      mfaRequired: 0,
      organizationRestricted: 0,
      external: false,
    },
  ],
};
