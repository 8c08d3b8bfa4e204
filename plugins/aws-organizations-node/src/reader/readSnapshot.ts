import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  IdentityCenterSnapshot,
  OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import type { AwsOrganizationsClients } from './clients';
import { ReadContext } from './context';
import { AwsReadError, isAccessDenied } from './errors';
import { RateControl, ReaderRateLimits, resolveRateLimits } from './rateLimit';
import { DEFAULT_MAX_ATTEMPTS } from './clients';
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
import type { IamRolesReader } from './roles/rolesReader';
import type { SignalsReader } from './signals/signalsReader';

/**
 * Options of {@link readOrganizationSnapshot}.
 *
 * @public
 */
export interface ReadOrganizationSnapshotOptions {
  /** Ready SDK clients, e.g. from {@link createAwsOrganizationsClients}. */
  clients: AwsOrganizationsClients;
  logger: LoggerService;
  /**
   * Optional caps (`tps`), bursts and concurrency per budget: the reader
   * finds each service's real rate by itself and stays below these.
   */
  rateLimits?: ReaderRateLimits;
  /**
   * How the reader paces itself: `aimd` (default, its own adaptive token
   * bucket per budget) or `sdk-adaptive` (the SDK's adaptive retry mode and
   * its client-side rate limiter, one per budget), kept for comparison.
   */
  rateControl?: RateControl;
  /**
   * Attempts per call, first try included; default the `maxAttempts` of the
   * Organizations client (as {@link createAwsOrganizationsClients} set it),
   * else {@link DEFAULT_MAX_ATTEMPTS}.
   */
  maxAttempts?: number;
  /** Force an assignment strategy; by default the cheaper one is chosen. */
  assignmentStrategy?: AssignmentStrategy;
  /**
   * The credentials are a delegated administrator's of IAM Identity Center:
   * assignments are listed per permission set (AWS denies the per-principal
   * listing there), and the snapshot says that what the management account
   * holds is not visible. Detected anyway when AWS denies the per-principal
   * listing.
   */
  delegatedAdministrator?: boolean;
  /**
   * The roles reader ({@link createIamRolesReader}): reads `iam` (roles and
   * users per account, the managed policies they attach). Keep one
   * instance across reads: it caches policy documents. Without it the
   * snapshot has no `iam`.
   */
  roles?: IamRolesReader;
  /**
   * The signals reader ({@link createSignalsReader}): reads `signals`
   * (AWS's detectors, per-account counts). Keep one instance across reads.
   * Its failures never fail the read: a source that fails is "not
   * connected". Without it the snapshot has no `signals`.
   */
  signals?: SignalsReader;
}

/** The attempts the caller's Organizations client is configured with. */
async function clientMaxAttempts(
  options: ReadOrganizationSnapshotOptions,
): Promise<number> {
  const configured = (
    options.clients.organizations.config as { maxAttempts?: unknown }
  ).maxAttempts;
  const value =
    typeof configured === 'function' ? await configured() : configured;
  return typeof value === 'number' && value >= 1 ? value : DEFAULT_MAX_ATTEMPTS;
}

/** The warning of a read from a delegated administrator. */
function delegatedWarning(instanceArn: string) {
  return {
    operation: 'ListPermissionSets',
    resource: instanceArn,
    message:
      'Read from a delegated administrator of IAM Identity Center: permission sets provisioned to the management account, and the assignments in the management account, are not visible (AWS keeps them to the management account)',
  };
}

async function readIdentityCenter(
  ctx: ReadContext,
  managementAccountId: Promise<string>,
  options: ReadOrganizationSnapshotOptions,
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
  const [permissionSets, { assignments, delegatedAdministrator }] =
    await Promise.all([
      Promise.all(
        permissionSetArns.map(arn => readPermissionSet(ctx, instanceArn, arn)),
      ),
      readAccountAssignments(ctx, {
        instanceArn,
        permissionSetArns,
        groupIds: store.groups.map(g => g.id),
        userIds: store.users.map(u => u.id),
        strategy: options.assignmentStrategy,
        delegatedAdministrator: options.delegatedAdministrator,
      }),
    ]);
  if (delegatedAdministrator) {
    const warning = delegatedWarning(instanceArn);
    ctx.warnings.push(warning);
    ctx.logger.warn(warning.message);
  }
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
    readFrom: delegatedAdministrator
      ? 'delegated-administrator'
      : 'management-account',
  };
}

function rolesLogFields(iam: NonNullable<OrganizationSnapshot['iam']>) {
  const accounts = Object.values(iam.accounts);
  const known = accounts.filter(a => a.status === 'known');
  return {
    iamAccountsKnown: known.length,
    iamAccountsUnknown: accounts.length - known.length,
    iamRoles: known.reduce(
      (n, a) => n + (a.status === 'known' ? a.roles.length : 0),
      0,
    ),
    iamManagedPolicies: iam.managedPolicies.length,
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
    rateControl: options.rateControl,
    maxAttempts: options.maxAttempts ?? (await clientMaxAttempts(options)),
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
    options,
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

  // Roles: after the accounts are known, beside Identity Center; every
  // failure in it degrades to unknown, never fails the read.
  const rolesCtx = ctx.child();
  const iam = options.roles
    ? structure.then(s =>
        options.roles!.read(rolesCtx, s.accounts, identityCenter),
      )
    : Promise.resolve(undefined);

  // Signals: after the accounts are known; optional calls only, every
  // failure is a source's status.
  const signalsCtx = ctx.child();
  const signals = options.signals
    ? structure.then(s =>
        options.signals!.read(signalsCtx, {
          organizationId: s.organization.id,
          accountIds: s.accounts.map(a => a.id),
        }),
      )
    : Promise.resolve(undefined);

  let org: Awaited<typeof structure>;
  let ic: IdentityCenterSnapshot;
  let roles: Awaited<typeof iam>;
  let detectors: Awaited<typeof signals>;
  try {
    [org, ic, roles, detectors] = await Promise.all([
      structure,
      identityCenter,
      iam,
      signals,
    ]);
  } catch (error) {
    // Fail fast: abort every queued and in-flight call of both halves, then
    // let them settle so that no call outlives the read and nothing rejects
    // after it. The first failure is what the read rejects with.
    ctx.fail(error);
    await Promise.allSettled([structure, identityCenter, iam, signals]);
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

  ctx.stats.recordRates(ctx.rateSummaries());
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
    ...(roles ? { iam: roles } : {}),
    ...(detectors ? { signals: detectors } : {}),
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
    ...(roles ? rolesLogFields(roles) : {}),
    ...(detectors
      ? {
          signals: Object.fromEntries(
            Object.entries(detectors.sources).map(([k, v]) => [
              k,
              v.status === 'connected' ? 'connected' : v.reason,
            ]),
          ),
        }
      : {}),
    warnings: snapshot.warnings.length,
    calls: ctx.stats.totalCalls(),
    retries: stats.retries,
    throttles: stats.throttles,
    rates: stats.rates ?? null,
    assignmentStrategy: stats.assignmentStrategy ?? null,
    durationMs: stats.durationMs,
  });
  return snapshot;
}
