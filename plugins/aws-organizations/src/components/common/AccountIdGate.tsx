import { WarningPanel } from '@backstage/core-components';
import { ReactNode } from 'react';
import { useAwsAccountId } from './useAwsAccountId';

/**
 * Renders its children with the account id of the current entity's
 * `amazonaws.com/account-id` annotation, or a panel saying what is wrong.
 */
export function AccountIdGate(props: {
  children: (accountId: string) => ReactNode;
}) {
  const { accountId, error } = useAwsAccountId();
  if (error) {
    return (
      <WarningPanel
        severity="warning"
        title="No AWS account id"
        message={error.message}
      />
    );
  }
  return <>{props.children(accountId)}</>;
}
