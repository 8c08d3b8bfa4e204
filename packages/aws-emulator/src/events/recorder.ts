import { EmulatedService } from '../protocol/errors';
import { CallOrigin } from '../protocol/server';
import { QueueStore } from '../services/sqs/queues';
import { EmulatorState } from '../state/types';
import {
  apiCallEvent,
  CloudTrailEventBridgeEvent,
  CLOUDTRAIL_SOURCES,
  isReadOnly,
  RecordContext,
  serviceEvent,
} from './cloudTrail';

/** Where the emulator delivers the CloudTrail events of the writes it accepts. @public */
export interface EventsOptions {
  /**
   * The queue (created at start, in the management account) that receives
   * every event, as an EventBridge rule with an SQS target would: the
   * message body is the EventBridge event JSON.
   */
  queueName: string;
  /**
   * The home region of IAM Identity Center, where its and the Identity
   * Store's events are recorded; default `us-east-1`. Organizations events
   * are always recorded in us-east-1, as AWS does.
   */
  identityCenterRegion?: string;
  /**
   * Copies of each event put on the queue; default 1. EventBridge delivers
   * an event to its targets at least once and a standard SQS queue may
   * hand out a message more than once, so a consumer must tolerate
   * duplicates: 2 makes every event arrive twice, as separate messages.
   */
  deliveries?: number;
}

/** Organizations records its events in us-east-1 (its CloudTrail page). */
const ORGANIZATIONS_REGION = 'us-east-1';

/**
 * Records the writes the emulator accepts as CloudTrail events and
 * delivers them, as EventBridge events, to the configured queue.
 *
 * @public
 */
export class EventRecorder {
  readonly #state: EmulatorState;
  readonly #queues: QueueStore;
  readonly #options: EventsOptions;
  #delivered = 0;
  #undelivered = 0;

  constructor(
    state: EmulatorState,
    queues: QueueStore,
    options: EventsOptions,
  ) {
    this.#state = state;
    this.#queues = queues;
    this.#options = options;
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(options.queueName)) {
      throw new Error(
        `events.queueName must be 1 to 80 letters, digits, hyphens or underscores: ${options.queueName}`,
      );
    }
    const deliveries = options.deliveries ?? 1;
    if (!Number.isInteger(deliveries) || deliveries < 1 || deliveries > 10) {
      throw new Error(
        `events.deliveries must be a whole number from 1 to 10: ${options.deliveries}`,
      );
    }
    queues.create(this.#managementAccountId(), options.queueName, {
      VisibilityTimeout: 30,
      DelaySeconds: 0,
      ReceiveMessageWaitTimeSeconds: 0,
      MessageRetentionPeriod: 345_600,
      MaximumMessageSize: 1_048_576,
    });
  }

  /** The queue's URL path: `<management account id>/<queueName>`. */
  get queuePath(): string {
    return `${this.#managementAccountId()}/${this.#options.queueName}`;
  }

  /** How many events were delivered since start, and lost (no queue). */
  get counts(): { delivered: number; undelivered: number } {
    return { delivered: this.#delivered, undelivered: this.#undelivered };
  }

  /**
   * Records a successful call if CloudTrail records it: a write of a
   * service in {@link CLOUDTRAIL_SOURCES}. CreateAccount and CloseAccount
   * also record their completion (CreateAccountResult, CloseAccountResult),
   * as AWS does for these asynchronous requests.
   */
  record(
    service: EmulatedService,
    operation: string,
    request: Record<string, unknown>,
    response: unknown,
    origin?: CallOrigin,
  ) {
    if (!CLOUDTRAIL_SOURCES[service] || isReadOnly(operation)) return;
    const context = this.#context(service, origin);
    if (operation === 'CreateAccount') {
      this.#createAccount(request, response, context);
      return;
    }
    this.#deliver(apiCallEvent(service, operation, request, response, context));
    if (operation === 'CloseAccount') {
      const seconds = context.now.getTime() / 1000;
      this.#deliver(
        serviceEvent(
          service,
          'CloseAccountResult',
          {
            CloseAccountStatus: {
              AccountId: request.AccountId,
              State: 'SUCCEEDED',
              RequestedTimestamp: seconds,
              CompletedTimestamp: seconds,
            },
          },
          context,
        ),
      );
    }
  }

  /**
   * AWS answers CreateAccount with an IN_PROGRESS status and records the
   * outcome later as the service event CreateAccountResult; the emulator
   * completes at once, so it records both at once.
   */
  #createAccount(
    request: Record<string, unknown>,
    response: unknown,
    context: RecordContext,
  ) {
    const status = (
      response as { CreateAccountStatus: Record<string, unknown> }
    ).CreateAccountStatus;
    const { Id, AccountName, RequestedTimestamp } = status;
    this.#deliver(
      apiCallEvent(
        'organizations',
        'CreateAccount',
        request,
        {
          CreateAccountStatus: {
            Id,
            AccountName,
            State: 'IN_PROGRESS',
            RequestedTimestamp,
          },
        },
        context,
      ),
    );
    const result = serviceEvent(
      'organizations',
      'CreateAccountResult',
      { CreateAccountStatus: status },
      context,
    );
    const details = result.detail.serviceEventDetails as {
      createAccountStatus: Record<string, unknown>;
    };
    details.createAccountStatus.accountName = '****';
    this.#deliver(result);
  }

  #context(service: EmulatedService, origin?: CallOrigin): RecordContext {
    const management = this.#managementAccountId();
    if (service === 'organizations') {
      return {
        accountId: management,
        region: ORGANIZATIONS_REGION,
        origin,
        now: new Date(),
      };
    }
    return {
      accountId: this.#state.identityCenter?.ownerAccountId ?? management,
      region: this.#options.identityCenterRegion ?? 'us-east-1',
      origin,
      now: new Date(),
    };
  }

  #managementAccountId(): string {
    return this.#state.organization?.managementAccountId ?? '000000000000';
  }

  /** Sends the event to the queue; like EventBridge, drops it if the queue is gone. */
  #deliver(event: CloudTrailEventBridgeEvent) {
    const queue = this.#queues
      .list()
      .find(
        q =>
          q.accountId === this.#managementAccountId() &&
          q.name === this.#options.queueName,
      );
    if (!queue) {
      this.#undelivered++;
      return;
    }
    const body = JSON.stringify(event);
    for (let i = 0; i < (this.#options.deliveries ?? 1); i++) {
      this.#queues.send(queue, body, { senderId: 'AIDAEVENTBRIDGEEMULATOR' });
    }
    this.#delivered++;
  }
}
