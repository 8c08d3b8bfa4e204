/**
 * The demo organization's IAM: roles, users and customer managed policies
 * per account, and the organization's Config aggregator (see the README,
 * "Demo roles").
 */
import {
  addConfigAggregator,
  addCustomerManagedIamPolicy,
  addIamUser,
  iamOf,
  makeIamRole,
} from '../state/iam';
import type { IamRoleSpec } from '../state/iam';
import type { EmulatorState } from '../state/types';
import {
  awsPolicy,
  baselineRoles,
  CONFIG_AGGREGATOR_NAME,
  provisionedSets,
  seedAwsManagedIamPolicies,
  ssoRole,
} from './iamCommon';
import { DEMO_IDS } from './demoOrganization';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const MGMT = DEMO_IDS.managementAccountId;
const SHARED_SERVICES = '613457820020';
const SECURITY_AUDIT = '502834119477';
const CREATED = new Date('2024-05-14T10:00:00Z');

/** Noon UTC `days` before today: stable within a day, relative to it. */
function daysAgo(days: number): Date {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - days);
  return d;
}
/**
 * "Used recently": two days before the day the emulator starts, so the
 * demo's roles stay used whatever today is (a fixed date turned every role
 * into an unused one 90 days later, and every account non-compliant).
 */
const RECENT = { date: daysAgo(2), region: 'us-east-1' };

/** An account outside the organization: a monitoring vendor. @public */
export const DEMO_VENDOR_ACCOUNT = '464622532012';
/** An account outside the organization: a support contractor. @public */
export const DEMO_CONTRACTOR_ACCOUNT = '222233334444';

const trustAccount = (accountId: string, condition?: object) =>
  doc({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  });

const trustService = (service: string) =>
  doc({
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
  });

/** The demo roles beyond the baseline and Identity Center ones, per account. */
const ROLES: Record<string, IamRoleSpec[]> = {
  [MGMT]: [
    {
      // Exempt from RegionRestriction by name; MFA required to assume.
      name: 'AcmeBreakGlass',
      trustPolicy: trustAccount(MGMT, {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
      attachedPolicies: [awsPolicy('AdministratorAccess')],
      tags: { owner: 'security' },
    },
  ],
  [SHARED_SERVICES]: [
    {
      name: 'DevOpsPipeline',
      description: 'CI/CD runners of the platform team',
      trustPolicy: trustService('codebuild.amazonaws.com'),
      attachedPolicies: [awsPolicy('PowerUserAccess')],
      inlinePolicies: [
        {
          name: 'AssumeDeployers',
          document: JSON.stringify(
            doc({
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Resource: [
                'arn:aws:iam::*:role/Deployer',
                'arn:aws:iam::*:role/DevOps',
              ],
            }),
          ),
        },
      ],
      tags: { owner: 'devops' },
      lastUsed: RECENT,
    },
  ],
  // payments-prod-us: the DevOps role trusted by shared-services.
  '724108355203': [
    {
      name: 'DevOps',
      description: 'Operations access to production for the DevOps team',
      trustPolicy: trustAccount(SHARED_SERVICES),
      attachedPolicies: [awsPolicy('PowerUserAccess')],
      permissionsBoundary: `arn:aws:iam::724108355203:policy/AcmeDeveloperBoundary`,
      tags: { owner: 'devops' },
      lastUsed: RECENT,
    },
    {
      name: 'payments-api-lambda',
      path: '/service-role/',
      trustPolicy: trustService('lambda.amazonaws.com'),
      attachedPolicies: [awsPolicy('service-role/AWSLambdaBasicExecutionRole')],
      lastUsed: RECENT,
    },
  ],
  // payments-dev and -staging: deployments from the shared-services pipeline.
  '724108355201': [
    {
      name: 'Deployer',
      trustPolicy: doc({
        Effect: 'Allow',
        Principal: {
          AWS: `arn:aws:iam::${SHARED_SERVICES}:role/DevOpsPipeline`,
        },
        Action: 'sts:AssumeRole',
      }),
      attachedPolicies: [awsPolicy('PowerUserAccess')],
      permissionsBoundary: `arn:aws:iam::724108355201:policy/AcmeDeveloperBoundary`,
    },
  ],
  '724108355202': [
    {
      name: 'Deployer',
      trustPolicy: doc({
        Effect: 'Allow',
        Principal: {
          AWS: `arn:aws:iam::${SHARED_SERVICES}:role/DevOpsPipeline`,
        },
        Action: 'sts:AssumeRole',
      }),
      attachedPolicies: [awsPolicy('PowerUserAccess')],
      // Deliberately without the boundary its siblings have.
    },
  ],
  // data-platform-prod-us: a vendor with an external id, and an old role.
  '768842799603': [
    {
      name: 'DatadogIntegration',
      description: 'Monitoring vendor, read only',
      trustPolicy: trustAccount(DEMO_VENDOR_ACCOUNT, {
        StringEquals: { 'sts:ExternalId': 'acme-datadog-5f2e9c' },
      }),
      attachedPolicies: [awsPolicy('ReadOnlyAccess')],
      tags: { vendor: 'datadog' },
      lastUsed: RECENT,
    },
    {
      name: 'LegacyEtlRunner',
      description: 'Nightly ETL of the retired data warehouse',
      createDate: new Date('2021-03-02T08:00:00Z'),
      trustPolicy: trustService('ec2.amazonaws.com'),
      attachedPolicies: [awsPolicy('AmazonS3FullAccess')],
      lastUsed: { date: new Date('2023-02-10T02:14:00Z'), region: 'us-east-1' },
    },
  ],
  // checkout-prod-us: a contractor's account trusted without an external id.
  '735519466303': [
    {
      name: 'VendorSupportAccess',
      description: 'Support contractor (no external id)',
      trustPolicy: trustAccount(DEMO_CONTRACTOR_ACCOUNT),
      attachedPolicies: [awsPolicy('ReadOnlyAccess')],
      lastUsed: { date: daysAgo(12), region: 'eu-west-1' },
    },
  ],
  // log-archive: anyone in the organization may read the logs.
  '502834119466': [
    {
      name: 'OrgLogReader',
      trustPolicy: doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:PrincipalOrgID': DEMO_IDS.organizationId },
        },
      }),
      attachedPolicies: [awsPolicy('ReadOnlyAccess')],
    },
  ],
  // sandbox-platform: trust to anyone, without an organization condition.
  '879953800701': [
    {
      name: 'SandboxPublicDemo',
      trustPolicy: doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'sts:AssumeRole',
      }),
      attachedPolicies: [awsPolicy('ReadOnlyAccess')],
    },
  ],
  // security-audit: the auditors' role in every account trusts it (below).
  [SECURITY_AUDIT]: [
    {
      name: 'AWSConfigAggregator',
      path: '/service-role/',
      trustPolicy: trustService('config.amazonaws.com'),
      attachedPolicies: [awsPolicy('service-role/AWSConfigRole')],
      lastUsed: RECENT,
    },
  ],
};

const BOUNDARY = doc(
  {
    Effect: 'Allow',
    NotAction: ['iam:*', 'organizations:*', 'account:*'],
    Resource: '*',
  },
  {
    Effect: 'Deny',
    Action: ['iam:CreateUser', 'iam:CreateAccessKey'],
    Resource: '*',
  },
);
const EXTRAS = doc({
  Effect: 'Allow',
  Action: ['iam:PassRole', 'iam:GetRole'],
  Resource: 'arn:aws:iam::*:role/app-*',
});

/** Seeds the demo IAM; call after the organization and Identity Center. */
export function seedDemoIam(state: EmulatorState): void {
  seedAwsManagedIamPolicies(state);
  const iam = iamOf(state);
  const sets = provisionedSets(state);
  for (const account of state.accounts.values()) {
    // A suspended account keeps its roles, but nobody can use or read them.
    if (account.state !== 'ACTIVE') continue;
    const accountSets = sets.get(account.id) ?? [];
    if (accountSets.some(s => s.name === 'Developer') || ROLES[account.id]) {
      addCustomerManagedIamPolicy(state, account.id, {
        name: 'AcmeDeveloperBoundary',
        documents: [BOUNDARY],
        createDate: CREATED,
      });
      addCustomerManagedIamPolicy(state, account.id, {
        name: 'AcmeDeveloperExtras',
        documents: [EXTRAS],
        createDate: CREATED,
      });
    }
    const record = iam.accounts.get(account.id) ?? {
      roles: [],
      users: [],
      policies: [],
    };
    record.roles.push(
      ...baselineRoles(account.id, MGMT, CREATED),
      // People sign in with their permission sets: the roles Identity Center
      // provisions are in use (the deliberately unused role is a custom one).
      ...accountSets.map(set => ssoRole(account.id, set, CREATED, RECENT)),
      ...(account.id === SECURITY_AUDIT
        ? []
        : [
            makeIamRole(account.id, {
              name: 'SecurityAuditor',
              createDate: CREATED,
              trustPolicy: trustAccount(SECURITY_AUDIT),
              attachedPolicies: [awsPolicy('SecurityAudit')],
              lastUsed: RECENT,
            }),
          ]),
      ...(ROLES[account.id] ?? []).map(spec =>
        makeIamRole(account.id, { createDate: CREATED, ...spec }),
      ),
    );
    iam.accounts.set(account.id, record);
  }
  // payments-dev: an IAM user with an access key, in a workload account.
  addIamUser(state, '724108355201', {
    name: 'ci-legacy-deployer',
    createDate: new Date('2022-06-01T12:00:00Z'),
    attachedPolicies: [awsPolicy('PowerUserAccess')],
    tags: { owner: 'payments' },
    accessKeys: [{ status: 'Active' }, { status: 'Inactive' }],
  });
  addConfigAggregator(state, {
    name: CONFIG_AGGREGATOR_NAME,
    accountId: SECURITY_AUDIT,
    source: 'organization',
    allAwsRegions: true,
  });
}
