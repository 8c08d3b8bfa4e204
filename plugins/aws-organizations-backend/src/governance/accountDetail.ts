import {
  AccountDetail,
  isUnknown,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReport } from '../compliance/types';
import { accountSummary } from './listAccounts';
import { GovernanceIndex } from './types';

/**
 * `GET /accounts/:id`: the account with its owner, compliance, links to the
 * AWS console sign-in page of the account and to the Identity Center
 * access portal. Undefined when the snapshot has no such account.
 */
export function accountDetail(
  index: GovernanceIndex,
  report: ComplianceReport,
  accountId: string,
): AccountDetail | undefined {
  const account = index.accounts.get(accountId);
  if (!account) return undefined;
  const detail: AccountDetail = {
    ...accountSummary(index, report, account),
    arn: account.arn,
    joinedMethod: account.joinedMethod,
    joinedTimestamp: account.joinedTimestamp,
    tags: isUnknown(account.tags) ? null : account.tags,
    organizationId: index.snapshot.organization.id,
    isManagementAccount:
      index.snapshot.organization.managementAccountId === account.id,
    consoleUrl: `https://${account.id}.signin.aws.amazon.com/console`,
  };
  if (index.accessPortalUrl) detail.accessPortalUrl = index.accessPortalUrl;
  return detail;
}
