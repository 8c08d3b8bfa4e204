/**
 * The roles index of a snapshot, beside the base index of
 * ../snapshotIndex.ts and memoized the same way (once per snapshot object):
 * an account's roles part, roles by ARN, trust policies parsed once per
 * document, and the reach index built once per snapshot and depth. Each
 * lookup is built lazily on first use, so snapshots without a roles part
 * cost nothing. Kept out of the base index because the reach index
 * evaluates SCPs and RCPs, whose code uses the base index.
 */
import type { OrganizationSnapshot } from '../snapshot';
import {
  AsyncReachOptions,
  reachIndex,
  reachIndexAsync,
  ReachIndex,
  ReachOptions,
} from './reach';
import {
  compileTrustPolicy,
  ParsedTrustPolicy,
  TrustCache,
  TrustEdge,
} from './trust';
import type { AccountIam, IamManagedPolicy, IamRole } from './types';

/** A role of the snapshot with the account that holds it. @public */
export interface LocatedRole {
  role: IamRole;
  accountId: string;
}

/**
 * Who a trust statement admits, at account level: an account (of the
 * organization or not), anyone, or a federated identity provider.
 *
 * @public
 */
export type TrustSource =
  | { kind: 'account'; accountId: string; inOrganization: boolean }
  | { kind: 'anyone' }
  | { kind: 'federated'; provider: string };

/**
 * The trust statements of the roles of one account that admit one source
 * (another account, anyone or an identity provider), aggregated. Only
 * Allow statements covering a role-assumption action count.
 *
 * @public
 */
export interface AccountTrustEdge {
  from: TrustSource;
  toAccountId: string;
  /** Roles whose trust admits the source. */
  roles: number;
  /** Edges (a statement and one principal) in all, and how many carry each condition. */
  trustEdges: number;
  externalIdRequired: number;
  mfaRequired: number;
  organizationRestricted: number;
}

/** The account-level trust edges of the organization. @public */
export interface AccountTrustEdges {
  edges: AccountTrustEdge[];
  /** Roles whose trust policy cannot be read. */
  unreadable: number;
}

/** The roles index of a snapshot ({@link indexSnapshotIam}). @public */
export interface IamLookups {
  /** Whether the snapshot has a roles part (a roles source is configured). */
  readonly present: boolean;
  /**
   * An account's roles and users: unknown (with the reason) when they were
   * not read; undefined when the snapshot has no roles part.
   */
  account(accountId: string): AccountIam | undefined;
  /** A role by ARN, from the accounts whose roles are known. */
  role(roleArn: string): LocatedRole | undefined;
  /** A managed policy document by policy ARN. */
  managedPolicy(policyArn: string): IamManagedPolicy | undefined;
  /** A role's trust policy as edges (parsed once per document text). */
  trust(role: IamRole): ParsedTrustPolicy;
  /**
   * The reach index (who reaches which account through roles), built once
   * per snapshot and depth; undefined without a roles part.
   */
  reach(options?: ReachOptions): ReachIndex | undefined;
  /**
   * The same reach index, built in slices with turns of the event loop
   * between them (a server's build after a sync: nothing else would run
   * for the minute it can take); `reach` called meanwhile finishes it at
   * once.
   */
  reachAsync(options?: AsyncReachOptions): Promise<ReachIndex | undefined>;
  /**
   * The trust statements of every known account's roles admitting another
   * account, anyone or an identity provider, aggregated per source and
   * account (built once). Principals of the role's own account, service
   * principals and Identity Center's SAML provider are left out.
   */
  trustEdges(): AccountTrustEdges;
}

const IDENTITY_CENTER_PROVIDER =
  /:saml-provider\/AWSSSO_[0-9a-f]+_DO_NOT_DELETE$/;

/**
 * Whether a federated principal is the SAML provider IAM Identity Center
 * creates in each account for its `AWSReservedSSO_*` roles (reach through
 * Identity Center is told by the assignments, not by trust edges).
 *
 * @public
 */
export function isIdentityCenterProvider(provider: string): boolean {
  return IDENTITY_CENTER_PROVIDER.test(provider);
}

function sourceOf(
  principal: TrustEdge['principal'],
  toAccountId: string,
): { key: string; source: TrustSource } | undefined {
  switch (principal.kind) {
    case 'anyone':
      return { key: '*', source: { kind: 'anyone' } };
    case 'federated':
      if (isIdentityCenterProvider(principal.provider)) return undefined;
      return {
        key: `federated:${principal.provider}`,
        source: { kind: 'federated', provider: principal.provider },
      };
    case 'account':
    case 'role':
    case 'assumed-role':
    case 'user':
      if (principal.accountId === toAccountId) return undefined;
      return {
        key: principal.accountId,
        source: {
          kind: 'account',
          accountId: principal.accountId,
          inOrganization: principal.inOrganization,
        },
      };
    default:
      return undefined;
  }
}

const iamIndexes = new WeakMap<OrganizationSnapshot, IamLookups>();

/**
 * The roles lookups of a snapshot (see {@link IamLookups}): built on the
 * first call for a snapshot object, then the same lookups for that object
 * (held weakly, so they go with the snapshot).
 *
 * @public
 */
export function indexSnapshotIam(snapshot: OrganizationSnapshot): IamLookups {
  let lookups = iamIndexes.get(snapshot);
  if (!lookups) {
    lookups = createIamLookups(snapshot);
    iamIndexes.set(snapshot, lookups);
  }
  return lookups;
}

function createIamLookups(snapshot: OrganizationSnapshot): IamLookups {
  const iam = snapshot.iam;
  let orgAccounts: Set<string> | undefined;
  const inOrganization = (id: string) => {
    orgAccounts ??= new Set(snapshot.accounts.map(a => a.id));
    return orgAccounts.has(id);
  };
  let roles: Map<string, LocatedRole> | undefined;
  let policies: Map<string, IamManagedPolicy> | undefined;
  const trustCache: TrustCache = new Map();
  const parsedByRole = new Map<string, ParsedTrustPolicy>();
  let trustEdges: AccountTrustEdges | undefined;
  const lookups: IamLookups = {
    present: iam !== undefined,
    account(accountId) {
      if (!iam) return undefined;
      return (
        iam.accounts[accountId] ?? {
          status: 'unknown',
          reason: `the roles of account ${accountId} were not read`,
        }
      );
    },
    role(roleArn) {
      if (!roles) {
        roles = new Map();
        for (const [accountId, part] of Object.entries(iam?.accounts ?? {})) {
          if (part.status !== 'known') continue;
          for (const role of part.roles)
            roles.set(role.arn, { role, accountId });
        }
      }
      return roles.get(roleArn);
    },
    managedPolicy(policyArn) {
      policies ??= new Map((iam?.managedPolicies ?? []).map(p => [p.arn, p]));
      return policies.get(policyArn);
    },
    trust(role) {
      const hit = parsedByRole.get(role.arn);
      if (hit) return hit;
      const compiled = compileTrustPolicy(
        role.trustPolicy,
        inOrganization,
        trustCache,
      );
      const parsed: ParsedTrustPolicy = compiled.ok
        ? {
            ok: true,
            roleArn: role.arn,
            edges: compiled.edges.map(e => ({ ...e, roleArn: role.arn })),
          }
        : { ok: false, roleArn: role.arn, error: compiled.error };
      parsedByRole.set(role.arn, parsed);
      return parsed;
    },
    reach(options) {
      return iam ? reachIndex(snapshot, iam, options) : undefined;
    },
    async reachAsync(options) {
      return iam ? reachIndexAsync(snapshot, iam, options) : undefined;
    },
    trustEdges() {
      if (trustEdges) return trustEdges;
      const edges = new Map<string, AccountTrustEdge>();
      let unreadable = 0;
      for (const [toAccountId, part] of Object.entries(iam?.accounts ?? {})) {
        if (part.status !== 'known') continue;
        for (const role of part.roles) {
          const trust = lookups.trust(role);
          if (!trust.ok) {
            unreadable++;
            continue;
          }
          const counted = new Set<string>();
          for (const edge of trust.edges) {
            if (edge.effect !== 'Allow' || edge.actions.length === 0) continue;
            const from = sourceOf(edge.principal, toAccountId);
            if (!from) continue;
            const key = `${from.key}|${toAccountId}`;
            let entry = edges.get(key);
            if (!entry) {
              entry = {
                from: from.source,
                toAccountId,
                roles: 0,
                trustEdges: 0,
                externalIdRequired: 0,
                mfaRequired: 0,
                organizationRestricted: 0,
              };
              edges.set(key, entry);
            }
            if (!counted.has(key)) {
              counted.add(key);
              entry.roles++;
            }
            entry.trustEdges++;
            if (edge.externalIdRequired) entry.externalIdRequired++;
            if (edge.mfaRequired) entry.mfaRequired++;
            if (edge.organizationRestricted) entry.organizationRestricted++;
          }
        }
      }
      trustEdges = { edges: [...edges.values()], unreadable };
      return trustEdges;
    },
  };
  return lookups;
}
