import { AwsError } from '../../protocol/errors';
import {
  GroupRecord,
  IdentityCenterState,
  MembershipRecord,
  UserRecord,
} from '../../state/types';
import { OperationContext } from '../types';

export const IDENTITY_STORE_ID =
  /^(d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export const RESOURCE_ID =
  /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;

export function notFound(
  resourceType: 'USER' | 'GROUP' | 'IDENTITY_STORE' | 'GROUP_MEMBERSHIP',
  resourceId: string,
): AwsError {
  return new AwsError(
    'ResourceNotFoundException',
    `${resourceType} not found.`,
    400,
    { ResourceType: resourceType, ResourceId: resourceId },
  );
}

/** The identity store named by `IdentityStoreId`, or ResourceNotFound. */
export function requireStore(ctx: OperationContext): IdentityCenterState {
  const id = ctx.input.string('IdentityStoreId', IDENTITY_STORE_ID);
  const ic = ctx.state.identityCenter;
  if (!ic || ic.identityStoreId !== id) throw notFound('IDENTITY_STORE', id);
  return ic;
}

function externalIds(record: { externalIds: UserRecord['externalIds'] }) {
  return record.externalIds.length > 0
    ? record.externalIds.map(e => ({ Issuer: e.issuer, Id: e.id }))
    : undefined;
}

export function userShape(ic: IdentityCenterState, user: UserRecord) {
  const formatted = [user.givenName, user.familyName].filter(Boolean);
  return {
    IdentityStoreId: ic.identityStoreId,
    UserId: user.id,
    UserName: user.userName,
    ExternalIds: externalIds(user),
    Name:
      formatted.length > 0
        ? {
            Formatted: formatted.join(' '),
            GivenName: user.givenName,
            FamilyName: user.familyName,
          }
        : undefined,
    DisplayName: user.displayName,
    Emails: user.emails.map(e => ({
      Value: e.value,
      Type: e.type,
      Primary: e.primary,
    })),
  };
}

export function groupShape(ic: IdentityCenterState, group: GroupRecord) {
  return {
    IdentityStoreId: ic.identityStoreId,
    GroupId: group.id,
    DisplayName: group.displayName,
    ExternalIds: externalIds(group),
    Description: group.description,
  };
}

export function membershipShape(
  ic: IdentityCenterState,
  membership: MembershipRecord,
) {
  return {
    IdentityStoreId: ic.identityStoreId,
    MembershipId: membership.id,
    GroupId: membership.groupId,
    MemberId: { UserId: membership.userId },
  };
}

/** The deprecated `Filters` of ListUsers / ListGroups: one exact match. */
export function readFilter(
  ctx: OperationContext,
  attributePath: string,
): string | undefined {
  const filters = ctx.input.array('Filters');
  if (filters.length === 0) return undefined;
  const [filter] = filters as {
    AttributePath?: string;
    AttributeValue?: string;
  }[];
  if (
    filters.length > 1 ||
    filter?.AttributePath !== attributePath ||
    typeof filter.AttributeValue !== 'string'
  ) {
    throw new AwsError(
      'ValidationException',
      `Only one filter on ${attributePath} is supported.`,
    );
  }
  return filter.AttributeValue;
}
