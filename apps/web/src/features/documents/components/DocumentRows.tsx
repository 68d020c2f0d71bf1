import type { DocumentSummary } from '@xieshang/protocol';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/ui/format';
import { useDocumentsT } from '../i18n/documents-i18n';
import { DocumentKindTag, DocumentLockedTag } from './DocumentTags';

/** Documents as a list of links (the whole row is the link's target area). */
export function DocumentRows({ documents }: { documents: DocumentSummary[] }) {
  const t = useDocumentsT();
  return (
    <ul className="xs-document-rows">
      {documents.map((d) => (
        <li key={d.id} className="xs-document-row" data-testid="document-row">
          <div className="xs-document-row-title">
            <Link to={`/documents/${d.id}`} className="xs-stretched-link" data-testid="document-link">
              {d.title}
            </Link>
          </div>
          <div className="xs-document-row-meta">
            <DocumentKindTag kind={d.kind} />
            {d.locked && <DocumentLockedTag />}
            <span>
              {t('list.owner')}：{d.owner.displayName}
            </span>
            <span>{t('list.updatedAt', { time: formatDateTime(d.updatedAt) })}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
