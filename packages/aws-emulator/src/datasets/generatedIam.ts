/**
 * IAM of the generated data sets, made on demand per account from the
 * account id and its place in the organization (no PRNG draw, nothing
 * stored): 30 roles per active account (more where Identity Center
 * provisions more sets), an IAM user with an access key in every 10th
 * account, and the organization's Config aggregator.
 */
import {
  addConfigAggregator,
  iamOf,
  makeIamRole,
  makeIamUser,
  makeManagedPolicy,
} from '../state/iam';
import type { AccountIamRecord, IamRoleRecord } from '../state/iamTypes';
import type { EmulatorState } from '../state/types';
import {
  awsPolicy,
  baselineRoles,
  CONFIG_AGGREGATOR_NAME,
  provisionedSets,
  seedAwsManagedIamPolicies,
  ssoRole,
} from './iamCommon';

/** Roles per active account in the generated data sets. @public */
export const GENERATED_ROLES_PER_ACCOUNT = 30;

const doc = (...Statement: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement });
const trust = (principal: object, condition?: object) =>
  doc({
    Effect: 'Allow',
    Principal: principal,
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  });
const CREATED = new Date('2024-01-15T09:00:00Z');
/** Used two days before the day the data set is built (see demoIam.ts). */
const USED = {
  date: (() => {
    const d = new Date();
    d.setUTCHours(12, 0, 0, 0);
    d.setUTCDate(d.getUTCDate() - 2);
    return d;
  })(),
  region: 'us-east-1',
};
const SERVICES = ['lambda', 'ec2', 'ecs-tasks'];

/** Seeds the generated IAM; call after the organization and Identity Center. */
export function seedGeneratedIam(state: EmulatorState): void {
  seedAwsManagedIamPolicies(state);
  const management = state.organization!.managementAccountId;
  const accountIds = [...state.accounts.keys()];
  const position = new Map(accountIds.map((id, i) => [id, i]));
  const security = accountIds[1] ?? management;
  const sharedServices = accountIds.slice(2, 12);
  const sets = provisionedSets(state);
  const organizationId = state.organization!.id;

  const generate = (accountId: string): AccountIamRecord | undefined => {
    const account = state.accounts.get(accountId);
    const i = position.get(accountId);
    if (!account || i === undefined || account.state !== 'ACTIVE') {
      return undefined;
    }
    const accountSets = sets.get(accountId) ?? [];
    const role = (spec: Parameters<typeof makeIamRole>[1]) =>
      makeIamRole(accountId, { createDate: CREATED, ...spec });
    const roles: IamRoleRecord[] = [
      ...baselineRoles(accountId, management, CREATED),
      ...accountSets.map(set => ssoRole(accountId, set, CREATED, USED)),
    ];
    if (sharedServices.length > 0) {
      roles.push(
        role({
          name: 'DevOps',
          trustPolicy: trust({
            AWS: `arn:aws:iam::${
              sharedServices[i % sharedServices.length]
            }:root`,
          }),
          attachedPolicies: [awsPolicy('PowerUserAccess')],
          lastUsed: USED,
        }),
        role({
          name: 'Deployer',
          trustPolicy: trust({ AWS: `arn:aws:iam::${accountId}:role/DevOps` }),
          attachedPolicies: [awsPolicy('PowerUserAccess')],
          permissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
        }),
      );
    }
    if (accountId !== security) {
      roles.push(
        role({
          name: 'SecurityAuditor',
          trustPolicy: trust({ AWS: `arn:aws:iam::${security}:root` }),
          attachedPolicies: [awsPolicy('SecurityAudit')],
          lastUsed: USED,
        }),
      );
    }
    if (i % 5 === 0) {
      roles.push(
        role({
          name: 'VendorMonitoring',
          trustPolicy: trust(
            { AWS: 'arn:aws:iam::464622532012:root' },
            { StringEquals: { 'sts:ExternalId': `ext-${accountId}` } },
          ),
          attachedPolicies: [awsPolicy('ReadOnlyAccess')],
        }),
      );
    }
    if (i % 50 === 3) {
      roles.push(
        role({
          name: 'ContractorAccess',
          trustPolicy: trust({ AWS: 'arn:aws:iam::222233334444:root' }),
          attachedPolicies: [awsPolicy('ReadOnlyAccess')],
        }),
      );
    }
    if (i % 250 === 7) {
      roles.push(
        role({
          name: 'OrgWideReadOnly',
          trustPolicy: trust(
            { AWS: '*' },
            { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
          ),
          attachedPolicies: [awsPolicy('ReadOnlyAccess')],
        }),
      );
    }
    if (i % 7 === 0) {
      roles.push(
        role({
          name: 'LegacyBatch',
          createDate: new Date('2020-06-01T00:00:00Z'),
          trustPolicy: trust({ Service: 'ec2.amazonaws.com' }),
          attachedPolicies: [awsPolicy('AmazonS3FullAccess')],
          lastUsed: {
            date: new Date('2022-09-01T00:00:00Z'),
            region: 'us-east-1',
          },
        }),
      );
    }
    for (let n = 0; roles.length < GENERATED_ROLES_PER_ACCOUNT; n++) {
      const service = SERVICES[n % SERVICES.length];
      roles.push(
        role({
          name: `app-${service}-${n}`,
          path: '/service-role/',
          trustPolicy: trust({ Service: `${service}.amazonaws.com` }),
          attachedPolicies: [
            awsPolicy('service-role/AWSLambdaBasicExecutionRole'),
          ],
          ...(n % 3 === 0 ? {} : { lastUsed: USED }),
        }),
      );
    }
    const customer = new Set(
      accountSets.flatMap(s => s.customerManagedPolicies.map(p => p.name)),
    );
    return {
      roles,
      users:
        i % 10 === 4
          ? [
              makeIamUser(accountId, {
                name: 'legacy-ci',
                createDate: new Date('2021-01-10T00:00:00Z'),
                attachedPolicies: [awsPolicy('PowerUserAccess')],
                accessKeys: [{ status: 'Active' }],
              }),
            ]
          : [],
      policies: [...customer].map(name =>
        makeManagedPolicy(accountId, {
          name,
          createDate: CREATED,
          documents: [
            doc({
              Effect: 'Allow',
              Action: 'sts:GetCallerIdentity',
              Resource: '*',
            }),
          ],
        }),
      ),
    };
  };
  iamOf(state).generate = generate;
  addConfigAggregator(state, {
    name: CONFIG_AGGREGATOR_NAME,
    accountId: security,
    source: 'organization',
    allAwsRegions: true,
  });
}
