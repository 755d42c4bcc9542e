import { Link, NavLink } from 'react-router';
import './gite-page-tabs.css';

const labels = {
  back: '← Mes gîtes',
  nav: 'Pages du gîte',
  infos: 'Infos voyageurs',
  activites: 'Activités à proximité',
} as const;

/** Links between a gîte's pages (its guest information and its activities). */
export function GitePageTabs({ giteId }: { giteId: string }) {
  return (
    <nav className="gite-tabs" aria-label={labels.nav}>
      <ul>
        <li>
          <Link to="/gites">{labels.back}</Link>
        </li>
        <li>
          <NavLink to={`/gites/${giteId}/infos`}>{labels.infos}</NavLink>
        </li>
        <li>
          <NavLink to={`/gites/${giteId}/activites`}>{labels.activites}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
