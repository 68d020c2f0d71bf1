import { CreateDocumentBody, type DocumentKind } from '@xieshang/protocol';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useToast } from '../../../shared/ui/FeedbackProvider';
import { applyServerFieldErrors } from '../../../shared/ui/form-errors';
import { useMeetingList } from '../../meetings/hooks/useMeetings';
import { useCreateDocument } from '../hooks/useDocuments';
import { useDocumentsT } from '../i18n/documents-i18n';

const KINDS = CreateDocumentBody.shape.kind.options;

interface Values {
  title: string;
  kind: DocumentKind;
  meetingId?: string;
}

/**
 * New 提案 / 调研报告 …: the server fills in the kind's sections (案由 / 案据 / 建议 …); the
 * document opens right away. Inside a meeting the meeting is fixed; elsewhere it can be chosen.
 */
export function CreateDocumentModal({ meetingId, onClose }: { meetingId?: string; onClose: () => void }) {
  const t = useDocumentsT();
  const toast = useToast();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'proposal';
  const create = useCreateDocument();
  const meetings = useMeetingList({ status: 'scheduled,live,draft', limit: 100, order: 'asc' });

  const submit = (values: Values) =>
    create.mutate(
      { title: values.title.trim(), kind: values.kind, meetingId: meetingId ?? values.meetingId },
      {
        onSuccess: (doc) => {
          onClose();
          void navigate(`/documents/${doc.id}`);
        },
        onError: (error) => {
          if (!applyServerFieldErrors(form, error)) toast.error(error.message);
        },
      },
    );

  return (
    <Modal
      open
      title={t('create.title')}
      okText={t('create.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'create-document-submit' }}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'proposal' }} onFinish={submit}>
        <Form.Item name="kind" label={t('create.kind')} extra={t(`create.templateHint.${kind}`)}>
          <Radio.Group optionType="button" options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('create.docTitle')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input
            placeholder={t('create.docTitlePlaceholder')}
            maxLength={200}
            autoFocus
            data-testid="document-title-input"
          />
        </Form.Item>
        {!meetingId && (
          <Form.Item name="meetingId" label={t('create.meeting')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('create.meetingNone')}
              loading={meetings.isPending}
              options={(meetings.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }))}
              data-testid="document-meeting"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
