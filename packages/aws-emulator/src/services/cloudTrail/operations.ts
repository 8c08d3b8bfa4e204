import { AwsError } from '../../protocol/errors';
import { signalsOf, trailArn } from '../../state/signals';
import type { TrailRecord } from '../../state/signalsTypes';
import {
  epochSeconds,
  callerAccountOf,
  OperationContext,
  OperationTable,
} from '../types';

/**
 * The trails an account sees: its own, and (as shadow trails, unless
 * `includeShadowTrails` is false) the organization trails of its
 * organization.
 */
function visibleTrails(ctx: OperationContext, shadows: boolean): TrailRecord[] {
  const account = callerAccountOf(ctx);
  const member = ctx.state.accounts.has(account);
  return signalsOf(ctx.state).trails.filter(
    t =>
      t.accountId === account || (shadows && member && t.isOrganizationTrail),
  );
}

function trailShape(t: TrailRecord) {
  return {
    Name: t.name,
    S3BucketName: t.s3BucketName,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: t.isMultiRegion,
    HomeRegion: t.homeRegion,
    TrailARN: trailArn(t),
    LogFileValidationEnabled: true,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: t.isOrganizationTrail,
  };
}

function findTrail(ctx: OperationContext, name: string): TrailRecord {
  const trail = visibleTrails(ctx, true).find(
    t => t.name === name || trailArn(t) === name,
  );
  if (!trail) {
    throw new AwsError(
      'TrailNotFoundException',
      `Unknown trail: ${name} for the user: ${callerAccountOf(ctx)}`,
    );
  }
  return trail;
}

/** CloudTrail's trail reads (JSON 1.1, `CloudTrail_20131101`). */
export const cloudTrailOperations: OperationTable = {
  DescribeTrails: ctx => {
    const names = ctx.input.array('trailNameList') as string[];
    const shadows = ctx.input.body.includeShadowTrails !== false;
    const trails = visibleTrails(ctx, shadows);
    const selected = names.length ? names.map(n => findTrail(ctx, n)) : trails;
    return { trailList: selected.map(trailShape) };
  },
  GetTrailStatus: ctx => {
    const trail = findTrail(ctx, ctx.input.string('Name'));
    return {
      IsLogging: trail.logging,
      ...(trail.latestDeliveryTime
        ? {
            LatestDeliveryTime: epochSeconds(trail.latestDeliveryTime),
            LatestDeliveryAttemptTime: trail.latestDeliveryTime.toISOString(),
            LatestDeliveryAttemptSucceeded:
              trail.latestDeliveryTime.toISOString(),
          }
        : {}),
      ...(trail.latestDeliveryError
        ? { LatestDeliveryError: trail.latestDeliveryError }
        : {}),
      StartLoggingTime: epochSeconds(new Date('2024-01-15T09:00:00Z')),
      TimeLoggingStarted: '2024-01-15T09:00:00Z',
    };
  },
};
