import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { useSnapshotAsync } from '../common/useSnapshot';
import { GuardrailSimulator } from './GuardrailSimulator';
import { OtherPolicyTypes } from './OtherPolicyTypes';
import { LevelSection, SentenceList } from './PolicyLevels';
import { ResourceControlPolicies } from './ResourceControlPolicies';

function Guardrails(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getAccountGuardrails(props.accountId),
    [api, props.accountId],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ApiErrorPanel error={error} subject="this account's guardrails" />;
  }
  const guardrails = value!;
  return (
    <Grid container spacing={3}>
      {guardrails.managementAccountExempt && (
        <Grid item xs={12}>
          {/* The key fact of this account: in sight, not collapsed. */}
          <div data-testid="aws-management-exempt">
            <WarningPanel
              severity="info"
              title="Management account: SCPs do not apply"
              defaultExpanded
              message="Service control policies never restrict the management account of the organization, whatever is attached to it or its root. The policies below restrict the other accounts under the same root."
            />
          </div>
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title="What the guardrails mean">
          <div data-testid="aws-guardrails-summary">
            <SentenceList
              sentences={
                guardrails.managementAccountExempt ? [] : guardrails.summary
              }
              empty={
                guardrails.managementAccountExempt
                  ? 'No service control policy restricts this account: it is the management account.'
                  : 'No service control policy restricts this account.'
              }
            />
            {/* Regions SCPs allow do not bind the management account. */}
            {guardrails.allowedRegions &&
              !guardrails.managementAccountExempt && (
                <Typography variant="body2">
                  Allowed regions: {guardrails.allowedRegions.join(', ')}
                </Typography>
              )}
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <GuardrailSimulator accountId={props.accountId} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Effective service control policies">
          {guardrails.levels.map(level => (
            <LevelSection
              key={`${level.kind}-${level.targetId}`}
              level={level}
              word="SCP"
              testIdPrefix="aws-guardrail-level"
            />
          ))}
        </InfoCard>
      </Grid>
      {guardrails.resourceControlPolicies && (
        <Grid item xs={12}>
          <ResourceControlPolicies rcps={guardrails.resourceControlPolicies} />
        </Grid>
      )}
      {guardrails.otherPolicyTypes &&
        guardrails.otherPolicyTypes.length > 0 && (
          <Grid item xs={12}>
            <OtherPolicyTypes types={guardrails.otherPolicyTypes} />
          </Grid>
        )}
    </Grid>
  );
}

/**
 * An account's effective SCPs and RCPs by level, their plain-language
 * summaries, the simulator, and the other policy types on its path.
 */
export function AccountGuardrails() {
  return (
    <AccountIdGate>
      {accountId => <Guardrails accountId={accountId} />}
    </AccountIdGate>
  );
}
