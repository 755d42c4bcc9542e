import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LoadError } from '@/components/load-error';
import { policeFormsMessages as m } from '@/features/police-forms/messages';
import '@/features/police-forms/police-forms.css';

/**
 * A police-forms page while it has nothing to show: offline before the first answer, loading,
 * failed (with « Réessayer »), or what it asked for not found (`notFound`).
 */
export function PoliceFormsLoadState({
  query,
  notFound,
}: {
  query: UseQueryResult<unknown>;
  notFound: string;
}) {
  let content: ReactNode;
  if (query.isPending && query.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (query.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (query.isError) {
    content = (
      <LoadError message={m.loadError} error={query.error} onRetry={() => void query.refetch()} />
    );
  } else {
    content = <p className="page-state">{notFound}</p>;
  }
  return (
    <div className="page police-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      {content}
      <p>
        <Link to="/fiches-de-police">{m.backToList}</Link>
      </p>
    </div>
  );
}
