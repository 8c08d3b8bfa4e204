import {
  SimulationRequest,
  SimulationResult,
  simulationRequestSchema,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  InfoCard,
  StatusError,
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import {
  ApiErrorPanel,
  errorMessage,
  errorStatus,
} from '../common/ApiErrorPanel';

type Statement = SimulationResult['decisiveStatements'][number];

const columns: TableColumn<Statement>[] = [
  { title: 'Policy', field: 'policyName' },
  {
    title: 'Attached to',
    render: s =>
      `${s.level.kind === 'ou' ? 'OU' : s.level.kind}: ${s.level.name}`,
  },
  { title: 'Statement', render: s => s.sid ?? `#${s.statementIndex + 1}` },
  { title: 'Effect', field: 'effect' },
];

function Decision(props: { decision: SimulationResult['decision'] }) {
  switch (props.decision) {
    case 'allowed':
      return <StatusOK>Allowed</StatusOK>;
    case 'denied':
      return <StatusError>Denied</StatusError>;
    default:
      return <StatusWarning>Indeterminate</StatusWarning>;
  }
}

function SimulationOutcome(props: { result: SimulationResult }) {
  const { result } = props;
  return (
    <Box mt={2} data-testid="aws-simulation-result">
      <Typography
        variant="h6"
        data-testid={`aws-simulation-${result.decision}`}
      >
        <Decision decision={result.decision} />
      </Typography>
      <ul>
        {result.reasons.map(reason => (
          <li key={reason}>
            <Typography variant="body2">{reason}</Typography>
          </li>
        ))}
      </ul>
      {result.decisiveStatements.length > 0 && (
        <Table
          title="Decisive statements"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={columns}
          data={result.decisiveStatements}
        />
      )}
    </Box>
  );
}

type Field = 'action' | 'region' | 'resource' | 'context';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: Field[] = ['action', 'region', 'resource', 'context'];

/** The request's field errors under the backend's own schema. */
export function validate(request: SimulationRequest): FieldErrors {
  const parsed = simulationRequestSchema.safeParse(request);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      if (FIELDS.includes(field) && !errors[field]) {
        errors[field] = issue.message;
      }
    }
  }
  return errors;
}

/**
 * The field a backend 400 names ("Invalid simulation request: action: must
 * be ..."), with its message; undefined when it names none.
 */
export function fieldErrorOf(message: string): FieldErrors | undefined {
  const match = /(?:^|: )(action|region|resource|context)[.\w:-]*: (.+)$/.exec(
    message,
  );
  return match ? { [match[1]]: match[2] } : undefined;
}

/**
 * Asks the backend whether the account's SCPs allow an action, in a region,
 * on a resource.
 */
export function GuardrailSimulator(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const [action, setAction] = useState('');
  const [region, setRegion] = useState('');
  const [resource, setResource] = useState('');
  const [principalArn, setPrincipalArn] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const request: SimulationRequest = {
    accountId: props.accountId,
    action: action.trim(),
    ...(region.trim() ? { region: region.trim() } : {}),
    ...(resource.trim() ? { resource: resource.trim() } : {}),
    ...(principalArn.trim()
      ? { context: { 'aws:PrincipalArn': principalArn.trim() } }
      : {}),
  };
  const [state, simulate] = useAsyncFn(async () => {
    try {
      return await api.simulate(request);
    } catch (error) {
      // A 400 naming a field is said at the field, not in a panel.
      const onField =
        errorStatus(error) === 400 && fieldErrorOf(errorMessage(error));
      if (onField) {
        setFieldErrors(onField);
        return undefined;
      }
      throw error;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, JSON.stringify(request)]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The shared schema the backend validates with, so that a malformed
    // action is refused here, at its field, before any request.
    const errors = validate(request);
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) {
      simulate();
    }
  };
  const fieldProps = (field: Field) =>
    fieldErrors[field]
      ? { error: true, helperText: fieldErrors[field] }
      : { error: false };
  return (
    <InfoCard title="Would an SCP block it?">
      <form onSubmit={onSubmit} aria-label="Guardrail simulator">
        <Grid container spacing={2} alignItems="flex-end">
          <Grid item xs={12} md={4}>
            <TextField
              id="aws-simulator-action"
              label="Action"
              placeholder="s3:PutObject"
              required
              fullWidth
              value={action}
              onChange={e => setAction(e.target.value)}
              {...fieldProps('action')}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-region"
              label="Region"
              placeholder="eu-west-1"
              fullWidth
              value={region}
              onChange={e => setRegion(e.target.value)}
              {...fieldProps('region')}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-resource"
              label="Resource"
              placeholder="arn:aws:s3:::bucket/*"
              fullWidth
              value={resource}
              onChange={e => setResource(e.target.value)}
              {...fieldProps('resource')}
            />
          </Grid>
          <Grid item xs={12} md={10}>
            <TextField
              id="aws-simulator-principal"
              label="Principal ARN"
              placeholder="arn:aws:iam::123456789012:role/Developer"
              fullWidth
              value={principalArn}
              onChange={e => setPrincipalArn(e.target.value)}
              error={Boolean(fieldErrors.context)}
              helperText={
                fieldErrors.context ??
                'Optional: the role or user making the request (aws:PrincipalArn), for SCPs that exempt some principals'
              }
            />
          </Grid>
          <Grid item xs={12} md={2}>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={!action.trim() || state.loading}
            >
              Simulate
            </Button>
          </Grid>
        </Grid>
      </form>
      {state.error && (
        <Box mt={2}>
          <ApiErrorPanel error={state.error} subject="the simulation" />
        </Box>
      )}
      {state.value && !state.loading && (
        <SimulationOutcome result={state.value} />
      )}
    </InfoCard>
  );
}
