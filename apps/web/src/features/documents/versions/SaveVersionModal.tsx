import { DOCUMENT_STAGE_NAMES } from '@xieshang/domain';
import type { DocumentVersionView } from '@xieshang/protocol';
import { AutoComplete, Form, Modal } from 'antd';
import { useToast } from '../../../shared/ui/FeedbackProvider';
import { applyServerFieldErrors } from '../../../shared/ui/form-errors';
import { useSaveVersion } from '../hooks/useDocumentVersions';
import { useDocumentsT } from '../i18n/documents-i18n';

/** The next usual stage (初稿 → 征求意见稿 → 修改稿 → 表决稿 → 定稿) not yet used by this document. */
export function suggestedStageName(versions: DocumentVersionView[]): string {
  const used = new Set(versions.filter((v) => v.kind === 'named').map((v) => v.name));
  let next = 0;
  DOCUMENT_STAGE_NAMES.forEach((name, i) => {
    if (used.has(name)) next = i + 1;
  });
  return DOCUMENT_STAGE_NAMES[Math.min(next, DOCUMENT_STAGE_NAMES.length - 1)]!;
}

export function SaveVersionModal({
  documentId,
  versions,
  onClose,
}: {
  documentId: string;
  versions: DocumentVersionView[];
  onClose: () => void;
}) {
  const t = useDocumentsT();
  const toast = useToast();
  const [form] = Form.useForm<{ name: string }>();
  const save = useSaveVersion(documentId);

  const submit = ({ name }: { name: string }) =>
    save.mutate(name.trim(), {
      onSuccess: (v) => {
        toast.success(t('versions.saved', { name: v.name }));
        onClose();
      },
      onError: (error) => {
        if (!applyServerFieldErrors(form, error)) toast.error(error.message);
      },
    });

  return (
    <Modal
      open
      title={t('versions.saveTitle')}
      okText={t('versions.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'save-version-submit' }}
    >
      <Form form={form} layout="vertical" initialValues={{ name: suggestedStageName(versions) }} onFinish={submit}>
        <Form.Item
          name="name"
          label={t('versions.name')}
          extra={t('versions.nameHint')}
          rules={[{ required: true, whitespace: true, max: 60 }]}
        >
          <AutoComplete
            options={DOCUMENT_STAGE_NAMES.map((n) => ({ value: n }))}
            autoFocus
            data-testid="version-name"
            filterOption={false}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
