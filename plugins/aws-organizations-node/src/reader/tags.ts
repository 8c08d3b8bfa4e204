import { ListTagsForResourceCommand as ListOrganizationsTagsCommand } from '@aws-sdk/client-organizations';
import { ListTagsForResourceCommand as ListSsoTagsCommand } from '@aws-sdk/client-sso-admin';
import type {
  Knowable,
  Tags,
} from '@aws-governance/plugin-aws-organizations-common';
import type { ReadContext } from './context';

function toTags(list: { Key?: string; Value?: string }[]): Tags {
  const tags: Tags = {};
  for (const { Key, Value } of list) {
    if (Key !== undefined) {
      tags[Key] = Value ?? '';
    }
  }
  return tags;
}

/** Tags of a root, OU or account; unknown (with a warning) when unreadable. */
export function readOrganizationsTags(
  ctx: ReadContext,
  resourceId: string,
): Promise<Knowable<Tags>> {
  const target = {
    service: 'organizations' as const,
    operation: 'ListTagsForResource',
    resource: resourceId,
  };
  return ctx.optional(target, async optionalCtx =>
    toTags(
      await optionalCtx.paginate(
        target,
        NextToken =>
          new ListOrganizationsTagsCommand({
            ResourceId: resourceId,
            NextToken,
          }),
        out => out.Tags,
      ),
    ),
  );
}

/** Tags of a permission set; unknown (with a warning) when unreadable. */
export function readPermissionSetTags(
  ctx: ReadContext,
  instanceArn: string,
  permissionSetArn: string,
): Promise<Knowable<Tags>> {
  const target = {
    service: 'ssoAdmin' as const,
    operation: 'ListTagsForResource',
    resource: permissionSetArn,
  };
  return ctx.optional(target, async optionalCtx =>
    toTags(
      await optionalCtx.paginate(
        target,
        NextToken =>
          new ListSsoTagsCommand({
            InstanceArn: instanceArn,
            ResourceArn: permissionSetArn,
            NextToken,
          }),
        out => out.Tags,
      ),
    ),
  );
}
