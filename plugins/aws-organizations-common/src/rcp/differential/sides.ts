/**
 * Builds the two sides of a combined request from plain policy documents,
 * for the differential tests: a member account `111111111111` on the path
 * root -> ou -> account, the management account `999999999999`, and
 * accounts outside the organization.
 */
import type { EffectiveScps, ScpLevel } from '../../scp/types';
import type { EffectiveRcps, OrganizationPolicySides } from '../types';

export const ORG = 'o-test';
export const MEMBER = '111111111111';
export const MANAGEMENT = '999999999999';
export const OUTSIDER = '444455556666';

export const SCP_FULL = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
};
export const RCP_FULL = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
};

/** Where a side's account is. */
export type Where = 'member' | 'management' | 'outside';

const KINDS = ['root', 'ou', 'account'] as const;

function levels(prefix: string, docs: object[][]): ScpLevel[] {
  return docs.map((policies, i) => {
    const kind = KINDS[Math.min(i, 2)];
    return {
      kind: i === docs.length - 1 ? 'account' : kind,
      targetId: `${prefix}-${i}`,
      name: `${prefix} level ${i}`,
      policies: policies.map((p, j) => ({
        id: `${prefix}-${i}-${j}-${JSON.stringify(p).length}`,
        name: `${prefix} policy ${i}.${j}`,
        content: JSON.stringify(p),
        awsManaged: p === SCP_FULL || p === RCP_FULL,
      })),
    };
  });
}

const accountOf = (where: Where) => {
  if (where === 'member') return MEMBER;
  return where === 'management' ? MANAGEMENT : OUTSIDER;
};
const orgPath = `${ORG}/r-test/ou-a/`;

/** The principal side: the SCP levels of the principal's account. */
export function principalSide(
  where: Where,
  docs: object[][],
): EffectiveScps | 'outside-organization' {
  if (where === 'outside') return 'outside-organization';
  const accountId = accountOf(where);
  return {
    accountId,
    managementAccount: where === 'management',
    scpsEnabled: true,
    levels: levels('scp', docs),
    derivedContext: {
      'aws:PrincipalAccount': accountId,
      'aws:PrincipalOrgID': ORG,
      'aws:PrincipalOrgPaths': [orgPath],
    },
  };
}

/** The resource side: the RCP levels of the resource's account. */
export function resourceSide(
  where: Where,
  docs: object[][],
  rcpsEnabled = true,
): EffectiveRcps | 'outside-organization' {
  if (where === 'outside') return 'outside-organization';
  const accountId = accountOf(where);
  return {
    accountId,
    managementAccount: where === 'management',
    rcpsEnabled,
    known: true,
    levels: levels('rcp', docs),
    derivedContext: {
      'aws:ResourceAccount': accountId,
      'aws:ResourceOrgID': ORG,
      'aws:ResourceOrgPaths': [orgPath],
    },
  };
}

/** Both sides. */
export function sides(
  principal: Where,
  scpDocs: object[][],
  resource: Where,
  rcpDocs: object[][],
  rcpsEnabled = true,
): OrganizationPolicySides {
  return {
    principal: principalSide(principal, scpDocs),
    resource: resourceSide(resource, rcpDocs, rcpsEnabled),
  };
}

export { accountOf };
