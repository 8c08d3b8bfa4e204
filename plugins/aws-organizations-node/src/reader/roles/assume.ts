import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { ReadContext } from '../context';

/** The session name the reader assumes roles with (visible in CloudTrail). */
export const ROLE_SESSION_NAME = 'backstage-aws-organizations-roles';

/** `arn:<partition>:iam::<account>:role/<name>`, the partition of a known ARN. */
export function roleArnIn(
  accountId: string,
  roleName: string,
  partitionOf = 'arn:aws:',
): string {
  const partition = partitionOf.split(':')[1] || 'aws';
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/**
 * Assumes a role through the reader's STS client: one AssumeRole call,
 * counted and paced like every other call, and static credentials for
 * the session (an hour, more than a read takes).
 */
export async function assumeRole(
  ctx: ReadContext,
  roleArn: string,
  externalId: string | undefined,
): Promise<AwsCredentialIdentity> {
  const { Credentials } = await ctx.send(
    { service: 'sts', operation: 'AssumeRole', resource: roleArn },
    new AssumeRoleCommand({
      RoleArn: roleArn,
      RoleSessionName: ROLE_SESSION_NAME,
      DurationSeconds: 3600,
      ...(externalId ? { ExternalId: externalId } : {}),
    }),
  );
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) {
    throw new Error(`AssumeRole of ${roleArn} returned no credentials`);
  }
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
    expiration: Credentials.Expiration,
  };
}
