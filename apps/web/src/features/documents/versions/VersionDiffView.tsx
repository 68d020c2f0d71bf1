import type { VersionDiff } from '@xieshang/protocol';
import { useDocumentsT } from '../i18n/documents-i18n';

/**
 * A comparison as the server computed it (block by block, then word by word inside a changed
 * block): insertions underlined in green, deletions struck through in red — the way 修改稿 are
 * marked on paper, and readable without colour.
 */
export function VersionDiffView({ diff }: { diff: VersionDiff }) {
  const t = useDocumentsT();
  const changed = diff.blocks.some((b) => b.op !== 'equal');
  return (
    <div className="xs-diff" data-testid="version-diff">
      <p className="xs-diff-stats">
        {t('versions.stats', diff.stats)}
        <span className="xs-diff-legend">
          <ins>{t('versions.legendInsert')}</ins>
          <del>{t('versions.legendDelete')}</del>
        </span>
      </p>
      {!changed && <p className="xs-muted">{t('versions.noChanges')}</p>}
      <div className="xs-diff-body">
        {diff.blocks.map((block, i) => (
          <p key={i} className={`xs-diff-block xs-diff-${block.op}`}>
            {block.segments.map((s, j) =>
              s.op === 'insert' ? (
                <ins key={j}>{s.text}</ins>
              ) : s.op === 'delete' ? (
                <del key={j}>{s.text}</del>
              ) : (
                <span key={j}>{s.text}</span>
              ),
            )}
            {block.segments.every((s) => !s.text) && '\u00a0'}
          </p>
        ))}
      </div>
    </div>
  );
}
