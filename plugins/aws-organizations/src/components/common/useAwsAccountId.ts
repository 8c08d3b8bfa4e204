import { getAwsAccountIdAnnotation } from '@aws-governance/plugin-aws-organizations-common';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';

/**
 * The account id of the current entity's `amazonaws.com/account-id`
 * annotation, or why there is none.
 */
export function useAwsAccountId():
  | { accountId: string; error?: undefined }
  | { accountId?: undefined; error: Error } {
  const { entity } = useEntity();
  return useMemo(() => {
    try {
      const accountId = getAwsAccountIdAnnotation(entity);
      if (!accountId) {
        return {
          error: new Error(
            `The entity has no amazonaws.com/account-id annotation`,
          ),
        };
      }
      return { accountId };
    } catch (e) {
      return { error: e as Error };
    }
  }, [entity]);
}
