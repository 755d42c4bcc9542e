import { ApiError } from '@/lib/api-error';
import { supabase } from '@/lib/supabase';

/** Removes feeds of one gîte; deleting an already deleted feed is not an error. */
export async function deleteFeeds(giteId: string, feedIds: readonly string[]): Promise<void> {
  if (feedIds.length === 0) return;
  const { error, status } = await supabase
    .from('ical_feeds')
    .delete()
    .eq('gite_id', giteId)
    .in('id', [...feedIds]);
  if (error) throw new ApiError(error, status);
}
