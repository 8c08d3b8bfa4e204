/**
 * The organization trail: present (DescribeTrails `IsOrganizationTrail`),
 * multi-region, logging (GetTrailStatus `IsLogging`), delivering (no
 * `LatestDeliveryError`, a `LatestDeliveryTime` within the window) to a
 * bucket in the Security & Logging account
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html).
 *
 * DescribeTrails does not name the bucket's account. It is known when the
 * reader knows it, when the bucket has AWS Control Tower's name
 * (`aws-controltower-logs-<log archive account id>-<region>`), or when
 * the configuration lists the bucket as the log archive's
 * (`logArchiveBuckets`); otherwise the rule is unknown, never a pass.
 */
import {
  ComplianceEvidence,
  ComplianceStatus,
  isUnknown,
  OrganizationSnapshot,
  OrganizationTrailStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsOrganizationComplianceRule,
  ComplianceSnapshotIndex,
  listing,
  nonEmpty,
} from '@aws-governance/plugin-aws-organizations-node';
import { connectedSource, trailUrl } from './signalsCommon';

/** Parameters of {@link organizationTrailRule}. */
export type OrganizationTrailParameters = {
  /** OUs holding the Security & Logging account (names or ids). */
  securityOrganizationalUnits: string[];
  /** Names of the Security & Logging account (`*` wildcards). */
  logArchiveAccountNames: string[];
  /** Buckets known to be in the Security & Logging account (`*` wildcards). */
  logArchiveBuckets: string[];
  /** The latest delivery may be at most this old (hours before the sync). */
  maxDeliveryAgeHours: number;
};

const CONTROL_TOWER_BUCKET = /^aws-controltower-logs-(\d{12})-[a-z0-9-]+$/;

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
}

type Trail = OrganizationTrailStatus['trails'][number];

interface TrailVerdict {
  status: ComplianceStatus;
  problems: string[];
  evidence: ComplianceEvidence;
}

/** One trail against every requirement; the worst part decides. */
function judgeTrail(
  trail: Trail,
  snapshot: OrganizationSnapshot,
  logArchive: ReadonlySet<string>,
  p: OrganizationTrailParameters,
): TrailVerdict {
  const failures: string[] = [];
  const unknowns: string[] = [];
  if (!trail.isMultiRegion) failures.push('not multi-region');
  if (isUnknown(trail.isLogging)) {
    unknowns.push(`logging unknown (${trail.isLogging.reason})`);
  } else if (!trail.isLogging) failures.push('not logging');
  if (trail.latestDeliveryError) {
    failures.push(`delivery error ${trail.latestDeliveryError}`);
  } else if (!trail.latestDeliveryTime) {
    unknowns.push('no delivery on record');
  } else {
    const hours =
      (Date.parse(snapshot.readAt) - Date.parse(trail.latestDeliveryTime)) /
      3_600_000;
    if (hours > p.maxDeliveryAgeHours) {
      failures.push(
        `last delivery ${Math.floor(hours)} hours before the sync (more than ${
          p.maxDeliveryAgeHours
        })`,
      );
    }
  }
  const bucket = trail.s3BucketName;
  const known =
    trail.s3BucketAccountId && !isUnknown(trail.s3BucketAccountId)
      ? trail.s3BucketAccountId
      : bucket?.match(CONTROL_TOWER_BUCKET)?.[1];
  if (!bucket) {
    failures.push('no S3 bucket');
  } else if (known) {
    if (!logArchive.has(known)) {
      failures.push(
        `bucket ${bucket} is in account ${known}, not the Security & Logging account`,
      );
    }
  } else if (!p.logArchiveBuckets.some(b => glob(b).test(bucket))) {
    unknowns.push(
      `the account of bucket ${bucket} is unknown (DescribeTrails does not name it; list the bucket in logArchiveBuckets)`,
    );
  }
  const problems = [...failures, ...unknowns];
  let status: 'fail' | 'unknown' | 'pass' = 'pass';
  if (failures.length > 0) status = 'fail';
  else if (unknowns.length > 0) status = 'unknown';
  return {
    status,
    problems,
    evidence: {
      kind: 'detector',
      description: `${trail.name}${bucket ? ` -> s3://${bucket}` : ''}: ${
        problems.length > 0
          ? problems.join('; ')
          : 'multi-region, logging, delivering'
      }`,
      consoleUrl: trailUrl(trail.homeRegion || 'us-east-1', trail.arn),
    },
  };
}

function logArchiveAccounts(
  snapshot: OrganizationSnapshot,
  index: ComplianceSnapshotIndex,
  p: OrganizationTrailParameters,
): Set<string> {
  const units = index.unitsMatching(p.securityOrganizationalUnits);
  const names = p.logArchiveAccountNames.map(glob);
  return new Set(
    snapshot.accounts
      .filter(
        a =>
          a.state === 'ACTIVE' &&
          index.isInUnits(a, units) &&
          names.some(n => n.test(a.name)),
      )
      .map(a => a.id),
  );
}

/** An organization trail logs every region to the Security & Logging account. */
export const organizationTrailRule: AwsOrganizationComplianceRule<OrganizationTrailParameters> =
  {
    id: 'organization-trail-delivering',
    title: 'The organization trail logs to the Security & Logging account',
    severity: 'high',
    level: 'organization',
    rationale:
      'One organization trail records every account in every region; delivered to the Security & Logging account, the workload accounts it records cannot delete or change its logs.',
    remediation:
      'From the management account, create (or fix) a multi-region organization trail, start logging, and deliver it to a bucket in the log archive account whose policy admits CloudTrail.',
    defaultParameters: {
      securityOrganizationalUnits: ['Security'],
      logArchiveAccountNames: ['*log*'],
      logArchiveBuckets: [],
      maxDeliveryAgeHours: 24,
    },
    validateParameters: p => [
      ...nonEmpty('securityOrganizationalUnits', p.securityOrganizationalUnits),
      ...nonEmpty('logArchiveAccountNames', p.logArchiveAccountNames),
      ...(p.maxDeliveryAgeHours > 0
        ? []
        : [{ parameter: 'maxDeliveryAgeHours', message: 'must be positive' }]),
    ],
    evaluate({ snapshot, index, parameters: p }) {
      const source = connectedSource(snapshot, 'cloudtrail', 'organization');
      // At the organization level a source that is off is unknown too.
      if ('outcome' in source) return source.outcome!;
      const status = source.signals.organizationTrail;
      if (isUnknown(status)) {
        return {
          status: 'unknown',
          message: `The organization trail is unknown: ${status.reason}`,
        };
      }
      if (status.trails.length === 0) {
        return {
          status: 'fail',
          message:
            'The management account has no organization trail (DescribeTrails lists no trail with IsOrganizationTrail)',
        };
      }
      const logArchive = logArchiveAccounts(snapshot, index, p);
      const verdicts = status.trails.map(t =>
        judgeTrail(t, snapshot, logArchive, p),
      );
      const passing = verdicts.find(v => v.status === 'pass');
      if (passing) {
        return {
          status: 'pass',
          message: `The organization trail ${
            passing.evidence.description.split(':')[0]
          } logs every region to the Security & Logging account`,
          evidence: [passing.evidence],
        };
      }
      const evidence = verdicts.map(v => v.evidence);
      const problems = listing(verdicts.flatMap(v => v.problems));
      if (verdicts.some(v => v.status === 'unknown')) {
        return {
          status: 'unknown',
          message: `Whether the organization trail delivers to the Security & Logging account is unknown: ${problems}`,
          evidence,
        };
      }
      return {
        status: 'fail',
        message: `No organization trail logs every region to the Security & Logging account: ${problems}`,
        evidence,
      };
    },
  };
