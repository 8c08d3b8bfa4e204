/**
 * The answers of the role-reach routes: who reaches an account through
 * IAM roles (each way with its path and the statements that decided each
 * hop), the roles of an account others can assume and those that reach
 * elsewhere, what a team reaches through roles, and the organization's
 * trust map aggregated by OU. See the backend README, "Reach through
 * roles".
 */
import { z } from 'zod';
import { pagingQuerySchema, unitIdSchema } from './querySchemas';
import type { ResolvedPrincipal } from './api';
import type { GroupMemberView } from './governanceApi';
import type { ReachPath } from './iam/reach';
import type { RoleHop } from './iam/hop';
import type { TrustCondition } from './iam/trust';
import type { TrustPrincipal } from './iam/principal';
import type { IamSource } from './iam/types';

/**
 * Whether the roles part can answer: `not-configured` when the snapshot
 * has no roles part (no roles source), `unknown` when this account's roles
 * were not read.
 *
 * @public
 */
export type RoleDataStatus = 'known' | 'unknown' | 'not-configured';

/**
 * Accounts whose roles are unknown, so that an answer may miss ways in:
 * their count and the first ones.
 *
 * @public
 */
export interface RoleReachIncomplete {
  count: number;
  accountIds: string[];
}

/** Who holds the start of a path, as the caller may see it. @public */
export interface RoleReachHolder {
  principal: ResolvedPrincipal;
  /** A group's members (left out without `aws-organizations.access.read`). */
  members?: GroupMemberView[];
}

/** One way into an account through roles. @public */
export interface RoleReachEntry {
  path: ReachPath;
  holders: RoleReachHolder[];
}

/**
 * Ways into an account counted by where they start: the unit (an OU below
 * the one looked at) or the account holding the path's permission set.
 *
 * @public
 */
export interface RoleReachSource {
  /** An OU id, or an account id directly in the unit looked at. */
  id: string;
  kind: 'unit' | 'account';
  name: string;
  /** Ways that start there, and of them how many are allowed / indeterminate. */
  paths: number;
  allowed: number;
  indeterminate: number;
}

/** Largest number of sources of a role-reach answer; the rest are counted. @public */
export const MAX_ROLE_REACH_SOURCES = 100;

/** `GET /accounts/:id/role-reach`. @public */
export interface AccountRoleReach {
  accountId: string;
  status: RoleDataStatus;
  /** Why the account's roles are unknown. */
  reason?: string;
  /** The role-hop depth followed (`awsOrganizations.reach.maxDepth`). */
  maxDepth: number;
  /** One page of the ways in (`offset`, `limit`), in the answer's order. */
  entries: RoleReachEntry[];
  /** Ways in, in all (of the unit asked, when `fromUnit` is given). */
  totalCount: number;
  offset: number;
  limit: number;
  /** Of the ways in, allowed and indeterminate. */
  decisions: { allowed: number; indeterminate: number };
  /** The unit whose accounts the ways start from, when asked. */
  fromUnit?: string;
  /**
   * The ways in by where they start, one level below `fromUnit` (or the
   * root): the most first, at most {@link MAX_ROLE_REACH_SOURCES}.
   */
  sources: RoleReachSource[];
  /** Sources left out of `sources`, and their ways. */
  sourcesOmitted: { count: number; paths: number };
  incomplete: RoleReachIncomplete;
  /** Names of the accounts the paths cross, by id. */
  accountNames: Record<string, string>;
  /** True when users and group members were left out (team level). */
  restricted?: boolean;
}

/** A principal a role's trust admits, with the statement that admits it. @public */
export interface TrustedPrincipalView {
  principal: TrustPrincipal;
  /** e.g. `account 444455556666 (outside the organization)`. */
  label: string;
  /** Outside the organization (an account, a role, an identity provider's account). */
  external: boolean;
  statementIndex: number;
  sid?: string;
  actions: string[];
  conditions: TrustCondition[];
  externalIdRequired: boolean;
  mfaRequired: boolean;
  organizationRestricted: boolean;
}

/** A role of the account that principals of other accounts may assume. @public */
export interface AssumableRoleView {
  roleArn: string;
  roleName: string;
  /** The principals its trust admits from other accounts, anyone or identity providers. */
  trusted: TrustedPrincipalView[];
  /** Set when the trust policy cannot be read. */
  unreadable?: string;
  /** Ways of the reach index that end at this role. */
  reachPaths: number;
}

/**
 * Largest number of hops of one role an `GET /accounts/:id/roles` page
 * lists (allowed first, then by account name); the rest are counted, and
 * `role` pages through them all.
 *
 * @public
 */
export const MAX_OUTBOUND_HOPS = 20;

/** A role of the account and the roles elsewhere it may assume. @public */
export interface OutboundRoleView {
  roleArn: string;
  roleName: string;
  /**
   * The hops listed: the first {@link MAX_OUTBOUND_HOPS}, or one page of
   * them (`offset`, `limit`) when the answer is for this role (`role`).
   */
  hops: RoleHop[];
  /** Hops in all (allowed or indeterminate), and of them how many are allowed / indeterminate. */
  hopCount: number;
  hopDecisions: { allowed: number; indeterminate: number };
}

/** The two lists of `GET /accounts/:id/roles`. @public */
export const ACCOUNT_ROLES_LISTS = ['assumable', 'reaching-elsewhere'] as const;

/** One list of `GET /accounts/:id/roles`. @public */
export type AccountRolesList = (typeof ACCOUNT_ROLES_LISTS)[number];

/**
 * `GET /accounts/:id/roles`: one page of each list (or of the list asked,
 * or of one role's hops), with the lists' sizes.
 *
 * @public
 */
export interface AccountRoles {
  accountId: string;
  status: RoleDataStatus;
  reason?: string;
  source?: IamSource;
  roleCount: number;
  /** One page (`offset`, `limit`) of the roles others can assume (empty when another list or a role is asked). */
  assumable: AssumableRoleView[];
  assumableCount: number;
  /** One page of the roles that reach elsewhere; with `role`, that role alone with one page of its hops. */
  reachingElsewhere: OutboundRoleView[];
  reachingElsewhereCount: number;
  offset: number;
  limit: number;
  /** The list asked, when one was. */
  list?: AccountRolesList;
  /** The role whose hops are paged, when asked. */
  role?: string;
  accountNames: Record<string, string>;
}

/** One account a team or person reaches through roles. @public */
export interface PrincipalRoleReachEntry {
  accountId: string;
  accountName: string;
  /** The account's catalog entity ref. */
  entityRef: string;
  path: ReachPath;
  /** `direct`: the principal's own assignment; `group`: through a group. */
  via: 'direct' | 'group';
  group?: ResolvedPrincipal;
}

/** `GET /principals/:kind/:namespace/:name/role-reach`. @public */
export interface PrincipalRoleReach {
  entityRef: string;
  status: Exclude<RoleDataStatus, 'unknown'>;
  maxDepth: number;
  principals: ResolvedPrincipal[];
  /** One page of the ways out (`offset`, `limit`). */
  entries: PrincipalRoleReachEntry[];
  totalCount: number;
  offset: number;
  limit: number;
  /** Distinct accounts reached, in all. */
  accountCount: number;
  accountNames: Record<string, string>;
  incomplete: RoleReachIncomplete;
}

/** A node of the trust map. @public */
export interface TrustMapNode {
  /** A root or OU id, an account id, `external` or `external:<id>`, `anyone`, `federated`. */
  id: string;
  kind:
    | 'unit'
    | 'account'
    | 'external'
    | 'external-account'
    | 'anyone'
    | 'federated';
  name: string;
  /** Accounts of the organization the node holds. */
  accounts: number;
  /** Accounts whose roles are unknown. */
  unknownAccounts: number;
  /** An OU (or the external node) that `expand` can open. */
  expandable: boolean;
  /** Outside the organization, or anyone: highlighted. */
  external: boolean;
}

/** Trust statements of roles in `to` that admit principals of `from`. @public */
export interface TrustMapEdge {
  from: string;
  to: string;
  /** Roles whose trust admits the principals. */
  roles: number;
  /** Of the edges: how many require an external id, MFA, an organization. */
  externalIdRequired: number;
  mfaRequired: number;
  organizationRestricted: number;
  /** Trust edges in all (a statement and one principal). */
  trustEdges: number;
  external: boolean;
}

/** `GET /organization/trust-map`. @public */
export interface TrustMap {
  status: Exclude<RoleDataStatus, 'unknown'>;
  /** The units (and `external`) opened, as asked. */
  expanded: string[];
  nodes: TrustMapNode[];
  edges: TrustMapEdge[];
  /** Roles whose trust policy cannot be read (not on the map). */
  unreadableTrustPolicies: number;
  unknownAccounts: number;
}

/**
 * Query of `GET /accounts/:id/role-reach`: a page of the ways in
 * (`offset`, `limit`, at most 500, default 50) and, optionally, only
 * those starting in the accounts of an OU (`fromUnit`, an OU or root id).
 *
 * @public
 */
export const accountRoleReachQuerySchema = pagingQuerySchema
  .extend({ fromUnit: unitIdSchema.optional() })
  .strict();

/** Query of `GET /accounts/:id/role-reach`, as values. @public */
export type AccountRoleReachQuery = z.output<
  typeof accountRoleReachQuerySchema
>;

/**
 * Query of `GET /principals/:kind/:namespace/:name/role-reach`: a page of
 * the ways out (`offset`, `limit`).
 *
 * @public
 */
export const principalRoleReachQuerySchema = pagingQuerySchema.strict();

/** Query of the principal role-reach route, as values. @public */
export type PrincipalRoleReachQuery = z.output<
  typeof principalRoleReachQuerySchema
>;

const accountRolesListSchema: z.ZodEnum<{
  assumable: 'assumable';
  'reaching-elsewhere': 'reaching-elsewhere';
}> = z.enum(ACCOUNT_ROLES_LISTS);

/**
 * Query of `GET /accounts/:id/roles`: a page (`offset`, `limit`, at most
 * 500, default 50) of both lists or of the one named (`list`), or, with
 * `role` (the ARN of one of the account's roles), a page of that role's
 * hops.
 *
 * @public
 */
export const accountRolesQuerySchema = pagingQuerySchema
  .extend({
    list: accountRolesListSchema.optional(),
    role: z
      .string()
      .max(2048, 'must be at most 2048 characters')
      .regex(
        /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
        'must be an IAM role ARN (arn:aws:iam::<account>:role/<path><name>)',
      )
      .optional(),
  })
  .strict()
  .refine(q => !(q.role !== undefined && q.list === 'assumable'), {
    message:
      'role pages the hops of a role that reaches elsewhere: list must be reaching-elsewhere or absent',
    path: ['list'],
  });

/** Query of `GET /accounts/:id/roles`, as values. @public */
export type AccountRolesQuery = z.output<typeof accountRolesQuerySchema>;

/** Largest number of `expand` values of the trust map. @public */
export const MAX_TRUST_MAP_EXPAND = 200;

const expandValue = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(
    /^(r-[0-9a-z]{1,32}|ou-[0-9a-z]+(-[0-9a-z]+)*|external)$/,
    'must be a root id (r-...), an OU id (ou-...) or "external"',
  );

/**
 * Query of `GET /organization/trust-map`: `expand`, the OUs (and
 * `external`) to open, repeated or comma-separated.
 *
 * @public
 */
export const trustMapQuerySchema = z
  .object({
    expand: z
      .union([
        z.string().max(20_000, 'must be at most 20000 characters'),
        z
          .array(z.string().max(20_000))
          .max(MAX_TRUST_MAP_EXPAND, `at most ${MAX_TRUST_MAP_EXPAND} values`),
      ])
      .transform(v =>
        (Array.isArray(v) ? v : [v])
          .flatMap(s => s.split(','))
          .filter(s => s !== ''),
      )
      .pipe(
        z
          .array(expandValue)
          .max(MAX_TRUST_MAP_EXPAND, `at most ${MAX_TRUST_MAP_EXPAND} values`),
      )
      .optional(),
  })
  .strict();

/** Query of `GET /organization/trust-map`, as values. @public */
export type TrustMapQuery = z.output<typeof trustMapQuerySchema>;
