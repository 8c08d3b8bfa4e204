/**
 * The access policy of the REST API: what a caller without
 * `aws-organizations.access.read` sees of who has access (README, "Security
 * model"). Team-level reachability — which groups hold which permission
 * sets in which accounts — is for everyone signed in; which people hold
 * grants (direct user assignments, group members, assignment and membership
 * history, the principals named in compliance evidence) needs the
 * permission. Every route applies these functions, so the API says the same
 * as the catalog module, which carries team-level data only.
 */
import {
  AccountAccess,
  CHANGE_KINDS,
  ChangeKind,
  ChangeLogEntry,
  Page,
  ReachPrincipal,
  RuleResult,
  SyncStatus,
} from '@aws-governance/plugin-aws-organizations-common';

/** Change kinds that say who has access: shown only with access.read. */
export const ACCESS_CHANGE_KINDS: ReadonlySet<ChangeKind> = new Set([
  'assignment.granted',
  'assignment.revoked',
  'group-membership.added',
  'group-membership.removed',
]);

/**
 * The change kinds a caller may see: every kind, or every kind but the
 * access ones. `requested` narrows it (an empty result means "none").
 */
export function visibleKinds(
  requested: ChangeKind[] | undefined,
  mayReadAccess: boolean,
): ChangeKind[] | undefined {
  if (mayReadAccess) {
    return requested;
  }
  const base = requested ?? [...CHANGE_KINDS];
  return base.filter(kind => !ACCESS_CHANGE_KINDS.has(kind));
}

/**
 * Compliance results without who-has-access details: results resting on
 * assignments keep that an assignment is at fault, not whose it is (message
 * and evidence).
 */
export function redactAccessEvidence(results: RuleResult[]): RuleResult[] {
  return results.map(result => {
    if (!result.evidence.some(evidence => evidence.kind === 'assignment')) {
      return result;
    }
    return {
      ...result,
      // Rule messages name the principals at fault.
      message: `${result.rule.title}: ${
        result.status === 'pass' ? 'passes' : `${result.status}s`
      } on account assignments; who holds them is restricted`,
      evidence: result.evidence.map(evidence => {
        if (evidence.kind !== 'assignment') {
          return evidence;
        }
        const { principalId: _id, principalType: _type, ...rest } = evidence;
        return {
          ...rest,
          description:
            'An account assignment (who holds it is restricted: you lack aws-organizations.access.read)',
        };
      }),
    };
  });
}

/**
 * An account's access at team level: the grants held by groups, without
 * their members; grants held by users directly are left out.
 */
export function teamLevelAccess(access: AccountAccess): AccountAccess {
  return {
    ...access,
    restricted: true,
    grants: access.grants
      .filter(grant => grant.principal.type === 'GROUP')
      .map(({ members: _members, ...grant }) => grant),
  };
}

/**
 * Change log entries without the principals named in compliance changes:
 * the message of a `compliance.changed` entry whose result rests on an
 * assignment names who holds it (entries recorded before the flag existed
 * are treated the same).
 */
export function redactChanges(
  page: Page<ChangeLogEntry>,
): Page<ChangeLogEntry> {
  return {
    ...page,
    items: page.items.map(entry => {
      if (
        entry.kind !== 'compliance.changed' ||
        !entry.details ||
        entry.details.accessEvidence === false
      ) {
        return entry;
      }
      const { message: _message, ...details } = entry.details;
      return { ...entry, details: { ...details, messageRestricted: true } };
    }),
  };
}

/** The sync status naming no user: unmapped principals are groups only. */
export function teamLevelSyncStatus(status: SyncStatus): SyncStatus {
  const unmappedPrincipals = status.unmappedPrincipals.filter(
    principal => principal.type === 'GROUP',
  );
  return {
    ...status,
    unmappedPrincipals,
    unmappedPrincipalCount: unmappedPrincipals.length,
  };
}

/**
 * Who reaches an account through roles, at team level: the holders of a
 * way's start that are groups (the view then leaves their members out,
 * and the ways held by users alone), as in {@link teamLevelAccess}.
 */
export function teamLevelReachPrincipals(
  principals: ReachPrincipal[],
): ReachPrincipal[] {
  return principals.filter(p => p.type === 'GROUP');
}
