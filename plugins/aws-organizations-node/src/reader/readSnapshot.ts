import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  IdentityCenterSnapshot,
  OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import type { AwsOrganizationsClients } from './clients';
import { ReadContext } from './context';
import { AwsReadError, AwsServiceName, isAccessDenied } from './errors';
import { ServiceRateLimit, resolveRateLimits } from './rateLimit';
import {
  describeOrganization,
  readOrganizationStructure,
} from './organizations';
import {
  listPermissionSetArns,
  readIdentityCenterInstance,
  readPermissionSet,
} from './identityCenter';
import { readIdentityStore } from './identityStore';
import { AssignmentStrategy, readAccountAssignments } from './assignments';

/**
 * Options of {@link readOrganizationSnapshot}.
 *
 * @public
 */
export interface ReadOrganizationSnapshotOptions {
  /** Ready SDK clients, e.g. from {@link createAwsOrganizationsClients}. */
  clients: AwsOrganizationsClients;
  logger: LoggerService;
  /** Per-service overrides of {@link DEFAULT_READER_RATE_LIMITS}. */
  rateLimits?: Partial<Record<AwsServiceName, Partial<ServiceRateLimit>>>;
  /** Force an assignment strategy; by default the cheaper one is chosen. */
  assignmentStrategy?: AssignmentStrategy;
}

async function readIdentityCenter(
  ctx: ReadContext,
  managementAccountId: Promise<string>,
  assignmentStrategy: AssignmentStrategy | undefined,
): Promise<IdentityCenterSnapshot> {
  const instance = await readIdentityCenterInstance(
    ctx,
    await managementAccountId,
  );
  if (!instance) {
    return { status: 'not-enabled' };
  }
  const { instanceArn, identityStoreId } = instance;
  const [permissionSetArns, store] = await Promise.all([
    listPermissionSetArns(ctx, instanceArn),
    readIdentityStore(ctx, identityStoreId),
  ]);
  const [permissionSets, assignments] = await Promise.all([
    Promise.all(
      permissionSetArns.map(arn => readPermissionSet(ctx, instanceArn, arn)),
    ),
    readAccountAssignments(ctx, {
      instanceArn,
      permissionSetArns,
      groupIds: store.groups.map(g => g.id),
      userIds: store.users.map(u => u.id),
      strategy: assignmentStrategy,
    }),
  ]);
  permissionSets.sort((a, b) => a.arn.localeCompare(b.arn));
  store.groups.sort((a, b) => a.id.localeCompare(b.id));
  store.users.sort((a, b) => a.id.localeCompare(b.id));
  return {
    status: 'available',
    instanceArn,
    identityStoreId,
    permissionSets,
    assignments,
    ...store,
  };
}

/**
 * Reads the whole organization into one `OrganizationSnapshot`.
 *
 * Organizations and Identity Center are read in parallel, each service
 * within its own rate limit. A required listing that fails rejects with an
 * {@link AwsReadError} and no snapshot. AccessDenied on SSO Admin or the
 * Identity Store yields a snapshot with `identityCenter.status`
 * `unavailable` and `complete: false`. Optional parts that fail are unknown
 * with a warning.
 *
 * @public
 */
export async function readOrganizationSnapshot(
  options: ReadOrganizationSnapshotOptions,
): Promise<OrganizationSnapshot> {
  const { logger } = options;
  const ctx = new ReadContext({
    clients: options.clients,
    logger,
    rateLimits: resolveRateLimits(options.rateLimits),
  });
  const identityCenterCtx = ctx.child();
  logger.info('Reading AWS organization snapshot');

  const description = describeOrganization(ctx);
  const structure = readOrganizationStructure(ctx, description).catch(error => {
    ctx.fail(error);
    throw error;
  });
  const managementAccountId = description.then(d => d.managementAccountId);
  const identityCenter = readIdentityCenter(
    identityCenterCtx,
    managementAccountId,
    options.assignmentStrategy,
  ).catch((error): IdentityCenterSnapshot => {
    if (
      error instanceof AwsReadError &&
      error.service !== 'organizations' &&
      isAccessDenied(error)
    ) {
      identityCenterCtx.fail(error);
      return {
        status: 'unavailable',
        reason: `${error.operation} on ${error.resource} was denied (${error.code})`,
      };
    }
    ctx.fail(error);
    throw error;
  });

  let org: Awaited<typeof structure>;
  let ic: IdentityCenterSnapshot;
  try {
    [org, ic] = await Promise.all([structure, identityCenter]);
  } catch (error) {
    // Fail fast: abort every queued and in-flight call of both halves, then
    // let them settle so that no call outlives the read and nothing rejects
    // after it. The first failure is what the read rejects with.
    ctx.fail(error);
    await Promise.allSettled([structure, identityCenter]);
    await ctx.drain();
    const stats = ctx.stats.snapshot();
    logger.error('Reading the AWS organization failed; no snapshot', {
      ...(error instanceof AwsReadError
        ? {
            operation: error.operation,
            resource: error.resource,
            code: error.code,
          }
        : { error: String(error) }),
      durationMs: stats.durationMs,
    });
    throw error;
  }

  const incompleteReasons: string[] = [];
  if (ic.status === 'unavailable') {
    incompleteReasons.push(`IAM Identity Center unavailable: ${ic.reason}`);
  }
  const stats = ctx.stats.snapshot();
  const snapshot: OrganizationSnapshot = {
    schemaVersion: 1,
    readAt: new Date().toISOString(),
    complete: incompleteReasons.length === 0,
    incompleteReasons,
    ...org,
    identityCenter: ic,
    warnings: ctx.warnings,
    stats,
  };
  logger.info('Read AWS organization snapshot', {
    complete: snapshot.complete,
    accounts: org.accounts.length,
    organizationalUnits: org.organizationalUnits.length,
    policies: org.policies.length,
    identityCenter: ic.status,
    permissionSets: ic.status === 'available' ? ic.permissionSets.length : 0,
    assignments: ic.status === 'available' ? ic.assignments.length : 0,
    groups: ic.status === 'available' ? ic.groups.length : 0,
    users: ic.status === 'available' ? ic.users.length : 0,
    warnings: snapshot.warnings.length,
    calls: ctx.stats.totalCalls(),
    retries: stats.retries,
    throttles: stats.throttles,
    assignmentStrategy: stats.assignmentStrategy ?? null,
    durationMs: stats.durationMs,
  });
  return snapshot;
}
