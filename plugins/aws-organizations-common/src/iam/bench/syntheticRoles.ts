/**
 * A deterministic synthetic roles part for the reach benchmark, on the SCP
 * benchmark's organization (5,000 accounts, 600 OUs, 250 SCPs): 400
 * permission sets, 60,000 assignments (12 sets per account), 3,000 groups,
 * 30,000 users, 60,000 memberships, and 30 roles per account (150,000):
 *
 * - an `AWSReservedSSO_<set>_<suffix>` role per set assigned in the account;
 * - `DevOps`, trusting the account root of one of 10 shared-services
 *   accounts; `Deployer`, trusting the account's own `DevOps` role;
 * - `Audit`, trusting the `Auditor` role of the security account (which
 *   trusts that account's root);
 * - in every 5th account `Vendor`, trusting an outside account with an
 *   external id; in every 250th `OrgWide`, trusting `*` within the
 *   organization;
 * - service roles (Lambda, EC2, ECS tasks) to fill up to 30.
 *
 * Permission sets: every 10th allows sts:AssumeRole on `DevOps`, `Auditor`
 * and `OrgWide*` roles; every 20th (offset 5) is AdministratorAccess; the
 * rest read only (ReadOnlyAccess).
 */
import type { OrganizationSnapshot, PermissionSet } from '../../snapshot';
import type { IamRole, IamSnapshot } from '../types';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const ROLES_PER_ACCOUNT = 30;
const SETS = 400;
const SETS_PER_ACCOUNT = 12;

const doc = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

function setArn(i: number): string {
  return `arn:aws:sso:::permissionSet/ssoins-bench/ps-${String(i).padStart(
    16,
    '0',
  )}`;
}

function suffix(i: number): string {
  return (0x1000000000000000n + BigInt(i) * 7919n).toString(16).slice(-16);
}

function permissionSet(i: number): PermissionSet {
  const assumes = i % 10 === 0;
  const admin = i % 20 === 5;
  let kind = 'Read';
  if (assumes) kind = 'DevOps';
  else if (admin) kind = 'Admin';
  return {
    arn: setArn(i),
    name: `${kind}${i}`,
    sessionDuration: 'PT1H',
    managedPolicies: [
      admin
        ? { arn: ADMIN, name: 'AdministratorAccess' }
        : { arn: READ_ONLY, name: 'ReadOnlyAccess' },
    ],
    customerManagedPolicies: [],
    inlinePolicy: assumes
      ? doc({
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: [
            'arn:aws:iam::*:role/DevOps',
            'arn:aws:iam::*:role/Auditor',
            'arn:aws:iam::*:role/OrgWide*',
          ],
        })
      : null,
    permissionsBoundary: { type: 'none' },
    tags: {},
  };
}

function role(
  accountId: string,
  name: string,
  trust: string,
  path = '/',
  inline?: string,
): IamRole {
  return {
    arn: `arn:aws:iam::${accountId}:role${path}${name}`,
    name,
    path,
    trustPolicy: trust,
    attachedPolicies: [],
    inlinePolicies: inline ? [{ name: 'inline', document: inline }] : [],
    permissionsBoundary: null,
    lastUsed: { lastUsedDate: '2026-11-01T00:00:00Z', region: 'eu-west-1' },
  };
}

const trustAws = (principal: string, condition?: object) =>
  doc({
    Effect: 'Allow',
    Principal: { AWS: principal },
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  });
const trustService = (service: string) =>
  doc({
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
  });

/** Adds Identity Center data to the snapshot and builds its roles part. */
export function buildSyntheticRoles(snapshot: OrganizationSnapshot): {
  snapshot: OrganizationSnapshot;
  iam: IamSnapshot;
} {
  const ids = snapshot.accounts.map(a => a.id);
  const shared = ids.slice(0, 10);
  const security = ids[10];
  const sets = Array.from({ length: SETS }, (_, i) => permissionSet(i));
  const assignments = ids.flatMap((accountId, a) =>
    Array.from({ length: SETS_PER_ACCOUNT }, (_, k) => {
      const i = a * SETS_PER_ACCOUNT + k;
      return {
        accountId,
        permissionSetArn: setArn((a * 37 + k * 31) % SETS),
        principalType: i % 2 ? ('GROUP' as const) : ('USER' as const),
        principalId: i % 2 ? `g-${i % 3000}` : `u-${i % 30000}`,
      };
    }),
  );
  const full: OrganizationSnapshot = {
    ...snapshot,
    identityCenter: {
      status: 'available',
      instanceArn: 'arn:aws:sso:::instance/ssoins-bench',
      identityStoreId: 'd-0000000000',
      permissionSets: sets,
      assignments,
      users: Array.from({ length: 30000 }, (_, i) => ({
        id: `u-${i}`,
        userName: `user${i}@example.com`,
        emails: [],
        externalIds: [],
      })),
      groups: Array.from({ length: 3000 }, (_, i) => ({
        id: `g-${i}`,
        displayName: `Group ${i}`,
        externalIds: [],
      })),
      memberships: Array.from({ length: 60000 }, (_, i) => ({
        groupId: `g-${i % 3000}`,
        userId: `u-${(i * 7) % 30000}`,
      })),
    },
  };
  const saml = (accountId: string) =>
    doc({
      Effect: 'Allow',
      Principal: {
        Federated: `arn:aws:iam::${accountId}:saml-provider/AWSSSO_bench_DO_NOT_DELETE`,
      },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
    });
  const services = [
    'lambda.amazonaws.com',
    'ec2.amazonaws.com',
    'ecs-tasks.amazonaws.com',
  ];
  const accounts: IamSnapshot['accounts'] = {};
  ids.forEach((accountId, a) => {
    const roles: IamRole[] = [];
    const assigned = new Set(
      assignments
        .slice(a * SETS_PER_ACCOUNT, (a + 1) * SETS_PER_ACCOUNT)
        .map(x => x.permissionSetArn),
    );
    sets.forEach((ps, i) => {
      if (!assigned.has(ps.arn)) return;
      const r = role(
        accountId,
        `AWSReservedSSO_${ps.name}_${suffix(i)}`,
        saml(accountId),
        '/aws-reserved/sso.amazonaws.com/',
        ps.inlinePolicy ?? undefined,
      );
      r.attachedPolicies = ps.managedPolicies;
      roles.push(r);
    });
    roles.push(
      role(
        accountId,
        'DevOps',
        trustAws(`arn:aws:iam::${shared[a % shared.length]}:root`),
        '/',
        doc({
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: `arn:aws:iam::${accountId}:role/Deployer`,
        }),
      ),
    );
    roles.push(
      role(
        accountId,
        'Deployer',
        trustAws(`arn:aws:iam::${accountId}:role/DevOps`),
      ),
    );
    roles.push(
      role(
        accountId,
        'Audit',
        trustAws(`arn:aws:iam::${security}:role/Auditor`),
      ),
    );
    if (accountId === security) {
      roles.push(
        role(
          accountId,
          'Auditor',
          trustAws(`arn:aws:iam::${accountId}:root`),
          '/',
          doc({
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Resource: 'arn:aws:iam::*:role/Audit',
          }),
        ),
      );
    }
    if (a % 5 === 0)
      roles.push(
        role(
          accountId,
          'Vendor',
          trustAws('444455556666', {
            StringEquals: { 'sts:ExternalId': `ext-${a}` },
          }),
        ),
      );
    if (a % 250 === 0) {
      roles.push(
        role(
          accountId,
          'OrgWide',
          doc({
            Effect: 'Allow',
            Principal: '*',
            Action: 'sts:AssumeRole',
            Condition: {
              StringEquals: { 'aws:PrincipalOrgID': snapshot.organization.id },
            },
          }),
        ),
      );
    }
    for (let k = 0; roles.length < ROLES_PER_ACCOUNT; k++) {
      roles.push(
        role(
          accountId,
          `service-role-${k}`,
          trustService(services[k % services.length]),
          '/service-role/',
        ),
      );
    }
    accounts[accountId] = {
      status: 'known',
      source: 'config-aggregator',
      roles,
      users: [],
    };
  });
  return {
    snapshot: full,
    iam: {
      accounts,
      managedPolicies: [
        {
          arn: ADMIN,
          name: 'AdministratorAccess',
          awsManaged: true,
          document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
        },
        {
          arn: READ_ONLY,
          name: 'ReadOnlyAccess',
          awsManaged: true,
          document: doc({
            Effect: 'Allow',
            Action: [
              's3:Get*',
              's3:List*',
              'ec2:Describe*',
              'iam:Get*',
              'iam:List*',
            ],
            Resource: '*',
          }),
        },
      ],
    },
  };
}
