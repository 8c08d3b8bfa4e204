import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  GovernanceState,
  GovernanceView,
} from '../governance/createGovernanceState';

/**
 * The governance view of the current snapshot, or a 503 before the first
 * complete snapshot: every route over snapshot data starts here.
 */
export async function currentView(
  state: GovernanceState,
): Promise<GovernanceView> {
  const current = await state.current();
  if (!current) {
    throw new ServiceUnavailableError(
      'No complete snapshot of the AWS Organization yet: the first sync has not finished (see GET /sync/status)',
    );
  }
  return current;
}

/** A view's answer for an account, or a 404 naming the account. */
export function foundAccount<T>(value: T | undefined, accountId: string): T {
  if (value === undefined) {
    throw new NotFoundError(`No account ${accountId} in the AWS Organization`);
  }
  return value;
}
