import type { CreateInvitationBody, InvitationView } from '@xieshang/protocol';
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInvitationMutations } from '../hooks/useInvitations';
import { ImplicitSubmit } from '../../../shared/ui/ImplicitSubmit';

interface Props {
  meetingId: string;
  onClose: () => void;
  onCreated: (invitation: InvitationView) => void;
}

type Values = Required<Pick<CreateInvitationBody, 'role' | 'expiresInHours' | 'maxUses'>> &
  Pick<CreateInvitationBody, 'name' | 'affiliation'>;

const EXPIRY_HOURS = [24, 72, 168, 720] as const;

export function CreateInvitationModal({ meetingId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { create } = useInvitationMutations(meetingId);
  return (
    <Modal
      open
      title={t('invitations.create')}
      okText={t('invitations.generate')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'invitation-generate' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'guest', expiresInHours: 72, maxUses: 1 }}
        onFinish={(values) =>
          create.mutate(
            { ...values, name: values.name?.trim() || undefined, affiliation: values.affiliation?.trim() || undefined },
            { onSuccess: onCreated },
          )
        }
        data-testid="invitation-form"
      >
        <Form.Item name="role" label={t('participants.role')}>
          <Radio.Group
            optionType="button"
            options={(['guest', 'observer'] as const).map((r) => ({ value: r, label: t(`participantRoles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('invitations.name')} extra={t('invitations.nameHint')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="affiliation" label={t('invitations.affiliation')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="expiresInHours" label={t('invitations.validFor')}>
          <Select options={EXPIRY_HOURS.map((h) => ({ value: h, label: t(`invitations.expiry.h${h}`) }))} />
        </Form.Item>
        <Form.Item name="maxUses" label={t('invitations.maxUses')} extra={t('invitations.maxUsesHint')}>
          <InputNumber min={1} max={500} precision={0} className="xs-input-number" />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
