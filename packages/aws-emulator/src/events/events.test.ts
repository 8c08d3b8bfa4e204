import {
  AttachPolicyCommand,
  CreatePolicyCommand,
  UpdatePolicyCommand,
  CreateAccountCommand,
  ListAccountsCommand,
  ListTagsForResourceCommand,
  MoveAccountCommand,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import {
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  ProvisionPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import {
  CreateGroupMembershipCommand,
  DeleteGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-identitystore';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { sdkClients } from '../__testUtils__/clients';
import { DEMO_IDS } from '../datasets';
import { RunningEmulator, startEmulator } from '../emulator';
import { CloudTrailEventBridgeEvent } from './cloudTrail';

const MANAGEMENT = '481516234200';
const PAYMENTS_DEV = '724108355201';

describe('CloudTrail events of accepted writes', () => {
  let emulator: RunningEmulator;
  let clients: ReturnType<typeof sdkClients>;
  let sqs: SQSClient;

  beforeAll(async () => {
    emulator = await startEmulator({
      dataset: 'demo',
      events: { queueName: 'org-events', identityCenterRegion: 'eu-west-1' },
    });
    clients = sdkClients(emulator.url);
    sqs = new SQSClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    clients.destroy();
    sqs.destroy();
    await emulator.close();
  });

  /** Receives (and deletes) what the queue holds, waiting for `count` events. */
  async function drain(count: number): Promise<CloudTrailEventBridgeEvent[]> {
    const events: CloudTrailEventBridgeEvent[] = [];
    while (events.length < count) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: emulator.eventsQueueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 20,
        }),
      );
      if (Messages.length === 0) break;
      events.push(...Messages.map(m => JSON.parse(m.Body!)));
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: emulator.eventsQueueUrl,
          Entries: Messages.map(m => ({
            Id: m.MessageId!,
            ReceiptHandle: m.ReceiptHandle!,
          })),
        }),
      );
    }
    return events;
  }

  async function queued(): Promise<string> {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: emulator.eventsQueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    return Attributes!.ApproximateNumberOfMessages!;
  }

  it('serves the events queue at <url>/<management account>/<name>', () => {
    expect(emulator.eventsQueueUrl).toBe(
      `${emulator.url}/${MANAGEMENT}/org-events`,
    );
  });

  it('records an Organizations write as the EventBridge event of its CloudTrail record', async () => {
    await clients.organizations.send(
      new TagResourceCommand({
        ResourceId: PAYMENTS_DEV,
        Tags: [{ Key: 'owner', Value: 'checkout' }],
      }),
    );
    const [event] = await drain(1);
    expect(event).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'AWS API Call via CloudTrail',
      source: 'aws.organizations',
      account: MANAGEMENT,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      region: 'us-east-1',
      resources: [],
      detail: expect.objectContaining({
        eventVersion: '1.08',
        eventSource: 'organizations.amazonaws.com',
        eventName: 'TagResource',
        awsRegion: 'us-east-1',
        eventType: 'AwsApiCall',
        readOnly: false,
        managementEvent: true,
        recipientAccountId: MANAGEMENT,
        requestParameters: {
          resourceId: PAYMENTS_DEV,
          tags: [{ key: 'owner', value: 'checkout' }],
        },
        responseElements: null,
        eventID: expect.stringMatching(/^[0-9a-f-]{36}$/),
        userIdentity: expect.objectContaining({
          accountId: MANAGEMENT,
          accessKeyId: 'AKIDEXAMPLE',
        }),
      }),
    });
    expect(event.time).toBe(event.detail.eventTime);
  });

  it('records MoveAccount with its parents', async () => {
    await clients.organizations.send(
      new MoveAccountCommand({
        AccountId: PAYMENTS_DEV,
        SourceParentId: DEMO_IDS.ous.Dev,
        DestinationParentId: DEMO_IDS.ous.Sandbox,
      }),
    );
    const [event] = await drain(1);
    expect(event.detail).toMatchObject({
      eventName: 'MoveAccount',
      requestParameters: {
        accountId: PAYMENTS_DEV,
        sourceParentId: DEMO_IDS.ous.Dev,
        destinationParentId: DEMO_IDS.ous.Sandbox,
      },
    });
  });

  it('records CreateAccount as AWS does: the call IN_PROGRESS, then the CreateAccountResult service event', async () => {
    const { CreateAccountStatus } = await clients.organizations.send(
      new CreateAccountCommand({
        Email: 'new@acme.example',
        AccountName: 'new-account',
      }),
    );
    const [call, result] = await drain(2);
    expect(call['detail-type']).toBe('AWS API Call via CloudTrail');
    expect(call.detail).toMatchObject({
      eventName: 'CreateAccount',
      requestParameters: { email: '****', accountName: '****' },
      responseElements: {
        createAccountStatus: {
          id: CreateAccountStatus!.Id,
          state: 'IN_PROGRESS',
          requestedTimestamp: expect.stringMatching(
            /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d:\d\d [AP]M$/,
          ),
        },
      },
    });
    expect(result['detail-type']).toBe('AWS Service Event via CloudTrail');
    expect(result.detail).toMatchObject({
      eventName: 'CreateAccountResult',
      eventType: 'AwsServiceEvent',
      requestParameters: null,
      responseElements: null,
      serviceEventDetails: {
        createAccountStatus: {
          id: CreateAccountStatus!.Id,
          state: 'SUCCEEDED',
          accountName: '****',
          accountId: CreateAccountStatus!.AccountId,
        },
      },
    });
  });

  it('records Identity Center and Identity Store writes in the instance’s home region', async () => {
    const ic = emulator.state.identityCenter!;
    const readOnly = [...ic.permissionSets.values()].find(
      p => p.name === 'ReadOnly',
    )!;
    const group = [...ic.groups.values()].find(
      g => g.displayName === 'mobile',
    )!;
    const user = [...ic.users.values()][0];
    await clients.ssoAdmin.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: ic.instanceArn,
        PermissionSetArn: readOnly.arn,
        PrincipalType: 'GROUP',
        PrincipalId: group.id,
        TargetType: 'AWS_ACCOUNT',
        TargetId: PAYMENTS_DEV,
      }),
    );
    await clients.identityStore.send(
      new CreateGroupMembershipCommand({
        IdentityStoreId: ic.identityStoreId,
        GroupId: group.id,
        MemberId: { UserId: user.id },
      }),
    );
    const [assignment, membership] = await drain(2);
    expect(assignment).toMatchObject({
      source: 'aws.sso',
      region: 'eu-west-1',
      account: ic.ownerAccountId,
      detail: {
        eventSource: 'sso.amazonaws.com',
        eventName: 'CreateAccountAssignment',
        awsRegion: 'eu-west-1',
        requestParameters: {
          instanceArn: ic.instanceArn,
          permissionSetArn: readOnly.arn,
          principalType: 'GROUP',
          principalId: group.id,
          targetType: 'AWS_ACCOUNT',
          targetId: PAYMENTS_DEV,
        },
      },
    });
    expect(membership).toMatchObject({
      source: 'aws.identitystore',
      region: 'eu-west-1',
      detail: {
        eventSource: 'identitystore.amazonaws.com',
        eventName: 'CreateGroupMembership',
        requestParameters: {
          identityStoreId: ic.identityStoreId,
          groupId: group.id,
          memberId: { userId: user.id },
        },
        responseElements: {
          membershipId: expect.any(String),
          identityStoreId: ic.identityStoreId,
        },
      },
    });
  });

  it('records writes in the order they were accepted, each with its own eventID', async () => {
    const ic = emulator.state.identityCenter!;
    const developer = [...ic.permissionSets.values()].find(
      p => p.name === 'Developer',
    )!;
    const data = [...ic.groups.values()].find(g => g.displayName === 'data')!;
    const { Policy } = await clients.organizations.send(
      new CreatePolicyCommand({
        Name: 'DenyRegions',
        Description: 'test',
        Type: 'SERVICE_CONTROL_POLICY',
        Content:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:*","Resource":"*"}]}',
      }),
    );
    const policyId = Policy!.PolicySummary!.Id!;
    await clients.organizations.send(
      new UpdatePolicyCommand({ PolicyId: policyId, Name: 'DenyEc2' }),
    );
    await clients.organizations.send(
      new AttachPolicyCommand({ PolicyId: policyId, TargetId: PAYMENTS_DEV }),
    );
    await clients.ssoAdmin.send(
      new AttachManagedPolicyToPermissionSetCommand({
        InstanceArn: ic.instanceArn,
        PermissionSetArn: developer.arn,
        ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    );
    await clients.ssoAdmin.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: ic.instanceArn,
        PermissionSetArn: developer.arn,
        TargetType: 'ALL_PROVISIONED_ACCOUNTS',
      }),
    );
    await clients.identityStore.send(
      new UpdateGroupCommand({
        IdentityStoreId: ic.identityStoreId,
        GroupId: data.id,
        Operations: [{ AttributePath: 'description', AttributeValue: 'Data' }],
      }),
    );
    await clients.identityStore.send(
      new DeleteGroupCommand({
        IdentityStoreId: ic.identityStoreId,
        GroupId: data.id,
      }),
    );
    const events = await drain(7);
    expect(events.map(e => e.detail.eventName)).toEqual([
      'CreatePolicy',
      'UpdatePolicy',
      'AttachPolicy',
      'AttachManagedPolicyToPermissionSet',
      'ProvisionPermissionSet',
      'UpdateGroup',
      'DeleteGroup',
    ]);
    expect(new Set(events.map(e => e.detail.eventID)).size).toBe(7);
    expect(events[2].detail.requestParameters).toEqual({
      policyId,
      targetId: PAYMENTS_DEV,
    });
    expect(events[4].detail).toMatchObject({
      requestParameters: {
        permissionSetArn: developer.arn,
        targetType: 'ALL_PROVISIONED_ACCOUNTS',
      },
      responseElements: {
        permissionSetProvisioningStatus: { status: 'SUCCEEDED' },
      },
    });
  });

  it('records no reads, no refused writes and no throttled writes', async () => {
    await clients.organizations.send(new ListAccountsCommand({}));
    await expect(
      clients.organizations.send(
        new MoveAccountCommand({
          AccountId: PAYMENTS_DEV,
          SourceParentId: DEMO_IDS.ous.Prod,
          DestinationParentId: DEMO_IDS.ous.Dev,
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccountNotFoundException' });
    emulator.setFaults({
      serverErrorBurst: { service: 'organizations', count: 1 },
    });
    await expect(
      clients.organizations.send(
        new TagResourceCommand({
          ResourceId: PAYMENTS_DEV,
          Tags: [{ Key: 'k', Value: 'v' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ServiceException' });
    emulator.setFaults({});
    expect(await queued()).toBe('0');
  });

  it('records a write made through the admin endpoint, which changes the state as the API does', async () => {
    const response = await fetch(
      `${emulator.url}/_emulator/calls/organizations/TagResource`,
      {
        method: 'POST',
        body: JSON.stringify({
          ResourceId: PAYMENTS_DEV,
          Tags: [{ Key: 'cost-center', Value: '42' }],
        }),
      },
    );
    expect(response.status).toBe(200);
    const [event] = await drain(1);
    expect(event.detail).toMatchObject({
      eventName: 'TagResource',
      requestParameters: {
        resourceId: PAYMENTS_DEV,
        tags: [{ key: 'cost-center', value: '42' }],
      },
    });
    const { Tags } = await clients.organizations.send(
      new ListTagsForResourceCommand({ ResourceId: PAYMENTS_DEV }),
    );
    expect(Tags).toContainEqual({ Key: 'cost-center', Value: '42' });

    const refused = await fetch(
      `${emulator.url}/_emulator/calls/organizations/MoveAccount`,
      {
        method: 'POST',
        body: JSON.stringify({ AccountId: PAYMENTS_DEV }),
      },
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      __type: 'InvalidInputException',
    });
    expect(await queued()).toBe('0');
    const status = await fetch(`${emulator.url}/_emulator/events`);
    expect(await status.json()).toMatchObject({
      queueUrl: emulator.eventsQueueUrl,
      delivered: expect.any(Number),
      undelivered: 0,
    });
  });
});

describe('events delivered more than once', () => {
  it('puts each event on the queue `deliveries` times, as separate messages with one body', async () => {
    const emulator = await startEmulator({
      dataset: 'demo',
      events: { queueName: 'org-events', deliveries: 2 },
    });
    const sqs = new SQSClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    try {
      const response = await fetch(
        `${emulator.url}/_emulator/calls/organizations/TagResource`,
        {
          method: 'POST',
          body: JSON.stringify({
            ResourceId: PAYMENTS_DEV,
            Tags: [{ Key: 'owner', Value: 'payments' }],
          }),
        },
      );
      expect(response.status).toBe(200);
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: emulator.eventsQueueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
        }),
      );
      expect(Messages).toHaveLength(2);
      expect(Messages[0].MessageId).not.toBe(Messages[1].MessageId);
      expect(Messages[0].Body).toBe(Messages[1].Body);
      expect(JSON.parse(Messages[0].Body!).detail.eventName).toBe(
        'TagResource',
      );
      // One write, one event (counted once), two copies of it.
      const status = await fetch(`${emulator.url}/_emulator/events`);
      expect(await status.json()).toMatchObject({ delivered: 1 });
    } finally {
      sqs.destroy();
      await emulator.close();
    }
  });

  it('refuses a number of deliveries outside 1..10', async () => {
    await expect(
      startEmulator({
        dataset: 'demo',
        events: { queueName: 'org-events', deliveries: 0 },
      }),
    ).rejects.toThrow('events.deliveries must be a whole number from 1 to 10');
  });
});
