import {
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
} from '@aws-sdk/client-organizations';
import type {
  ServiceAccessStatus,
  SignalSource,
} from '@aws-governance/plugin-aws-organizations-common';
import type { ReadContext } from '../context';
import { awsErrorCode } from '../errors';

/** The service principal of each source. */
export const SOURCE_SERVICE_PRINCIPALS: Record<SignalSource, string> = {
  'security-hub': 'securityhub.amazonaws.com',
  'access-analyzer': 'access-analyzer.amazonaws.com',
  config: 'config.amazonaws.com',
  cloudtrail: 'cloudtrail.amazonaws.com',
};

/**
 * Whether each service has trusted access organization-wide
 * (ListAWSServiceAccessForOrganization) and its delegated administrators
 * (ListDelegatedAdministrators per service principal), with the read's
 * Organizations client; a listing that fails leaves its part unknown.
 */
export async function readServiceAccess(
  ctx: ReadContext,
  sources: SignalSource[],
): Promise<{ statuses: ServiceAccessStatus[]; calls: number }> {
  let calls = 0;
  const send = <T>(p: Promise<T>) => {
    calls += 1;
    return p;
  };
  const enabled = await ctx.optional(
    {
      service: 'organizations',
      operation: 'ListAWSServiceAccessForOrganization',
      resource: 'organization',
    },
    async o => {
      const all: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await send(
          o.send(
            {
              service: 'organizations',
              operation: 'ListAWSServiceAccessForOrganization',
              resource: 'organization',
            },
            new ListAWSServiceAccessForOrganizationCommand({
              MaxResults: 20,
              NextToken,
            }),
          ),
        );
        all.push(
          ...(page.EnabledServicePrincipals ?? []).map(
            p => p.ServicePrincipal ?? '',
          ),
        );
        NextToken = page.NextToken || undefined;
      } while (NextToken);
      return new Set(all);
    },
  );
  const statuses = await Promise.all(
    sources.map(async (source): Promise<ServiceAccessStatus> => {
      const servicePrincipal = SOURCE_SERVICE_PRINCIPALS[source];
      const target = {
        service: 'organizations' as const,
        operation: 'ListDelegatedAdministrators',
        resource: servicePrincipal,
      };
      const admins = await ctx.optional(target, async o => {
        const ids: string[] = [];
        let NextToken: string | undefined;
        do {
          const page = await send(
            o.send(
              target,
              new ListDelegatedAdministratorsCommand({
                ServicePrincipal: servicePrincipal,
                MaxResults: 20,
                NextToken,
              }),
            ),
          );
          ids.push(
            ...(page.DelegatedAdministrators ?? []).map(a => a.Id ?? ''),
          );
          NextToken = page.NextToken || undefined;
        } while (NextToken);
        return ids.sort();
      });
      return {
        servicePrincipal,
        enabledOrganizationWide:
          enabled instanceof Set
            ? enabled.has(servicePrincipal)
            : {
                unknown: true,
                reason: enabled.reason ?? awsErrorCode(enabled),
              },
        delegatedAdministrators: admins,
      };
    }),
  );
  return { statuses, calls };
}
