import {
  DescribeTrailsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import type {
  Knowable,
  OrganizationTrailStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import { awsErrorCode } from '../errors';
import { SourceRead } from './sourceRead';

/**
 * The organization trails as the management account sees them:
 * DescribeTrails (its own trails, no shadow trails), then GetTrailStatus
 * of each organization trail (a failure leaves its logging unknown).
 * DescribeTrails does not name the bucket's account: it is unknown here
 * (the rule that needs it says so).
 */
export async function readOrganizationTrail(
  read: SourceRead,
): Promise<OrganizationTrailStatus> {
  const { trailList } = await read.send(
    'DescribeTrails',
    'organization',
    new DescribeTrailsCommand({ includeShadowTrails: false }),
  );
  const trails = (trailList ?? []).filter(t => t.IsOrganizationTrail);
  return {
    trails: await Promise.all(
      trails.map(async t => {
        const arn = t.TrailARN ?? '';
        let isLogging: Knowable<boolean>;
        let latestDeliveryTime: string | undefined;
        let latestDeliveryError: string | undefined;
        try {
          const status = await read.send(
            'GetTrailStatus',
            arn,
            new GetTrailStatusCommand({ Name: arn }),
          );
          isLogging = status.IsLogging ?? false;
          latestDeliveryTime = status.LatestDeliveryTime?.toISOString();
          latestDeliveryError = status.LatestDeliveryError || undefined;
        } catch (error) {
          isLogging = {
            unknown: true,
            reason: `GetTrailStatus failed: ${awsErrorCode(error)}`,
          };
        }
        return {
          name: t.Name ?? '',
          arn,
          homeRegion: t.HomeRegion ?? '',
          isMultiRegion: t.IsMultiRegionTrail ?? false,
          isLogging,
          ...(t.S3BucketName ? { s3BucketName: t.S3BucketName } : {}),
          s3BucketAccountId: {
            unknown: true as const,
            reason: 'DescribeTrails does not name the account of the bucket',
          },
          ...(latestDeliveryTime ? { latestDeliveryTime } : {}),
          ...(latestDeliveryError ? { latestDeliveryError } : {}),
        };
      }),
    ),
  };
}
