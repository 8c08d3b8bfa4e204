import { LoggerService } from '@backstage/backend-plugin-api';
import { ReviewCampaign } from '@aws-governance/plugin-aws-organizations-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ReviewStore } from '../store/reviews/ReviewStore';
import { ReminderKind } from '../store/reviews/NotificationStore';

/** Sends a campaign's reminders that are due, each once. */
export interface ReviewReminders {
  send(campaign: ReviewCampaign): Promise<ReminderKind[]>;
}

/** The notification topic of every review reminder. */
export const REVIEW_NOTIFICATION_TOPIC = 'aws-organizations-access-review';

/** Where a reminder links to: the frontend's Reviews page of the campaign. */
export function campaignLink(campaignId: string): string {
  return `/aws-organizations/reviews/${encodeURIComponent(campaignId)}`;
}

/** Which reminders are due for a campaign at `now` (before the claims). */
export function dueReminders(
  campaign: ReviewCampaign,
  now: Date,
  reminderDays: number,
): ReminderKind[] {
  if (campaign.status !== 'active') return [];
  const due = new Date(campaign.dueAt).getTime();
  const started = new Date(campaign.startedAt).getTime();
  const soon = due - reminderDays * 86_400_000;
  const kinds: ReminderKind[] = ['started'];
  if (campaign.progress.pending === 0) return kinds;
  // A campaign shorter than the reminder window: the start notice already
  // names the due date.
  if (now.getTime() >= soon && now.getTime() < due && started < soon) {
    kinds.push('due-soon');
  }
  if (now.getTime() >= due) kinds.push('overdue');
  return kinds;
}

/**
 * Reminders through the Backstage notifications service: when a campaign
 * starts (to every team with items), `reminderDays` before it is due and
 * when it is overdue (to the teams with pending items). A reminder is
 * claimed in the database before it is sent, so with several replicas each
 * goes out once; a failed send gives the claim back for the next run.
 */
export function createReviewReminders(options: {
  store: ReviewStore;
  notifications: NotificationService;
  logger: LoggerService;
  reminderDays: number;
  now?: () => Date;
}): ReviewReminders {
  const { store, notifications, logger } = options;
  const now = options.now ?? (() => new Date());

  function message(campaign: ReviewCampaign, kind: ReminderKind) {
    const due = campaign.dueAt.slice(0, 10);
    switch (kind) {
      case 'started':
        return {
          title: `Access review started: ${campaign.name}`,
          description: `Review who may reach your AWS accounts: keep or revoke each grant by ${due}.`,
          severity: 'normal' as const,
        };
      case 'due-soon':
        return {
          title: `Access review due ${due}: ${campaign.name}`,
          description: `Your team has grants left to review in ${campaign.name}.`,
          severity: 'high' as const,
        };
      default:
        return {
          title: `Access review overdue: ${campaign.name}`,
          description: `${campaign.name} was due ${due}; your team has grants left to review.`,
          severity: 'critical' as const,
        };
    }
  }

  return {
    async send(campaign) {
      const sent: ReminderKind[] = [];
      for (const kind of dueReminders(campaign, now(), options.reminderDays)) {
        if (!(await store.notifications.claim(campaign.id, kind, now()))) {
          continue;
        }
        const teams = (await store.campaigns.progressByTeam([campaign.id]))
          .get(campaign.id)
          ?.filter(t => t.teamRef && (kind === 'started' || t.pending > 0))
          .map(t => t.teamRef!);
        if (!teams?.length) {
          sent.push(kind);
          continue;
        }
        try {
          await notifications.send({
            recipients: { type: 'entity', entityRef: teams },
            payload: {
              ...message(campaign, kind),
              link: campaignLink(campaign.id),
              topic: REVIEW_NOTIFICATION_TOPIC,
              scope: `aws-organizations-review-${campaign.id}-${kind}`,
            },
          });
          sent.push(kind);
          logger.info('Sent an access review reminder', {
            campaignId: campaign.id,
            kind,
            teams: teams.length,
          });
        } catch (error) {
          await store.notifications.release(campaign.id, kind);
          logger.warn(
            'Could not send an access review reminder; retrying on the next run',
            {
              campaignId: campaign.id,
              kind,
              error: (error as Error).message,
            },
          );
        }
      }
      return sent;
    },
  };
}
