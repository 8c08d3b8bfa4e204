import {
  AccountAccess,
  AccountCompliance,
  AccountDetail,
  AccountGuardrails,
  AccountSummary,
  ChangeLogEntry,
  OrganizationComplianceSummary,
  OrgTreeNode,
  PrincipalAccess,
  SyncStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import { Entity } from '@backstage/catalog-model';

export const ACCOUNT_ID = '123456789012';

export const accountEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: `aws-account-${ACCOUNT_ID}`,
    namespace: 'default',
    title: 'payments-prod',
    annotations: { 'amazonaws.com/account-id': ACCOUNT_ID },
  },
  spec: { type: 'cloud-account', owner: 'group:default/payments' },
  relations: [
    { type: 'hosts', targetRef: 'component:default/payments-api' },
    { type: 'ownedBy', targetRef: 'group:default/payments' },
  ],
};

export const serviceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: { 'amazonaws.com/account-id': ACCOUNT_ID },
  },
  spec: { type: 'service', owner: 'group:default/payments' },
};

export const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export const userEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice', namespace: 'default' },
  spec: {},
};

export const accountSummary: AccountSummary = {
  id: ACCOUNT_ID,
  name: 'payments-prod',
  email: 'aws+payments-prod@example.com',
  state: 'ACTIVE',
  parentId: 'ou-ab12-prod0001',
  path: [
    { id: 'r-ab12', name: 'Root' },
    { id: 'ou-ab12-work0001', name: 'Workloads' },
    { id: 'ou-ab12-prod0001', name: 'Prod' },
  ],
  owner: {
    ref: 'group:default/payments',
    source: 'account-tag',
    resolvable: true,
  },
  compliance: {
    status: 'fail',
    counts: { pass: 5, fail: 1, warn: 1, unknown: 0 },
    failingRules: ['cloudtrail-protected'],
  },
  entityRef: `resource:default/aws-account-${ACCOUNT_ID}`,
};

export const accountDetail: AccountDetail = {
  ...accountSummary,
  arn: `arn:aws:organizations::999999999999:account/o-abc/${ACCOUNT_ID}`,
  joinedMethod: 'CREATED',
  joinedTimestamp: '2021-03-04T10:00:00.000Z',
  tags: { owner: 'payments', 'cost-center': 'cc-42' },
  organizationId: 'o-abc',
  isManagementAccount: false,
  accessPortalUrl: 'https://d-123.awsapps.com/start',
  consoleUrl: `https://${ACCOUNT_ID}.signin.aws.amazon.com/console`,
};

const denyLeave = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyLeave',
      Effect: 'Deny',
      Action: 'organizations:LeaveOrganization',
      Resource: '*',
    },
  ],
});

export const guardrails: AccountGuardrails = {
  accountId: ACCOUNT_ID,
  managementAccountExempt: false,
  summary: [
    'Accounts cannot leave the organization',
    'Only eu-west-1 is allowed',
  ],
  allowedRegions: ['eu-west-1'],
  levels: [
    {
      kind: 'root',
      targetId: 'r-ab12',
      name: 'Root',
      policies: [
        {
          id: 'p-FullAWSAccess',
          name: 'FullAWSAccess',
          description: 'Allows access to every operation',
          awsManaged: true,
          content:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
          summary: ['Allows everything'],
        },
      ],
    },
    {
      kind: 'ou',
      targetId: 'ou-ab12-prod0001',
      name: 'Prod',
      policies: [
        {
          id: 'p-deny0001',
          name: 'DenyLeaveOrganization',
          description: '',
          awsManaged: false,
          content: denyLeave,
          summary: ['Blocks leaving the organization'],
        },
      ],
    },
    {
      kind: 'account',
      targetId: ACCOUNT_ID,
      name: 'payments-prod',
      policies: [],
    },
  ],
};

const readOnly = {
  arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-readonly',
  name: 'ReadOnly',
  entityRef: 'resource:default/aws-permission-set-readonly',
  sessionDuration: 'PT1H',
  privileged: false,
  privilegeReasons: [],
  managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  customerManagedPolicies: [],
  hasInlinePolicy: false,
  permissionsBoundary: null,
};

const admin = {
  ...readOnly,
  arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin',
  name: 'AdministratorAccess',
  entityRef: 'resource:default/aws-permission-set-admin',
  privileged: true,
  privilegeReasons: ['Grants AdministratorAccess'],
};

export const access: AccountAccess = {
  accountId: ACCOUNT_ID,
  identityCenter: 'available',
  grants: [
    {
      principal: {
        type: 'GROUP',
        id: 'g-1',
        name: 'payments-admins',
        ref: 'group:default/payments',
        resolvable: true,
      },
      permissionSet: admin,
      via: 'direct',
      members: [
        {
          userId: 'u-1',
          userName: 'alice',
          displayName: 'Alice Doe',
          ref: 'user:default/alice',
        },
        { userId: 'u-2', userName: 'bob' },
      ],
    },
    {
      principal: { type: 'USER', id: 'u-3', name: 'carol' },
      permissionSet: readOnly,
      via: 'direct',
    },
  ],
};

export const compliance: AccountCompliance = {
  accountId: ACCOUNT_ID,
  evaluatedAt: '2024-05-01T12:00:00.000Z',
  summary: accountSummary.compliance,
  results: [
    {
      rule: {
        id: 'cloudtrail-protected',
        title: 'CloudTrail cannot be stopped',
        severity: 'high',
        rationale: 'Audit logs must not be switched off.',
        remediation: 'Attach the DenyCloudTrailChanges SCP to the OU.',
        level: 'account',
      },
      status: 'fail',
      message: 'No SCP denies cloudtrail:StopLogging.',
      evidence: [
        {
          kind: 'note',
          description: 'No deny statement found for cloudtrail:StopLogging',
        },
      ],
    },
    {
      rule: {
        id: 'owner-tag',
        title: 'Account has an owner',
        severity: 'medium',
        rationale: 'Someone must be accountable.',
        remediation: 'Tag the account with owner.',
        level: 'account',
      },
      status: 'pass',
      message: 'Owner tag resolves to group:default/payments.',
      evidence: [{ kind: 'tag', description: 'owner=payments' }],
    },
  ],
};

export const history: ChangeLogEntry[] = [
  {
    id: 'c-2',
    detectedAt: '2024-05-02T08:00:00.000Z',
    kind: 'account.moved',
    accountId: ACCOUNT_ID,
    subjectId: ACCOUNT_ID,
    summary: 'payments-prod moved from Staging to Prod',
  },
  {
    id: 'c-1',
    detectedAt: '2024-04-01T08:00:00.000Z',
    kind: 'scp.edited',
    accountId: ACCOUNT_ID,
    subjectId: 'p-deny0001',
    summary: 'DenyLeaveOrganization edited',
    details: { diff: '-  "Action": "a"\n+  "Action": "b"' },
  },
];

export const tree: OrgTreeNode = {
  id: 'r-ab12',
  name: 'Root',
  kind: 'root',
  accountCount: 3,
  compliance: { pass: 1, fail: 1, warn: 1, unknown: 0 },
  childCount: 1,
  accounts: [
    { id: '999999999999', name: 'management', state: 'ACTIVE', status: 'pass' },
  ],
  children: [
    {
      id: 'ou-ab12-work0001',
      name: 'Workloads',
      kind: 'ou',
      owner: {
        ref: 'group:default/platform',
        source: 'ou-tag',
        resolvable: true,
      },
      accountCount: 2,
      compliance: { pass: 0, fail: 1, warn: 1, unknown: 0 },
      childCount: 1,
      accounts: [],
      children: [
        {
          id: 'ou-ab12-prod0001',
          name: 'Prod',
          kind: 'ou',
          accountCount: 2,
          compliance: { pass: 0, fail: 1, warn: 1, unknown: 0 },
          childCount: 0,
          accounts: [
            {
              id: ACCOUNT_ID,
              name: 'payments-prod',
              state: 'ACTIVE',
              status: 'fail',
            },
            {
              id: '210987654321',
              name: 'orders-prod',
              state: 'SUSPENDED',
              status: 'warn',
            },
          ],
          children: [],
        },
      ],
    },
  ],
};

export const complianceSummary: OrganizationComplianceSummary = {
  evaluatedAt: '2024-05-01T12:00:00.000Z',
  accounts: { pass: 1, fail: 1, warn: 1, unknown: 0 },
  rules: [
    {
      ...compliance.results[0].rule,
      counts: { pass: 1, fail: 2, warn: 0, unknown: 0 },
    },
    {
      ...compliance.results[1].rule,
      counts: { pass: 2, fail: 1, warn: 0, unknown: 0 },
    },
  ],
  byUnit: [
    {
      id: 'ou-ab12-prod0001',
      name: 'Prod',
      counts: { pass: 0, fail: 1, warn: 1, unknown: 0 },
    },
    {
      id: 'r-ab12',
      name: 'Root',
      counts: { pass: 1, fail: 0, warn: 0, unknown: 0 },
    },
  ],
  byOwner: [
    {
      ref: 'group:default/payments',
      counts: { pass: 0, fail: 1, warn: 0, unknown: 0 },
    },
    {
      ref: 'group:default/orders',
      counts: { pass: 0, fail: 0, warn: 1, unknown: 0 },
    },
  ],
  ownerCount: 2,
  organizationResults: [],
};

export const syncStatus: SyncStatus = {
  lastAttempt: {
    id: 'run-2',
    trigger: 'schedule',
    status: 'succeeded',
    startedAt: '2024-05-02T08:00:00.000Z',
    finishedAt: '2024-05-02T08:01:05.000Z',
    durationMs: 65000,
    errors: [],
    warnings: [],
  },
  lastSuccess: {
    id: 'run-2',
    trigger: 'schedule',
    status: 'succeeded',
    startedAt: '2024-05-02T08:00:00.000Z',
    finishedAt: '2024-05-02T08:01:05.000Z',
    durationMs: 65000,
    errors: [],
    warnings: [],
  },
  snapshotReadAt: '2024-05-02T08:01:00.000Z',
  snapshotEtag: 'etag-1',
  unmappedPrincipals: [],
  unmappedPrincipalCount: 0,
};

export const principalAccess: PrincipalAccess = {
  entityRef: 'group:default/payments',
  principals: [
    {
      type: 'GROUP',
      id: 'g-1',
      name: 'payments-admins',
      ref: 'group:default/payments',
    },
  ],
  grants: [
    {
      account: {
        id: ACCOUNT_ID,
        name: 'payments-prod',
        entityRef: `resource:default/aws-account-${ACCOUNT_ID}`,
        state: 'ACTIVE',
      },
      permissionSet: admin,
      via: 'direct',
    },
  ],
};
