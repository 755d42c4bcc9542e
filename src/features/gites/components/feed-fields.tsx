import { useEffect, useState } from 'react';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import {
  type FeedDraft,
  type GiteFormErrors,
  MAX_FEEDS_PER_GITE,
  newFeedDraft,
} from '@/features/gites/gite-form-schema';
import { gitesMessages as m } from '@/features/gites/messages';
import { platformOptions } from '@/lib/platforms';

interface FeedFieldsProps {
  idPrefix: string;
  feeds: FeedDraft[];
  errors: GiteFormErrors['feeds'];
  listError: string | undefined;
  onChange: (feeds: FeedDraft[]) => void;
}

/** The editable list of a gîte's iCal feeds: platform + URL, add and remove. */
export function FeedFields({ idPrefix, feeds, errors, listError, onChange }: FeedFieldsProps) {
  const [addedId, setAddedId] = useState<string | null>(null);

  useEffect(() => {
    if (addedId) document.getElementById(`${idPrefix}-feed-${addedId}-url`)?.focus();
  }, [addedId, idPrefix]);

  function updateFeed(id: string, patch: Partial<FeedDraft>) {
    onChange(feeds.map((feed) => (feed.id === id ? { ...feed, ...patch } : feed)));
  }

  function addFeed() {
    const feed = newFeedDraft();
    onChange([...feeds, feed]);
    setAddedId(feed.id);
  }

  const helpId = `${idPrefix}-feeds-help`;
  const listErrorId = `${idPrefix}-feeds-error`;

  return (
    <fieldset
      className="feeds-fieldset"
      aria-describedby={listError ? `${helpId} ${listErrorId}` : helpId}
    >
      <legend>{m.feedsLegend}</legend>
      <p id={helpId} className="field-hint">
        {m.feedsHelp}
      </p>
      {feeds.length > 0 ? (
        <ol className="feed-rows">
          {feeds.map((feed, index) => {
            const n = index + 1;
            const feedErrors = errors[feed.id] ?? {};
            return (
              <li key={feed.id} className="feed-row">
                <SelectField
                  id={`${idPrefix}-feed-${feed.id}-platform`}
                  className="feed-platform"
                  label={
                    <>
                      {m.feedPlatformLabel}
                      <span className="visually-hidden">{m.feedNumber(n)}</span>
                    </>
                  }
                  value={feed.platform}
                  options={platformOptions}
                  error={feedErrors.platform}
                  onChange={(event) => updateFeed(feed.id, { platform: event.target.value })}
                />
                <TextField
                  id={`${idPrefix}-feed-${feed.id}-url`}
                  className="feed-url-field"
                  label={
                    <>
                      {m.feedUrlLabel}
                      <span className="visually-hidden">{m.feedNumber(n)}</span>
                    </>
                  }
                  type="url"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="https://…"
                  value={feed.url}
                  error={feedErrors.url}
                  onChange={(event) => updateFeed(feed.id, { url: event.target.value })}
                />
                <button
                  type="button"
                  className="button button-quiet feed-remove"
                  aria-label={m.removeFeedLabel(n)}
                  onClick={() => onChange(feeds.filter((other) => other.id !== feed.id))}
                >
                  {m.removeFeed}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {listError ? (
        <p id={listErrorId} className="field-error">
          {listError}
        </p>
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        onClick={addFeed}
        disabled={feeds.length >= MAX_FEEDS_PER_GITE}
      >
        + {m.addFeed}
      </button>
    </fieldset>
  );
}
