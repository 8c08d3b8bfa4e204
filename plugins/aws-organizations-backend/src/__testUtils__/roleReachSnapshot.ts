/**
 * The governance snapshot with a roles part: the Platform Team's Admin in
 * payments-dev (222) reaches Deploy in payments-prod (333), whose Vendor
 * role trusts an outside account without an external id; the
 * management account's roles were not read.
 */
import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import { iamRole, known, policyDoc, trusts, VENDOR } from './roleFixtures';
import { ROOT_ID } from './snapshots';

export const DEV_ACCOUNT = '222222222222';
export const PROD_ACCOUNT = '333333333333';
export const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const SSO_ADMIN_ROLE = `arn:aws:iam::${DEV_ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef`;
export const DEPLOY_ROLE = `arn:aws:iam::${PROD_ACCOUNT}:role/Deploy`;

const FULL = policyDoc({ Effect: 'Allow', Action: '*', Resource: '*' });

/** Adds FullAWSAccess everywhere and the roles part described above. */
export function withRoleReach(s: OrganizationSnapshot): OrganizationSnapshot {
  const targets = [
    { targetId: ROOT_ID, type: 'ROOT' as const, name: 'Root' },
    ...s.organizationalUnits.map(u => ({
      targetId: u.id,
      type: 'ORGANIZATIONAL_UNIT' as const,
      name: u.name,
    })),
    ...s.accounts.map(a => ({
      targetId: a.id,
      type: 'ACCOUNT' as const,
      name: a.name,
    })),
  ];
  return {
    ...s,
    policies: [
      ...s.policies,
      {
        id: 'p-FullAWSAccess',
        arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
        name: 'FullAWSAccess',
        description: 'Allows access to every operation',
        awsManaged: true,
        content: FULL,
        targets,
      },
    ],
    iam: {
      accounts: {
        [DEV_ACCOUNT]: known([
          iamRole(
            DEV_ACCOUNT,
            'AWSReservedSSO_Admin_0123456789abcdef',
            policyDoc({
              Effect: 'Allow',
              Principal: {
                Federated: `arn:aws:iam::${DEV_ACCOUNT}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`,
              },
              Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
            }),
            {
              path: '/aws-reserved/sso.amazonaws.com/',
              attachedPolicies: [
                { arn: ADMIN_POLICY, name: 'AdministratorAccess' },
              ],
            },
          ),
        ]),
        [PROD_ACCOUNT]: known([
          iamRole(PROD_ACCOUNT, 'Deploy', trusts(DEV_ACCOUNT)),
          iamRole(
            PROD_ACCOUNT,
            'Vendor',
            trusts(`arn:aws:iam::${VENDOR}:root`),
          ),
        ]),
      },
      managedPolicies: [
        {
          arn: ADMIN_POLICY,
          name: 'AdministratorAccess',
          awsManaged: true,
          defaultVersionId: 'v1',
          document: FULL,
        },
      ],
    },
  };
}
