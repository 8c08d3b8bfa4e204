import { AwsError } from '../../protocol/errors';
import { paginate } from '../../protocol/pagination';
import { signalsOf } from '../../state/signals';
import { epochSeconds, OperationTable } from '../types';
import { requireOrganization } from './lookups';

/**
 * Trusted access and delegated administrators
 * (ListAWSServiceAccessForOrganization, ListDelegatedAdministrators): both
 * callable from the management account or a delegated administrator.
 */
export const organizationsServiceAccess: OperationTable = {
  ListAWSServiceAccessForOrganization: ctx => {
    requireOrganization(ctx.state);
    const enabled = [...signalsOf(ctx.state).serviceAccess].sort((a, b) =>
      a[0].localeCompare(b[0]),
    );
    const page = paginate(ctx, ctx.input, enabled);
    return {
      EnabledServicePrincipals: page.items.map(([ServicePrincipal, date]) => ({
        ServicePrincipal,
        DateEnabled: epochSeconds(date),
      })),
      NextToken: page.nextToken,
    };
  },
  ListDelegatedAdministrators: ctx => {
    requireOrganization(ctx.state);
    const principal = ctx.input.optionalString('ServicePrincipal');
    const byAccount = new Map<string, Date>();
    for (const [service, admins] of signalsOf(ctx.state)
      .delegatedAdministrators) {
      if (principal && service !== principal) continue;
      for (const a of admins) {
        const known = byAccount.get(a.accountId);
        if (!known || a.since < known) byAccount.set(a.accountId, a.since);
      }
    }
    const ids = [...byAccount.keys()].sort();
    const page = paginate(ctx, ctx.input, ids);
    return {
      DelegatedAdministrators: page.items.map(id => {
        const account = ctx.state.accounts.get(id);
        if (!account) {
          throw new AwsError(
            'AccountNotFoundException',
            `Account ${id} not found`,
          );
        }
        return {
          Id: account.id,
          Arn: account.arn,
          Email: account.email,
          Name: account.name,
          Status: account.state,
          State: account.state,
          JoinedMethod: account.joinedMethod,
          JoinedTimestamp: epochSeconds(account.joinedTimestamp),
          DelegationEnabledDate: epochSeconds(byAccount.get(id)!),
        };
      }),
      NextToken: page.nextToken,
    };
  },
};
