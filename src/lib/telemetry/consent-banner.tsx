import { useId } from 'react';
import type { ConsentChoice } from './consent';
import './consent-banner.css';

export const consentMessages = {
  title: 'Mesures de performance et rapports d’erreurs',
  text: 'Avec votre accord, LiveOwnerUnit envoie la vitesse d’affichage de ses pages et les erreurs rencontrées, pour les corriger. Aucun cookie, aucune publicité, rien sur vos réservations ni vos voyageurs. Votre choix est gardé sur cet appareil ; vous pourrez le changer à tout moment en bas des pages de l’application.',
  accept: 'Accepter',
  refuse: 'Refuser',
} as const;

/**
 * The consent banner: two buttons of equal weight (refusing is as easy as accepting), no
 * pre-ticked choice, nothing sent until one is pressed. Not modal: the app stays usable.
 */
export function ConsentBanner({ onChoice }: { onChoice: (choice: ConsentChoice) => void }) {
  const titleId = useId();
  // A labelled region, not a dialog: it takes no focus from a form being filled.
  return (
    <section className="consent-banner" aria-labelledby={titleId}>
      <h2 id={titleId} className="consent-banner-title">
        {consentMessages.title}
      </h2>
      <p className="consent-banner-text">{consentMessages.text}</p>
      <div className="consent-banner-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onChoice('refused')}
        >
          {consentMessages.refuse}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onChoice('accepted')}
        >
          {consentMessages.accept}
        </button>
      </div>
    </section>
  );
}
