import { CreateAgendaItemBody, type AgendaItemView, type ParticipantView } from '@xieshang/protocol';
import { AutoComplete, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors } from '../../../shared/ui/form-errors';
import { ImplicitSubmit } from '../../../shared/ui/ImplicitSubmit';

export interface AgendaItemValues {
  title: string;
  plannedMinutes?: number | null;
  presenterName?: string;
  description?: string;
}

interface Props {
  /** The item being edited, or null to add one. */
  item: AgendaItemView | null;
  participants: ParticipantView[];
  saving: boolean;
  onSave: (values: AgendaItemValues) => Promise<unknown>;
  onClose: () => void;
}

const limits = CreateAgendaItemBody.shape;

export function AgendaItemModal({ item, participants, saving, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AgendaItemValues>();
  const presenterOptions = participants.map((p) => ({ value: p.user.displayName }));

  return (
    <Modal
      open
      title={item ? t('agenda.editTitle') : t('agenda.addTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'agenda-item-save' }}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<AgendaItemValues>
        form={form}
        layout="vertical"
        initialValues={
          item
            ? {
                title: item.title,
                plannedMinutes: item.plannedMinutes,
                presenterName: item.presenterName ?? undefined,
                description: item.description ?? undefined,
              }
            : undefined
        }
        onFinish={(values) => void onSave(values).catch((error: unknown) => applyServerFieldErrors(form, error))}
        data-testid="agenda-item-form"
      >
        <Form.Item
          name="title"
          label={t('agenda.itemTitle')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={limits.title.maxLength ?? undefined} autoFocus data-testid="agenda-item-title" />
        </Form.Item>
        <Form.Item name="plannedMinutes" label={t('agenda.plannedMinutes')}>
          <InputNumber
            min={1}
            max={600}
            precision={0}
            suffix={t('agenda.minutesUnit')}
            className="xs-input-number"
            data-testid="agenda-item-minutes"
          />
        </Form.Item>
        <Form.Item name="presenterName" label={t('agenda.presenterLabel')} extra={t('agenda.presenterHint')}>
          <AutoComplete
            options={presenterOptions}
            filterOption={(input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
            data-testid="agenda-item-presenter"
          />
        </Form.Item>
        <Form.Item name="description" label={t('agenda.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} showCount />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
