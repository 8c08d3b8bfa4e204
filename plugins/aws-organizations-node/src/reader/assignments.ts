import {
  AccountAssignment as SdkAssignment,
  ListAccountAssignmentsCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListAccountsForProvisionedPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import type {
  AccountAssignment,
  PrincipalType,
  ReadStatistics,
} from '@aws-governance/plugin-aws-organizations-common';
import { PAGE_SIZE, ReadContext } from './context';
import { AwsReadError, isAccessDenied } from './errors';

const service = 'ssoAdmin' as const;
const pageSize = PAGE_SIZE.ssoAdmin;

/** How the reader lists account assignments. @public */
export type AssignmentStrategy = NonNullable<
  ReadStatistics['assignmentStrategy']
>;

/** What the strategy choice knows before listing assignments. */
export interface AssignmentInputs {
  instanceArn: string;
  permissionSetArns: string[];
  groupIds: string[];
  userIds: string[];
  /** Force a strategy (tests, benchmarks); chosen from the data when absent. */
  strategy?: AssignmentStrategy;
  /**
   * The reader runs in a delegated administrator account of IAM Identity
   * Center, where AWS denies ListAccountAssignmentsForPrincipal: per
   * permission set is the only plan.
   */
  delegatedAdministrator?: boolean;
}

/** The assignments, and whether AWS answered as to a delegated administrator. */
export interface AssignmentsRead {
  assignments: AccountAssignment[];
  delegatedAdministrator: boolean;
}

/** Sets probed between two re-estimates of the per-permission-set cost. */
const PROBE_CHUNK = 20;

function key(a: AccountAssignment) {
  return `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`;
}

function toAssignment(
  a: SdkAssignment,
  fallback: Partial<AccountAssignment>,
): AccountAssignment | undefined {
  const accountId = a.AccountId ?? fallback.accountId;
  const permissionSetArn = a.PermissionSetArn ?? fallback.permissionSetArn;
  const principalType = (a.PrincipalType ?? fallback.principalType) as
    | PrincipalType
    | undefined;
  const principalId = a.PrincipalId ?? fallback.principalId;
  if (!accountId || !permissionSetArn || !principalType || !principalId) {
    return undefined;
  }
  return { accountId, permissionSetArn, principalType, principalId };
}

function provisionedAccounts(
  ctx: ReadContext,
  instanceArn: string,
  permissionSetArn: string,
): Promise<string[]> {
  return ctx.paginate(
    {
      service,
      operation: 'ListAccountsForProvisionedPermissionSet',
      resource: permissionSetArn,
    },
    NextToken =>
      new ListAccountsForProvisionedPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: permissionSetArn,
        NextToken,
        MaxResults: pageSize,
      }),
    out => out.AccountIds,
  );
}

async function listPerPermissionSet(
  ctx: ReadContext,
  instanceArn: string,
  pairs: { permissionSetArn: string; accountId: string }[],
): Promise<AccountAssignment[]> {
  const lists = await Promise.all(
    pairs.map(pair =>
      ctx.paginate(
        {
          service,
          operation: 'ListAccountAssignments',
          resource: `${pair.permissionSetArn} in ${pair.accountId}`,
        },
        NextToken =>
          new ListAccountAssignmentsCommand({
            InstanceArn: instanceArn,
            AccountId: pair.accountId,
            PermissionSetArn: pair.permissionSetArn,
            NextToken,
            MaxResults: pageSize,
          }),
        out => out.AccountAssignments,
      ),
    ),
  );
  return lists.flatMap((list, i) =>
    list.flatMap(a => toAssignment(a, pairs[i]) ?? []),
  );
}

/**
 * Per principal: a user's listing can also return what the user holds
 * through its groups; those entries carry the group as principal, so every
 * entry is attributed to the principal it names and duplicates (the same
 * group assignment seen from the group and from each member) are merged.
 */
async function listPerPrincipal(
  ctx: ReadContext,
  instanceArn: string,
  principals: { principalType: PrincipalType; principalId: string }[],
): Promise<AccountAssignment[]> {
  const listOne = (p: { principalType: PrincipalType; principalId: string }) =>
    ctx.paginate(
      {
        service,
        operation: 'ListAccountAssignmentsForPrincipal',
        resource: `${p.principalType} ${p.principalId}`,
      },
      NextToken =>
        new ListAccountAssignmentsForPrincipalCommand({
          InstanceArn: instanceArn,
          PrincipalId: p.principalId,
          PrincipalType: p.principalType,
          NextToken,
          MaxResults: pageSize,
        }),
      out => out.AccountAssignments,
    );
  // The first principal alone: from a delegated administrator AWS denies
  // this operation, and one denied call is enough to know.
  const first = principals.length ? [await listOne(principals[0])] : [];
  // concat, not push(...rest): 130,000 principals (data set XL) as call
  // arguments overflow the stack.
  const lists = first.concat(
    await Promise.all(principals.slice(1).map(listOne)),
  );
  return lists.flatMap((list, i) =>
    list.flatMap(a => toAssignment(a, principals[i]) ?? []),
  );
}

function isDeniedForPrincipal(error: unknown): boolean {
  return (
    error instanceof AwsReadError &&
    error.operation === 'ListAccountAssignmentsForPrincipal' &&
    isAccessDenied(error)
  );
}

/**
 * Whether AWS denies ListAccountAssignmentsForPrincipal, which it allows
 * only from the management account: one call for the first principal tells
 * a delegated administrator apart when the per-principal plan did not run.
 * A probe that fails otherwise is a warning and tells nothing.
 */
async function probeDelegatedAdministrator(
  ctx: ReadContext,
  instanceArn: string,
  principal: { principalType: PrincipalType; principalId: string } | undefined,
): Promise<boolean> {
  if (!principal) return false;
  const target = {
    service,
    operation: 'ListAccountAssignmentsForPrincipal',
    resource: `${principal.principalType} ${principal.principalId}`,
  };
  let denied = false;
  await ctx.optional(target, async optionalCtx => {
    try {
      await optionalCtx.send(
        target,
        new ListAccountAssignmentsForPrincipalCommand({
          InstanceArn: instanceArn,
          PrincipalId: principal.principalId,
          PrincipalType: principal.principalType,
          MaxResults: 1,
        }),
      );
    } catch (error) {
      if (!isDeniedForPrincipal(error)) throw error;
      denied = true;
    }
  });
  return denied;
}

export function dedupe(assignments: AccountAssignment[]): AccountAssignment[] {
  const byKey = new Map<string, AccountAssignment>();
  for (const a of assignments) {
    byKey.set(key(a), a);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, a]) => a);
}

/**
 * Lists all account assignments with the cheaper of two call plans:
 *
 * - per permission set: ListAccountsForProvisionedPermissionSet per set,
 *   then ListAccountAssignments per provisioned (set, account) pair — at
 *   least P + N calls for P sets and N pairs;
 * - per principal: ListAccountAssignmentsForPrincipal per group and user —
 *   at least G + U calls.
 *
 * When P alone reaches G + U, per principal wins without probing. Otherwise
 * the provisioned accounts are listed in chunks (needed anyway for the first
 * plan); after each chunk N is extrapolated, and the reader switches to per
 * principal as soon as the remaining per-set cost exceeds G + U.
 */
export async function readAccountAssignments(
  ctx: ReadContext,
  inputs: AssignmentInputs,
): Promise<AssignmentsRead> {
  const { instanceArn, permissionSetArns } = inputs;
  const principals = [
    ...inputs.groupIds.map(principalId => ({
      principalType: 'GROUP' as const,
      principalId,
    })),
    ...inputs.userIds.map(principalId => ({
      principalType: 'USER' as const,
      principalId,
    })),
  ];
  const perPrincipal = principals.length;
  const setCount = permissionSetArns.length;
  const forced = inputs.delegatedAdministrator
    ? 'per-permission-set'
    : inputs.strategy;

  const choose = (
    strategy: AssignmentStrategy,
    perPermissionSet: number,
    reason: string,
  ) => {
    ctx.stats.recordAssignmentStrategy(strategy, {
      perPermissionSet,
      perPrincipal,
    });
    ctx.logger.info(`Listing account assignments ${strategy}: ${reason}`, {
      strategy,
      estimatedCallsPerPermissionSet: perPermissionSet,
      estimatedCallsPerPrincipal: perPrincipal,
    });
  };

  // Provisioned accounts, listed in chunks; what was probed serves the
  // per-permission-set plan whenever it runs.
  const pairs: { permissionSetArn: string; accountId: string }[] = [];
  let probed = 0;
  const probeChunk = async () => {
    const chunk = permissionSetArns.slice(probed, probed + PROBE_CHUNK);
    const accounts = await Promise.all(
      chunk.map(arn => provisionedAccounts(ctx, instanceArn, arn)),
    );
    chunk.forEach((permissionSetArn, i) =>
      accounts[i].forEach(accountId =>
        pairs.push({ permissionSetArn, accountId }),
      ),
    );
    probed += chunk.length;
  };
  const runPerPermissionSet = async (reason: string) => {
    while (probed < setCount) await probeChunk();
    choose('per-permission-set', setCount + pairs.length, reason);
    return dedupe(await listPerPermissionSet(ctx, instanceArn, pairs));
  };
  const runPerPrincipal = async (
    estimate: number,
    reason: string,
  ): Promise<AssignmentsRead> => {
    choose('per-principal', estimate, reason);
    try {
      return {
        assignments: dedupe(
          await listPerPrincipal(ctx, instanceArn, principals),
        ),
        delegatedAdministrator: false,
      };
    } catch (error) {
      if (!isDeniedForPrincipal(error)) throw error;
      ctx.logger.warn(
        'ListAccountAssignmentsForPrincipal was denied: AWS allows it only from the management account, so this is a delegated administrator; listing per permission set',
      );
      return {
        assignments: await runPerPermissionSet(
          'ListAccountAssignmentsForPrincipal denied (delegated administrator)',
        ),
        delegatedAdministrator: true,
      };
    }
  };

  if (
    forced === 'per-principal' ||
    (!forced && setCount >= perPrincipal && setCount > 0)
  ) {
    return runPerPrincipal(
      setCount,
      forced ? 'forced' : 'permission sets alone outnumber principals',
    );
  }
  while (probed < setCount) {
    await probeChunk();
    const remainingPerSet =
      setCount - probed + Math.ceil((pairs.length * setCount) / probed);
    if (!forced && remainingPerSet > perPrincipal) {
      return runPerPrincipal(
        probed + remainingPerSet,
        `after probing ${probed} of ${setCount} permission sets`,
      );
    }
  }
  let reason = `${pairs.length} provisioned pairs <= ${perPrincipal} principals`;
  if (inputs.delegatedAdministrator) reason = 'delegated administrator';
  else if (forced) reason = 'forced';
  const [assignments, denied] = await Promise.all([
    runPerPermissionSet(reason),
    inputs.delegatedAdministrator
      ? Promise.resolve(true)
      : probeDelegatedAdministrator(ctx, instanceArn, principals[0]),
  ]);
  return { assignments, delegatedAdministrator: denied };
}
