import {
  AccountGuardrails as AccountGuardrailsView,
  GuardrailLevel,
  GuardrailPolicy,
} from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useSnapshotAsync } from '../common/useSnapshot';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { AccountIdGate } from '../common/AccountIdGate';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { GuardrailSimulator } from './GuardrailSimulator';
import { PolicyDocument } from './PolicyDocument';

const LEVEL_NAMES: Record<GuardrailLevel['kind'], string> = {
  root: 'Root',
  ou: 'Organizational unit',
  account: 'Account',
};

function PolicyAccordion(props: { policy: GuardrailPolicy }) {
  const { policy } = props;
  return (
    <Accordion TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Box>
          <Typography variant="subtitle1">
            {policy.name}{' '}
            {policy.awsManaged && <Chip size="small" label="AWS managed" />}
          </Typography>
          {policy.summary.map(sentence => (
            <Typography key={sentence} variant="body2" color="textSecondary">
              {sentence}
            </Typography>
          ))}
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Box width="100%">
          {policy.description && (
            <Typography variant="body2" paragraph>
              {policy.description}
            </Typography>
          )}
          <PolicyDocument
            content={policy.content}
            parseError={policy.parseError}
          />
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}

function LevelSection(props: { level: GuardrailLevel }) {
  const { level } = props;
  return (
    <Box mb={2} data-testid={`aws-guardrail-level-${level.kind}`}>
      <Typography variant="h6">
        {LEVEL_NAMES[level.kind]}: {level.name}
      </Typography>
      {level.policies.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No SCP attached at this level.
        </Typography>
      ) : (
        level.policies.map(policy => (
          <PolicyAccordion key={policy.id} policy={policy} />
        ))
      )}
    </Box>
  );
}

function GuardrailSummary(props: { guardrails: AccountGuardrailsView }) {
  const { guardrails } = props;
  if (guardrails.managementAccountExempt) {
    return (
      <Typography variant="body2">
        No service control policy restricts this account: it is the management
        account.
      </Typography>
    );
  }
  if (guardrails.summary.length === 0) {
    return (
      <Typography variant="body2">
        No service control policy restricts this account.
      </Typography>
    );
  }
  return (
    <ul>
      {guardrails.summary.map(sentence => (
        <li key={sentence}>
          <Typography variant="body2">{sentence}</Typography>
        </li>
      ))}
    </ul>
  );
}

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
            <GuardrailSummary guardrails={guardrails} />
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
            />
          ))}
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * An account's effective SCPs by level, their plain-language summary and the
 * simulator.
 */
export function AccountGuardrails() {
  return (
    <AccountIdGate>
      {accountId => <Guardrails accountId={accountId} />}
    </AccountIdGate>
  );
}
