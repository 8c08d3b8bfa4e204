import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ChangeLogStore } from './ChangeLogStore';
import { EventClaimStore } from './EventClaimStore';
import { FindingCountsStore } from './FindingCountsStore';
import { openDatabase } from './migrations';
import { SnapshotStore } from './SnapshotStore';
import { SyncRequestStore } from './SyncRequestStore';
import { SyncRunStore } from './SyncRunStore';
import { ReviewStore } from './reviews/ReviewStore';

/** The plugin's store: one object per table, on one knex client. */
export class AwsOrganizationsStore {
  readonly db: Knex;
  readonly runs: SyncRunStore;
  readonly snapshots: SnapshotStore;
  readonly changes: ChangeLogStore;
  readonly requests: SyncRequestStore;
  readonly events: EventClaimStore;
  readonly reviews: ReviewStore;
  readonly findingCounts: FindingCountsStore;

  static async create(
    database: DatabaseService,
  ): Promise<AwsOrganizationsStore> {
    return new AwsOrganizationsStore(await openDatabase(database));
  }

  constructor(db: Knex) {
    this.db = db;
    this.runs = new SyncRunStore(db);
    this.snapshots = new SnapshotStore(db);
    this.changes = new ChangeLogStore(db);
    this.requests = new SyncRequestStore(db);
    this.events = new EventClaimStore(db);
    this.reviews = new ReviewStore(db);
    this.findingCounts = new FindingCountsStore(db);
  }
}
