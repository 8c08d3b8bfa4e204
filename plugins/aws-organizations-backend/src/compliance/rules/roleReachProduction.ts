/**
 * Roles in non-production accounts that reach production: a role hop (or
 * a chain of them, to `maxDepth`) from a role of an account in a
 * non-production OU to a role of an account in a production OU, as the
 * reach index decides each hop (identity policies and boundary, trust,
 * SCPs on the caller's path, RCPs on the target's). `maxDepth` defaults
 * to the reach index's depth (`awsOrganizations.reach.maxDepth`, see
 * {@link withReachDepth}); a rule parameter overrides it.
 */
import {
  Account,
  ComplianceEvidence,
  RoleHop,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  AwsComplianceRule,
  ComplianceSnapshotIndex,
  listing,
  nonEmpty,
} from '@aws-governance/plugin-aws-organizations-node';
import { knownRoles } from './rolesCommon';

const unknownProductionCache = new WeakMap<
  ComplianceSnapshotIndex,
  Map<string, Account[]>
>();

/** Production accounts whose roles are unknown, once per evaluation. */
function unknownProductionOf(
  index: ComplianceSnapshotIndex,
  accounts: readonly Account[],
  units: readonly string[],
  isProduction: (id: string) => boolean,
): Account[] {
  let byUnits = unknownProductionCache.get(index);
  if (!byUnits) {
    byUnits = new Map();
    unknownProductionCache.set(index, byUnits);
  }
  const key = units.join('\u0000');
  let list = byUnits.get(key);
  if (!list) {
    list = accounts.filter(
      a => isProduction(a.id) && index.iam.account(a.id)?.status !== 'known',
    );
    byUnits.set(key, list);
  }
  return list;
}

/** Parameters of {@link roleReachProductionRule}. */
export type RoleReachProductionParameters = {
  /** OUs (ids or names, with their descendants) that hold production. */
  productionOrganizationalUnits: string[];
  /** OUs whose accounts must not reach production through roles. */
  nonProductionOrganizationalUnits: string[];
  /**
   * Role hops followed from each role (1 to 5); by default the reach
   * index's (`awsOrganizations.reach.maxDepth`, 3 unless configured).
   */
  maxDepth: number;
};

interface Found {
  hops: RoleHop[];
  allowed: boolean;
}

function describe(hops: RoleHop[]): string {
  const names = hops.map(h =>
    h.toRoleArn.slice(h.toRoleArn.indexOf(':role/') + 6),
  );
  return `${hops[0].fromLabel} -> ${names.join(' -> ')} in ${
    hops[hops.length - 1].toAccountId
  }`;
}

/** Roles of accounts in non-production OUs cannot assume roles in production OUs. */
export const roleReachProductionRule: AwsAccountComplianceRule<RoleReachProductionParameters> =
  {
    id: 'role-reach-production-from-non-production',
    title: 'Roles in non-production accounts cannot reach production',
    severity: 'high',
    level: 'account',
    rationale:
      'Non-production accounts are looser by design (more people, weaker guardrails); a role there that may assume a role in production makes production as open as the weakest account that reaches it.',
    remediation:
      'Remove the trust statement of the production role that names the non-production account or role, or remove sts:AssumeRole on it from the non-production role’s policies; route cross-account deployments through a shared-services account.',
    defaultParameters: {
      productionOrganizationalUnits: ['Prod', 'Production'],
      nonProductionOrganizationalUnits: [
        'Dev',
        'Development',
        'Test',
        'Staging',
        'Sandbox',
        'NonProd',
      ],
      maxDepth: 3,
    },
    validateParameters: p => [
      ...nonEmpty(
        'productionOrganizationalUnits',
        p.productionOrganizationalUnits,
      ),
      ...nonEmpty(
        'nonProductionOrganizationalUnits',
        p.nonProductionOrganizationalUnits,
      ),
      ...(Number.isInteger(p.maxDepth) && p.maxDepth >= 1 && p.maxDepth <= 5
        ? []
        : [
            {
              parameter: 'maxDepth',
              message: 'must be an integer from 1 to 5',
            },
          ]),
    ],
    evaluate(context) {
      const { account, index, parameters: p, snapshot } = context;
      const production = index.unitsMatching(p.productionOrganizationalUnits);
      if (index.isInUnits(account, production)) return undefined;
      if (
        !index.isInUnits(
          account,
          index.unitsMatching(p.nonProductionOrganizationalUnits),
        )
      ) {
        return undefined;
      }
      const known = knownRoles(context);
      if ('outcome' in known) return known.outcome;
      // One hop at a time (hopsFromRole is the same at any depth): the
      // index of the rule's depth, by default the one built after the
      // sync (awsOrganizations.reach.maxDepth).
      const reach = index.iam.reach({ maxDepth: p.maxDepth })!;
      const isProduction = (accountId: string) => {
        const target = index.account(accountId);
        return target !== undefined && index.isInUnits(target, production);
      };
      const found: Found[] = [];
      for (const role of known.part.roles) {
        // Breadth first, each role once, to maxDepth hops.
        const seen = new Set<string>([role.arn]);
        let frontier: { arn: string; hops: RoleHop[] }[] = [
          { arn: role.arn, hops: [] },
        ];
        let best: Found | undefined;
        for (let depth = 0; depth < p.maxDepth && !best?.allowed; depth++) {
          const next: typeof frontier = [];
          for (const node of frontier) {
            for (const hop of reach.hopsFromRole(node.arn)) {
              if (seen.has(hop.toRoleArn)) continue;
              seen.add(hop.toRoleArn);
              const hops = [...node.hops, hop];
              const allowed = hops.every(h => h.decision === 'allowed');
              if (isProduction(hop.toAccountId)) {
                if (!best || (allowed && !best.allowed))
                  best = { hops, allowed };
              } else {
                next.push({ arn: hop.toRoleArn, hops });
              }
            }
          }
          frontier = next;
        }
        if (best) found.push(best);
      }
      const evidenceOf = (f: Found): ComplianceEvidence => ({
        kind: 'role',
        description: `${describe(f.hops)}${
          f.allowed ? '' : ' (indeterminate: a hop could not be decided)'
        }`,
        arn: f.hops[0].fromRoleArn,
        accountId: account.id,
      });
      const allowed = found.filter(f => f.allowed);
      if (allowed.length > 0) {
        return {
          status: 'fail',
          message: `Roles of ${account.name} reach production: ${listing(
            allowed.map(f => describe(f.hops)),
          )}`,
          evidence: found.map(evidenceOf),
        };
      }
      if (found.length > 0) {
        return {
          status: 'unknown',
          message: `Whether roles of ${
            account.name
          } reach production is indeterminate: ${listing(
            found.map(f => describe(f.hops)),
          )}`,
          evidence: found.map(evidenceOf),
        };
      }
      const unknownProduction = unknownProductionOf(
        index,
        snapshot.accounts,
        p.productionOrganizationalUnits,
        isProduction,
      );
      if (unknownProduction.length > 0) {
        return {
          status: 'unknown',
          message: `No role of ${
            account.name
          } reaches a production account whose roles are known; the roles of ${listing(
            unknownProduction.slice(0, 5).map(a => a.name),
          )}${unknownProduction.length > 5 ? ' and others' : ''} are unknown`,
        };
      }
      return {
        status: 'pass',
        message: `No role of ${
          account.name
        } reaches a production account within ${
          p.maxDepth === 1 ? '1 role hop' : `${p.maxDepth} role hops`
        }`,
      };
    },
  };

/**
 * The rules with this rule's default `maxDepth` set to the reach index's
 * depth (`awsOrganizations.reach.maxDepth`), so that the rule and the
 * role-reach views follow as many hops unless the rule's own parameter
 * says otherwise. Other rules are returned as they are.
 */
export function withReachDepth(
  rules: readonly AwsComplianceRule[],
  maxDepth: number,
): AwsComplianceRule[] {
  return rules.map(rule =>
    rule === roleReachProductionRule
      ? {
          ...roleReachProductionRule,
          defaultParameters: {
            ...roleReachProductionRule.defaultParameters,
            maxDepth,
          },
        }
      : rule,
  );
}
