import {
  SimulationPrincipalType,
  SimulationRequest,
  simulationRequestSchema,
} from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useMemo, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import {
  ApiErrorPanel,
  errorMessage,
  errorStatus,
} from '../common/ApiErrorPanel';
import { SimulationOutcome } from './SimulationOutcome';

/** The optional two-sided fields of the form. */
interface Sides {
  principalAccountId: string;
  principalType: SimulationPrincipalType;
  servicePrincipal: string;
  principalOrgId: string;
  resourceAccountId: string;
  kmsKeyManager: '' | 'AWS' | 'CUSTOMER';
}

const NO_SIDES: Sides = {
  principalAccountId: '',
  principalType: 'iam',
  servicePrincipal: '',
  principalOrgId: '',
  resourceAccountId: '',
  kmsKeyManager: '',
};

/** The request fields of the sides the user filled in. */
function sidesOf(sides: Sides): Partial<SimulationRequest> {
  const out: Partial<SimulationRequest> = {};
  const text = (v: string) => v.trim();
  if (sides.principalType !== 'iam') out.principalType = sides.principalType;
  if (sides.principalType === 'service') {
    out.servicePrincipal = text(sides.servicePrincipal);
  } else if (text(sides.principalAccountId)) {
    out.principalAccountId = text(sides.principalAccountId);
  }
  const org = text(sides.principalOrgId);
  if (org) out.principalOrgId = org.toLowerCase() === 'none' ? null : org;
  if (text(sides.resourceAccountId)) {
    out.resourceAccountId = text(sides.resourceAccountId);
  }
  if (sides.kmsKeyManager) out.kmsKeyManager = sides.kmsKeyManager;
  return out;
}

/** The form's fields that a validation issue can point at. */
export type SimulatorField =
  | 'action'
  | 'region'
  | 'resource'
  | 'principalArn'
  | keyof Sides;

/** Validation messages by field, and those that name no field of the form. */
export interface SimulatorIssues {
  fields: Partial<Record<SimulatorField, string>>;
  form: string[];
}

const NO_ISSUES: SimulatorIssues = { fields: {}, form: [] };

const REQUEST_FIELDS: Record<string, SimulatorField> = {
  action: 'action',
  region: 'region',
  resource: 'resource',
  // The form sends the principal ARN as the aws:PrincipalArn context key.
  context: 'principalArn',
  principalAccountId: 'principalAccountId',
  principalType: 'principalType',
  servicePrincipal: 'servicePrincipal',
  principalOrgId: 'principalOrgId',
  resourceAccountId: 'resourceAccountId',
  kmsKeyManager: 'kmsKeyManager',
};

function addIssue(
  issues: SimulatorIssues,
  requestField: string | undefined,
  message: string,
): void {
  const field = requestField ? REQUEST_FIELDS[requestField] : undefined;
  if (field && !issues.fields[field]) {
    issues.fields[field] = message;
  } else if (!field) {
    issues.form.push(requestField ? `${requestField}: ${message}` : message);
  }
}

/**
 * Checks a request against the schema the backend validates it with
 * (`simulationRequestSchema`), so a malformed action or account id is
 * shown at its field before anything is sent.
 */
export function validateSimulationRequest(
  request: SimulationRequest,
): SimulatorIssues {
  const parsed = simulationRequestSchema.safeParse(request);
  if (parsed.success) return NO_ISSUES;
  const issues: SimulatorIssues = { fields: {}, form: [] };
  for (const issue of parsed.error.issues) {
    const head = issue.path[0];
    addIssue(
      issues,
      typeof head === 'string' ? head : undefined,
      issue.message,
    );
  }
  return issues;
}

/**
 * The issues of a 400 from `POST /simulate`, which says
 * `Invalid simulation request: action: must be ...; region: must be ...`:
 * each at the field it names, the rest (and any other 400) for the form.
 */
export function serverIssues(error: unknown): SimulatorIssues {
  if (!error || errorStatus(error) !== 400) return NO_ISSUES;
  const message = errorMessage(error);
  const prefix = /^Invalid simulation request: /;
  if (!prefix.test(message)) return { fields: {}, form: [message] };
  const issues: SimulatorIssues = { fields: {}, form: [] };
  for (const part of message.replace(prefix, '').split('; ')) {
    const named = /^([A-Za-z]+)(?:\.[^\s]*)?: ([\s\S]+)$/.exec(part);
    if (named && REQUEST_FIELDS[named[1]]) {
      addIssue(issues, named[1], named[2]);
    } else {
      issues.form.push(part);
    }
  }
  return issues;
}

/**
 * Asks the backend whether the organization's guardrails allow an action,
 * in a region, on a resource: the SCPs of the principal's account and the
 * RCPs of the resource's account, and which layer decided.
 */
export function GuardrailSimulator(props: { accountId: string }) {
  const api = useApi(awsOrganizationsApiRef);
  const [action, setAction] = useState('');
  const [region, setRegion] = useState('');
  const [resource, setResource] = useState('');
  const [principalArn, setPrincipalArn] = useState('');
  const [sides, setSides] = useState<Sides>(NO_SIDES);
  const request = (): SimulationRequest => ({
    accountId: props.accountId,
    action: action.trim(),
    ...(region.trim() ? { region: region.trim() } : {}),
    ...(resource.trim() ? { resource: resource.trim() } : {}),
    ...(principalArn.trim()
      ? { context: { 'aws:PrincipalArn': principalArn.trim() } }
      : {}),
    ...sidesOf(sides),
  });
  const [state, simulate] = useAsyncFn(
    (body: SimulationRequest) => api.simulate(body),
    [api],
  );
  // Client-side issues of the last submit, and the fields edited since.
  const [clientIssues, setClientIssues] = useState<SimulatorIssues>(NO_ISSUES);
  const [edited, setEdited] = useState<ReadonlySet<SimulatorField>>(new Set());
  const refused = useMemo(() => serverIssues(state.error), [state.error]);
  const clientRefused =
    Object.keys(clientIssues.fields).length > 0 || clientIssues.form.length > 0;
  const issueOf = (field: SimulatorField): string | undefined =>
    edited.has(field)
      ? undefined
      : clientIssues.fields[field] ?? refused.fields[field];
  const touch = (field: SimulatorField) => {
    if (!edited.has(field)) setEdited(new Set([...edited, field]));
  };
  const change =
    (field: SimulatorField, set: (value: string) => void) =>
    (e: { target: { value: string } }) => {
      touch(field);
      set(e.target.value);
    };
  const side = (key: keyof Sides) =>
    change(key, value => setSides({ ...sides, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!action.trim()) return;
    const body = request();
    const issues = validateSimulationRequest(body);
    setClientIssues(issues);
    setEdited(new Set());
    if (Object.keys(issues.fields).length === 0 && issues.form.length === 0) {
      simulate(body);
    }
  };
  const helper = (field: SimulatorField, otherwise?: string) => {
    const issue = issueOf(field);
    return { error: Boolean(issue), helperText: issue ?? otherwise };
  };
  // A 400 naming only fields of the form is shown there, not above it.
  const showError =
    state.error &&
    !(
      errorStatus(state.error) === 400 &&
      refused.form.length === 0 &&
      Object.keys(refused.fields).length > 0
    );
  const formIssues = [...clientIssues.form];
  return (
    <InfoCard title="Would an SCP or RCP block it?">
      {formIssues.length > 0 && (
        <Box mb={2} data-testid="aws-simulator-form-issues">
          <WarningPanel
            severity="warning"
            title={`The simulation request is invalid: ${formIssues.join(
              '; ',
            )}`}
          />
        </Box>
      )}
      {showError && state.error && (
        <Box mb={2}>
          <ApiErrorPanel error={state.error} subject="the simulation" />
        </Box>
      )}
      <form onSubmit={onSubmit} aria-label="Guardrail simulator" noValidate>
        <Grid container spacing={2} alignItems="flex-end">
          <Grid item xs={12} md={4}>
            <TextField
              id="aws-simulator-action"
              label="Action"
              placeholder="s3:PutObject"
              required
              fullWidth
              {...helper('action')}
              value={action}
              onChange={change('action', setAction)}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-region"
              label="Region"
              placeholder="eu-west-1"
              fullWidth
              {...helper('region')}
              value={region}
              onChange={change('region', setRegion)}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-resource"
              label="Resource"
              placeholder="arn:aws:s3:::bucket/*"
              fullWidth
              {...helper('resource')}
              value={resource}
              onChange={change('resource', setResource)}
            />
          </Grid>
          <Grid item xs={12} md={10}>
            <TextField
              id="aws-simulator-principal"
              label="Principal ARN"
              placeholder="arn:aws:iam::123456789012:role/Developer"
              fullWidth
              {...helper(
                'principalArn',
                'Optional: the role or user making the request (aws:PrincipalArn), for SCPs that exempt some principals',
              )}
              value={principalArn}
              onChange={change('principalArn', setPrincipalArn)}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-principal-type"
              select
              label="Principal kind"
              fullWidth
              {...helper('principalType')}
              value={sides.principalType}
              onChange={side('principalType')}
            >
              <MenuItem value="iam">IAM user or role</MenuItem>
              <MenuItem value="service-linked-role">
                Service-linked role
              </MenuItem>
              <MenuItem value="service">AWS service principal</MenuItem>
            </TextField>
          </Grid>
          <Grid item xs={12} md={3}>
            {sides.principalType === 'service' ? (
              <TextField
                id="aws-simulator-service-principal"
                label="Service principal"
                placeholder="cloudtrail.amazonaws.com"
                required
                fullWidth
                {...helper('servicePrincipal')}
                value={sides.servicePrincipal}
                onChange={side('servicePrincipal')}
              />
            ) : (
              <TextField
                id="aws-simulator-principal-account"
                label="Principal account"
                placeholder={props.accountId}
                fullWidth
                {...helper(
                  'principalAccountId',
                  'Optional: default this account; may be outside the organization',
                )}
                value={sides.principalAccountId}
                onChange={side('principalAccountId')}
              />
            )}
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-principal-org"
              label="Principal's organization"
              placeholder="o-a1b2c3d4e5 or none"
              fullWidth
              {...helper(
                'principalOrgId',
                'For a principal outside this organization',
              )}
              value={sides.principalOrgId}
              onChange={side('principalOrgId')}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-resource-account"
              label="Resource account"
              placeholder="from the ARN, else this account"
              fullWidth
              {...helper(
                'resourceAccountId',
                'Optional: whose RCPs apply; may be outside the organization',
              )}
              value={sides.resourceAccountId}
              onChange={side('resourceAccountId')}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-kms-key-manager"
              select
              label="KMS key"
              fullWidth
              {...helper('kmsKeyManager')}
              value={sides.kmsKeyManager}
              onChange={side('kmsKeyManager')}
            >
              <MenuItem value="">Not a KMS key, or unknown</MenuItem>
              <MenuItem value="CUSTOMER">Customer managed</MenuItem>
              <MenuItem value="AWS">AWS managed</MenuItem>
            </TextField>
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
      {/* An answer is shown only for the request on the form: not beside
          issues that kept the last submit from being sent. */}
      {state.value && !state.loading && !clientRefused && (
        <SimulationOutcome result={state.value} />
      )}
    </InfoCard>
  );
}
