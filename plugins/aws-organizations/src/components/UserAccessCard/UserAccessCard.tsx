import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { PrincipalGrantsTable } from '../common/PrincipalGrantsTable';

/** For a User: the AWS accounts the person can reach, and how. */
export function UserAccessCard() {
  const { entity } = useEntity();
  const api = useApi(awsOrganizationsApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const { name } = entity.metadata;
  const { value, loading, error } = useSnapshotAsync(
    () => api.getPrincipalAccess({ kind: 'user', namespace, name }),
    [api, namespace, name],
  );
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ApiErrorPanel error={error} subject="this person's AWS access" />
    );
  } else {
    content = (
      <div data-testid="aws-user-access">
        <PrincipalGrantsTable
          title="Accounts"
          access={value!}
          emptyText="This person holds no permission set in any AWS account."
        />
      </div>
    );
  }
  return <InfoCard title="AWS access">{content}</InfoCard>;
}
