import {
  SimulationPrincipalType,
  SimulationRequest,
  simulationRequestSchema,
} from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid, { GridSize } from '@material-ui/core/Grid';
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

/** What the user typed in each field of the form. */
interface FormValues {
  action: string;
  region: string;
  resource: string;
  principalArn: string;
  principalAccountId: string;
  principalType: SimulationPrincipalType;
  servicePrincipal: string;
  principalOrgId: string;
  resourceAccountId: string;
  kmsKeyManager: '' | 'AWS' | 'CUSTOMER';
}

const EMPTY_FORM: FormValues = {
  action: '',
  region: '',
  resource: '',
  principalArn: '',
  principalAccountId: '',
  principalType: 'iam',
  servicePrincipal: '',
  principalOrgId: '',
  resourceAccountId: '',
  kmsKeyManager: '',
};

/** The request of the form: only the fields the user filled in. */
function requestOf(accountId: string, form: FormValues): SimulationRequest {
  const text = (v: string) => v.trim();
  const out: SimulationRequest = { accountId, action: text(form.action) };
  if (text(form.region)) out.region = text(form.region);
  if (text(form.resource)) out.resource = text(form.resource);
  if (text(form.principalArn)) {
    out.context = { 'aws:PrincipalArn': text(form.principalArn) };
  }
  if (form.principalType !== 'iam') out.principalType = form.principalType;
  if (form.principalType === 'service') {
    out.servicePrincipal = text(form.servicePrincipal);
  } else if (text(form.principalAccountId)) {
    out.principalAccountId = text(form.principalAccountId);
  }
  const org = text(form.principalOrgId);
  if (org) out.principalOrgId = org.toLowerCase() === 'none' ? null : org;
  if (text(form.resourceAccountId)) {
    out.resourceAccountId = text(form.resourceAccountId);
  }
  if (form.kmsKeyManager) out.kmsKeyManager = form.kmsKeyManager;
  return out;
}

/** One input of the form: where it sits, what it says, its choices. */
interface FieldSpec {
  field: SimulatorField;
  label: string;
  placeholder?: string;
  /** Shown under the input while it has no issue. */
  hint?: string;
  required?: boolean;
  /** Grid columns from the md breakpoint up. */
  md: GridSize;
  /** For a select: its values and their labels. */
  options?: [value: string, label: string][];
}

const FIELD_IDS: Record<SimulatorField, string> = {
  action: 'aws-simulator-action',
  region: 'aws-simulator-region',
  resource: 'aws-simulator-resource',
  principalArn: 'aws-simulator-principal',
  principalType: 'aws-simulator-principal-type',
  servicePrincipal: 'aws-simulator-service-principal',
  principalAccountId: 'aws-simulator-principal-account',
  principalOrgId: 'aws-simulator-principal-org',
  resourceAccountId: 'aws-simulator-resource-account',
  kmsKeyManager: 'aws-simulator-kms-key-manager',
};

/** The inputs of the form in their order (the account ones depend on the principal kind). */
function formFields(form: FormValues, accountId: string): FieldSpec[] {
  return [
    {
      field: 'action',
      label: 'Action',
      placeholder: 's3:PutObject',
      required: true,
      md: 4,
    },
    { field: 'region', label: 'Region', placeholder: 'eu-west-1', md: 3 },
    {
      field: 'resource',
      label: 'Resource',
      placeholder: 'arn:aws:s3:::bucket/*',
      md: 3,
    },
    {
      field: 'principalArn',
      label: 'Principal ARN',
      placeholder: 'arn:aws:iam::123456789012:role/Developer',
      hint: 'Optional: the role or user making the request (aws:PrincipalArn), for SCPs that exempt some principals',
      md: 10,
    },
    {
      field: 'principalType',
      label: 'Principal kind',
      md: 3,
      options: [
        ['iam', 'IAM user or role'],
        ['service-linked-role', 'Service-linked role'],
        ['service', 'AWS service principal'],
      ],
    },
    form.principalType === 'service'
      ? {
          field: 'servicePrincipal',
          label: 'Service principal',
          placeholder: 'cloudtrail.amazonaws.com',
          required: true,
          md: 3,
        }
      : {
          field: 'principalAccountId',
          label: 'Principal account',
          placeholder: accountId,
          hint: 'Optional: default this account; may be outside the organization',
          md: 3,
        },
    {
      field: 'principalOrgId',
      label: "Principal's organization",
      placeholder: 'o-a1b2c3d4e5 or none',
      hint: 'For a principal outside this organization',
      md: 3,
    },
    {
      field: 'resourceAccountId',
      label: 'Resource account',
      placeholder: 'from the ARN, else this account',
      hint: 'Optional: whose RCPs apply; may be outside the organization',
      md: 3,
    },
    {
      field: 'kmsKeyManager',
      label: 'KMS key',
      md: 3,
      options: [
        ['', 'Not a KMS key, or unknown'],
        ['CUSTOMER', 'Customer managed'],
        ['AWS', 'AWS managed'],
      ],
    },
  ];
}

/** One input of the form in its grid cell, with its issue or its hint. */
function SimulatorInput(props: {
  spec: FieldSpec;
  value: string;
  issue?: string;
  onChange: (value: string) => void;
}) {
  const { spec, issue } = props;
  return (
    <Grid item xs={12} md={spec.md}>
      <TextField
        id={FIELD_IDS[spec.field]}
        label={spec.label}
        placeholder={spec.placeholder}
        required={spec.required}
        select={Boolean(spec.options)}
        fullWidth
        error={Boolean(issue)}
        helperText={issue ?? spec.hint}
        value={props.value}
        onChange={e => props.onChange(e.target.value)}
      >
        {spec.options?.map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
  );
}

/** The form's fields that a validation issue can point at. */
export type SimulatorField = keyof FormValues;

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
  const [form, setForm] = useState<FormValues>(EMPTY_FORM);
  const action = form.action;
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
  const change = (field: SimulatorField) => (value: string) => {
    touch(field);
    setForm({ ...form, [field]: value });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!action.trim()) return;
    const body = requestOf(props.accountId, form);
    const issues = validateSimulationRequest(body);
    setClientIssues(issues);
    setEdited(new Set());
    if (Object.keys(issues.fields).length === 0 && issues.form.length === 0) {
      simulate(body);
    }
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
          {formFields(form, props.accountId).map(spec => (
            <SimulatorInput
              key={spec.field}
              spec={spec}
              value={form[spec.field]}
              issue={issueOf(spec.field)}
              onChange={change(spec.field)}
            />
          ))}
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
