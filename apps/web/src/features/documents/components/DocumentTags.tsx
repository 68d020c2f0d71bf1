import { LockOutlined } from '@ant-design/icons';
import type { DocumentKind } from '@xieshang/protocol';
import { Tag } from 'antd';
import { useDocumentsT } from '../i18n/documents-i18n';

const KIND_COLORS: Record<DocumentKind, string> = {
  proposal: 'red',
  report: 'blue',
  minutes: 'purple',
  note: 'default',
};

export function DocumentKindTag({ kind }: { kind: DocumentKind }) {
  const t = useDocumentsT();
  return <Tag color={KIND_COLORS[kind]}>{t(`kinds.${kind}`)}</Tag>;
}

export function DocumentLockedTag() {
  const t = useDocumentsT();
  return (
    <Tag icon={<LockOutlined aria-hidden />} color="gold" data-testid="document-locked">
      {t('doc.locked')}
    </Tag>
  );
}
