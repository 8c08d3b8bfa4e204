import { Knex } from 'knex';
import { CampaignStore } from './CampaignStore';
import { DecisionStore } from './DecisionStore';
import { ItemStore } from './ItemStore';
import { NotificationStore } from './NotificationStore';
import { RemediationStore } from './RemediationStore';

/** The access reviews' tables, on the plugin's knex client. */
export class ReviewStore {
  readonly campaigns: CampaignStore;
  readonly items: ItemStore;
  readonly decisions: DecisionStore;
  readonly remediations: RemediationStore;
  readonly notifications: NotificationStore;

  constructor(db: Knex) {
    this.campaigns = new CampaignStore(db);
    this.items = new ItemStore(db);
    this.decisions = new DecisionStore(db, this.items);
    this.remediations = new RemediationStore(db);
    this.notifications = new NotificationStore(db);
  }
}
