/** What `POST /sync` answers when the sync was accepted. @public */
export interface SyncTriggerResponse {
  status: 'accepted';
  requestedAt: string;
}

/** Starts a sync out of schedule on whichever replica the scheduler picks. */
export interface SyncTrigger {
  /**
   * Requests a sync. Rejects with ConflictError when one is running and
   * ServiceUnavailableError when syncing is disabled.
   */
  trigger(requestedBy?: string): Promise<SyncTriggerResponse>;
}
