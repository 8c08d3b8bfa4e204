import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  OrganizationSnapshot,
  ReadStatistics,
} from '@aws-governance/plugin-aws-organizations-common';
import type { AwsOrganizationsClients } from '../clients';
import { DEFAULT_MAX_ATTEMPTS } from '../clients';
import { ReadContext } from '../context';
import { ReaderRateLimits, resolveRateLimits } from '../rateLimit';
import { readIdentityCenterTarget } from './identityCenterTargets';
import { Patch, readOrganizationsTarget } from './organizationsTargets';
import { mergeRefreshTargets, RefreshTarget } from './targets';

/** Options of {@link readTargetedUpdate}. @public */
export interface ReadTargetedUpdateOptions {
  clients: AwsOrganizationsClients;
  logger: LoggerService;
  rateLimits?: ReaderRateLimits;
  /** Attempts per call, first try included; default {@link DEFAULT_MAX_ATTEMPTS}. */
  maxAttempts?: number;
  /** The snapshot to bring up to date (the current complete one). */
  base: OrganizationSnapshot;
  targets: RefreshTarget[];
}

/** What {@link readTargetedUpdate} found. @public */
export type TargetedUpdate =
  | {
      outcome: 'updated';
      /** The base with the re-read parts replaced. */
      snapshot: OrganizationSnapshot;
      stats: ReadStatistics;
      calls: number;
    }
  | {
      /** A re-read found something only a full read can place. */
      outcome: 'full-read-needed';
      reason: string;
      stats: ReadStatistics;
      calls: number;
    };

/** The group of a membership known by id, from the base. */
function resolveMemberships(
  base: OrganizationSnapshot,
  targets: RefreshTarget[],
): RefreshTarget[] | string {
  const resolved: RefreshTarget[] = [];
  for (const target of targets) {
    if (target.kind !== 'membership') {
      resolved.push(target);
      continue;
    }
    const ic = base.identityCenter;
    const groupId =
      ic.status === 'available'
        ? ic.memberships.find(m => m.membershipId === target.membershipId)
            ?.groupId
        : undefined;
    if (!groupId) {
      return `membership ${target.membershipId} is not in the snapshot`;
    }
    resolved.push({ kind: 'memberships', groupId });
  }
  return mergeRefreshTargets(resolved);
}

/** Resource ids and ARNs a target re-reads, to drop their old warnings. */
function resourcesOf(target: RefreshTarget): string[] {
  return Object.entries(target)
    .filter(([key]) => key !== 'kind')
    .map(([, value]) => String(value));
}

/**
 * Brings a snapshot up to date for the given targets only: each target is
 * read again (its calls within the same rate budgets and retries as a full
 * read) and replaced in a copy of the base. Reads what AWS holds now, so
 * the order of the events behind the targets does not matter.
 *
 * Answers `full-read-needed` when a re-read finds what only a full read can
 * place (an account under an OU the base does not know, a resource that
 * left the organization, Identity Center not available in the base).
 * Rejects with an {@link AwsReadError} when a call fails; the base is never
 * changed.
 *
 * @public
 */
export async function readTargetedUpdate(
  options: ReadTargetedUpdateOptions,
): Promise<TargetedUpdate> {
  const { base, logger } = options;
  const ctx = new ReadContext({
    clients: options.clients,
    logger,
    rateLimits: resolveRateLimits(options.rateLimits),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  });
  const done = (
    result:
      | { outcome: 'updated'; snapshot: OrganizationSnapshot }
      | { outcome: 'full-read-needed'; reason: string },
  ): TargetedUpdate => {
    const stats = ctx.stats.snapshot();
    const calls = ctx.stats.totalCalls();
    return result.outcome === 'updated'
      ? { ...result, snapshot: { ...result.snapshot, stats }, stats, calls }
      : { ...result, stats, calls };
  };
  const targets = resolveMemberships(base, options.targets);
  if (typeof targets === 'string') {
    return done({ outcome: 'full-read-needed', reason: targets });
  }
  const ic = base.identityCenter;
  let patches: Patch[];
  try {
    patches = await Promise.all(
      targets.map(target => {
        const org = readOrganizationsTarget(ctx, base, target);
        if (org) return org;
        if (ic.status !== 'available') {
          return Promise.resolve<Patch>(
            () => `Identity Center is ${ic.status} in the current snapshot`,
          );
        }
        return (
          readIdentityCenterTarget(ctx, ic, target) ??
          Promise.resolve<Patch>(() => `unknown target ${target.kind}`)
        );
      }),
    );
  } catch (error) {
    ctx.fail(error);
    await ctx.drain();
    throw error;
  }
  const draft = structuredClone(base);
  // A patch may need another one first (an account moved into a new OU):
  // apply what applies, then retry the rest while that makes progress.
  let pending = patches;
  let reason: string | undefined;
  while (pending.length > 0) {
    const failed: Patch[] = [];
    for (const patch of pending) {
      const why = patch(draft);
      if (why) {
        failed.push(patch);
        reason = why;
      }
    }
    if (failed.length === pending.length) {
      return done({ outcome: 'full-read-needed', reason: reason! });
    }
    pending = failed;
  }
  const reRead = new Set(targets.flatMap(resourcesOf));
  const snapshot: OrganizationSnapshot = {
    ...draft,
    readAt: new Date().toISOString(),
    warnings: [
      ...base.warnings.filter(w => !reRead.has(w.resource)),
      ...ctx.warnings,
    ],
  };
  logger.info('Re-read the changed parts of the AWS organization', {
    targets: targets.length,
    calls: ctx.stats.totalCalls(),
    warnings: ctx.warnings.length,
  });
  return done({ outcome: 'updated', snapshot });
}
