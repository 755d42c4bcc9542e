import type { FeedFormValues } from '@/features/gites/gite-form-schema';

export interface SavedFeed {
  id: string;
  platform: string;
  url: string;
}

export interface FeedChanges {
  /** Feeds the owner removed from the form. */
  removedIds: string[];
  /** Feeds whose platform or URL changed. */
  updated: FeedFormValues[];
  /** Feeds added in the form. */
  added: FeedFormValues[];
}

/** What must be written to turn the saved feeds into the form's feeds. Pure. */
export function feedChanges(
  saved: readonly SavedFeed[],
  next: readonly FeedFormValues[],
): FeedChanges {
  const savedById = new Map(saved.map((feed) => [feed.id, feed]));
  const nextIds = new Set(next.map((feed) => feed.id));
  const updated: FeedFormValues[] = [];
  const added: FeedFormValues[] = [];
  for (const feed of next) {
    const before = savedById.get(feed.id);
    if (before === undefined) added.push(feed);
    else if (before.platform !== feed.platform || before.url !== feed.url) updated.push(feed);
  }
  return {
    removedIds: saved.filter((feed) => !nextIds.has(feed.id)).map((feed) => feed.id),
    updated,
    added,
  };
}
