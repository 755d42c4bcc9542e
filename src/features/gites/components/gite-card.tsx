import type { CSSProperties } from 'react';
import type { GiteWithFeeds, IcalFeed } from '@/features/gites/api/get-gites';
import { gitesMessages as m } from '@/features/gites/messages';
import { formatDateTime } from '@/lib/i18n';
import { platformLabel } from '@/lib/platforms';

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function addressLine(gite: GiteWithFeeds): string {
  const town = [gite.code_postal, gite.ville].filter(Boolean).join(' ');
  return [gite.adresse, town].filter(Boolean).join(', ');
}

function FeedStatus({ feed }: { feed: IcalFeed }) {
  if (feed.last_error) {
    return (
      <span className="feed-status feed-status-error" title={feed.last_error}>
        {m.syncError}
      </span>
    );
  }
  return (
    <span className="feed-status">
      {feed.last_synced_at ? m.syncedAt(formatDateTime(feed.last_synced_at)) : m.neverSynced}
      {feed.is_active ? null : ` · ${m.feedInactive}`}
    </span>
  );
}

interface GiteCardProps {
  gite: GiteWithFeeds;
  onEdit: () => void;
  onDelete: () => void;
}

/** One gîte in the list, with its feeds. Every value is rendered as text. */
export function GiteCard({ gite, onEdit, onDelete }: GiteCardProps) {
  const titleId = `gite-${gite.id}-title`;
  const colour = gite.couleur && HEX_COLOUR.test(gite.couleur) ? gite.couleur : undefined;
  const address = addressLine(gite);
  return (
    <article
      className="card gite-card"
      aria-labelledby={titleId}
      style={colour ? ({ '--gite-colour': colour } as CSSProperties) : undefined}
    >
      <header className="gite-card-header">
        <span className="gite-swatch" aria-hidden="true" />
        <h2 id={titleId}>{gite.nom}</h2>
      </header>
      {address ? <p className="gite-meta">{address}</p> : null}
      <p className="gite-meta">
        {gite.capacite === null ? m.capacityUnknown : m.capacity(gite.capacite)}
      </p>
      <h3 className="feeds-title">{m.feedsTitle}</h3>
      {gite.ical_feeds.length === 0 ? (
        <p className="gite-meta">{m.noFeeds}</p>
      ) : (
        <ul className="feed-list">
          {gite.ical_feeds.map((feed) => (
            <li key={feed.id}>
              <span className="platform-badge" data-platform={feed.platform}>
                {platformLabel(feed.platform)}
              </span>
              <span className="feed-url" title={feed.url}>
                {feed.url}
              </span>
              <FeedStatus feed={feed} />
            </li>
          ))}
        </ul>
      )}
      <div className="card-actions">
        <button type="button" className="button button-secondary" onClick={onEdit}>
          {m.edit}
          <span className="visually-hidden"> « {gite.nom} »</span>
        </button>
        <button type="button" className="button button-danger-quiet" onClick={onDelete}>
          {m.delete}
          <span className="visually-hidden"> « {gite.nom} »</span>
        </button>
      </div>
    </article>
  );
}
