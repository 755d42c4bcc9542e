import type { FeedFormValues } from '@/features/gites/gite-form-schema';
import { ApiError } from '@/lib/api-error';
import { supabase } from '@/lib/supabase';

/**
 * Changes a feed's platform and URL (the only feed columns an owner may update; a new
 * URL resets the feed's sync state in the database).
 */
export async function updateFeed(giteId: string, feed: FeedFormValues): Promise<void> {
  const { error, status } = await supabase
    .from('ical_feeds')
    .update({ platform: feed.platform, url: feed.url })
    .eq('id', feed.id)
    .eq('gite_id', giteId);
  if (error) throw new ApiError(error, status);
}
