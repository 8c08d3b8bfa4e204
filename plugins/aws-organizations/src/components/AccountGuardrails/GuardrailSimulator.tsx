import {
  SimulationPrincipalType,
  SimulationRequest,
} from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
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
  const side = (key: keyof Sides) => (e: { target: { value: string } }) =>
    setSides({ ...sides, [key]: e.target.value });
  const [state, simulate] = useAsyncFn(
    () =>
      api.simulate({
        accountId: props.accountId,
        action: action.trim(),
        ...(region.trim() ? { region: region.trim() } : {}),
        ...(resource.trim() ? { resource: resource.trim() } : {}),
        ...(principalArn.trim()
          ? { context: { 'aws:PrincipalArn': principalArn.trim() } }
          : {}),
        ...sidesOf(sides),
      }),
    [api, props.accountId, action, region, resource, principalArn, sides],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (action.trim()) {
      simulate();
    }
  };
  return (
    <InfoCard title="Would an SCP or RCP block it?">
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
            />
          </Grid>
          <Grid item xs={12} md={10}>
            <TextField
              id="aws-simulator-principal"
              label="Principal ARN"
              placeholder="arn:aws:iam::123456789012:role/Developer"
              helperText="Optional: the role or user making the request (aws:PrincipalArn), for SCPs that exempt some principals"
              fullWidth
              value={principalArn}
              onChange={e => setPrincipalArn(e.target.value)}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-principal-type"
              select
              label="Principal kind"
              fullWidth
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
                value={sides.servicePrincipal}
                onChange={side('servicePrincipal')}
              />
            ) : (
              <TextField
                id="aws-simulator-principal-account"
                label="Principal account"
                placeholder={props.accountId}
                helperText="Optional: default this account; may be outside the organization"
                fullWidth
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
              helperText="For a principal outside this organization"
              fullWidth
              value={sides.principalOrgId}
              onChange={side('principalOrgId')}
            />
          </Grid>
          <Grid item xs={12} md={3}>
            <TextField
              id="aws-simulator-resource-account"
              label="Resource account"
              placeholder="from the ARN, else this account"
              helperText="Optional: whose RCPs apply; may be outside the organization"
              fullWidth
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
