import {
  AWS_RELATIONS,
  CustomerManagedPolicyRef,
  Knowable,
  ManagedPolicyRef,
  PermissionsBoundary,
  isUnknown,
} from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import {
  EntityRefLink,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { PolicyDocument } from '../AccountGuardrails/PolicyDocument';
import { formatIsoDuration } from '../common/format';

interface PermissionSetSpec {
  sessionDuration?: string;
  relayState?: string;
  managedPolicies?: ManagedPolicyRef[];
  customerManagedPolicies?: Knowable<CustomerManagedPolicyRef[]>;
  inlinePolicy?: unknown;
  permissionsBoundary?: Knowable<PermissionsBoundary>;
}

function boundaryText(boundary: PermissionSetSpec['permissionsBoundary']) {
  if (!boundary) {
    return 'None';
  }
  if (isUnknown(boundary)) {
    return `Unknown (${boundary.reason})`;
  }
  switch (boundary.type) {
    case 'managed':
      return boundary.managedPolicyArn;
    case 'customer-managed':
      return `${boundary.reference.path}${boundary.reference.name}`;
    default:
      return 'None';
  }
}

function customerManaged(
  policies: PermissionSetSpec['customerManagedPolicies'],
) {
  if (!policies) {
    return 'None';
  }
  if (isUnknown(policies)) {
    return `Unknown (${policies.reason})`;
  }
  return policies.length
    ? policies.map(p => `${p.path}${p.name}`).join(', ')
    : 'None';
}

/**
 * A permission set entity: its policies, boundary and session, and the
 * accounts it is provisioned in (from the entity's relations).
 */
export function PermissionSetContent() {
  const { entity } = useEntity();
  const spec = (entity.spec ?? {}) as PermissionSetSpec;
  const accounts = getEntityRelations(entity, AWS_RELATIONS.provisionedIn);
  const managed = spec.managedPolicies ?? [];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <InfoCard title="Policies">
          <StructuredMetadataTable
            metadata={{
              'AWS managed policies': managed.length
                ? managed.map(p => p.name).join(', ')
                : 'None',
              'Customer managed policies': customerManaged(
                spec.customerManagedPolicies,
              ),
              'Permissions boundary': boundaryText(spec.permissionsBoundary),
              'Session duration': formatIsoDuration(spec.sessionDuration),
              ...(spec.relayState ? { 'Relay state': spec.relayState } : {}),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Assigned in accounts">
          {accounts.length === 0 ? (
            <Typography variant="body2">
              The permission set is not assigned in any account.
            </Typography>
          ) : (
            <List dense data-testid="aws-permission-set-accounts">
              {accounts.map(ref => (
                <ListItem key={ref.name}>
                  <EntityRefLink entityRef={ref} />
                </ListItem>
              ))}
            </List>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Inline policy">
          {spec.inlinePolicy === null || spec.inlinePolicy === undefined ? (
            <Typography variant="body2">No inline policy.</Typography>
          ) : (
            <PolicyDocument content={spec.inlinePolicy} />
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
