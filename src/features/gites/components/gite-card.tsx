import { type CSSProperties, useId, useState } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import type { GiteWithFeeds, IcalFeed } from '@/features/gites/api/get-gites';
import { type SyncGiteNowResult, useSyncGiteNow } from '@/features/gites/api/sync-gite-now';
import { ExportLinkPanel } from '@/features/gites/components/export-link-panel';
import { SyncHistoryDialog } from '@/features/gites/components/sync-history-dialog';
import { feedSyncLines } from '@/features/gites/feed-sync-status';
import { gitesMessages as m } from '@/features/gites/messages';
import { syncSummaryMessage } from '@/features/gites/sync-run';
import { describeError } from '@/lib/i18n';
import { platformLabel } from '@/lib/platforms';
import { OFFLINE_REASON_ID, useWriteAccess } from '@/lib/pwa/write-access';

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function addressLine(gite: GiteWithFeeds): string {
  const town = [gite.code_postal, gite.ville].filter(Boolean).join(' ');
  return [gite.adresse, town].filter(Boolean).join(', ');
}

/** The feed's last sync and, when it is late, for how long: text only. */
function FeedStatus({ feed, now }: { feed: IcalFeed; now: number }) {
  return (
    <span className="feed-status">
      {feedSyncLines(feed, now).map((line) => (
        <span key={line.tone} className={`feed-sync feed-sync-${line.tone}`}>
          {line.text}
        </span>
      ))}
    </span>
  );
}

function resultMessage(result: SyncGiteNowResult | undefined): string | null {
  if (!result) return null;
  if (result.kind === 'done') return syncSummaryMessage(result.summary);
  if (result.kind === 'timeout') return m.syncTimeout;
  return m.syncNoActiveFeed;
}

/** "Synchroniser maintenant" (the gîte's active feeds), its outcome, and the history. */
function SyncControls({ gite }: { gite: GiteWithFeeds }) {
  const reasonId = useId();
  const syncNow = useSyncGiteNow();
  const write = useWriteAccess();
  const [historyOpen, setHistoryOpen] = useState(false);
  const activeFeedIds = gite.ical_feeds.filter((feed) => feed.is_active).map((feed) => feed.id);
  const noActiveFeed = activeFeedIds.length === 0;

  return (
    <div className="sync-controls">
      <div className="sync-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={noActiveFeed || write.blocked}
          // While it runs the button keeps the focus (aria-disabled, not disabled).
          aria-disabled={syncNow.isPending || undefined}
          title={write.reasonProps.title}
          aria-describedby={
            [noActiveFeed ? reasonId : null, write.blocked ? OFFLINE_REASON_ID : null]
              .filter(Boolean)
              .join(' ') || undefined
          }
          onClick={() => {
            if (!syncNow.isPending) syncNow.mutate({ giteId: gite.id, feedIds: activeFeedIds });
          }}
        >
          {syncNow.isPending ? m.syncing : m.syncNow}
          <span className="visually-hidden"> « {gite.nom} »</span>
        </button>
        {gite.ical_feeds.length > 0 ? (
          <button
            type="button"
            className="button button-quiet"
            aria-haspopup="dialog"
            onClick={() => setHistoryOpen(true)}
          >
            {m.history}
            <span className="visually-hidden"> « {gite.nom} »</span>
          </button>
        ) : null}
      </div>
      {noActiveFeed ? (
        <p id={reasonId} className="gite-meta sync-reason">
          {m.syncNoActiveFeed}
        </p>
      ) : null}
      <p className="notice sync-notice" role="status">
        {resultMessage(syncNow.data)}
      </p>
      {syncNow.isError ? (
        <FormAlert>
          {m.syncRequestFailed} {describeError(syncNow.error)}
        </FormAlert>
      ) : null}
      {historyOpen ? <SyncHistoryDialog gite={gite} onClose={() => setHistoryOpen(false)} /> : null}
    </div>
  );
}

interface GiteCardProps {
  gite: GiteWithFeeds;
  /** The current time (refreshed by the page), for "il y a 3 min". */
  now: number;
  onEdit: () => void;
  onDelete: () => void;
}

/** One gîte in the list, with its feeds and their sync. Every value is rendered as text. */
export function GiteCard({ gite, now, onEdit, onDelete }: GiteCardProps) {
  const write = useWriteAccess();
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
              <FeedStatus feed={feed} now={now} />
            </li>
          ))}
        </ul>
      )}
      <SyncControls gite={gite} />
      <ExportLinkPanel giteId={gite.id} giteName={gite.nom} />
      {/* The gîte's pages for its guests (features gite-info and activities). */}
      <div className="card-actions">
        <Link className="button button-quiet" to={`/gites/${gite.id}/infos`}>
          Infos voyageurs
          <span className="visually-hidden"> « {gite.nom} »</span>
        </Link>
        <Link className="button button-quiet" to={`/gites/${gite.id}/activites`}>
          Activités à proximité
          <span className="visually-hidden"> « {gite.nom} »</span>
        </Link>
      </div>
      <div className="card-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={onEdit}
        >
          {m.edit}
          <span className="visually-hidden"> « {gite.nom} »</span>
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={onDelete}
        >
          {m.delete}
          <span className="visually-hidden"> « {gite.nom} »</span>
        </button>
      </div>
    </article>
  );
}
