import { useMutation } from '@tanstack/react-query';
import { type ChangePasswordBody, Password } from '@xieshang/protocol';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { changePassword } from '../api/auth-api';
import { useToast } from '../../../shared/ui/FeedbackProvider';
import { ImplicitSubmit } from '../../../shared/ui/ImplicitSubmit';

type Values = ChangePasswordBody & { confirm: string };

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form] = Form.useForm<Values>();
  const minLength = Password.minLength ?? 8;
  const mutation = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => changePassword({ currentPassword, newPassword }),
    meta: { toastError: false },
    onSuccess: () => {
      toast.success(t('password.changed'));
      onClose();
    },
    onError: (error) => {
      const field = ApiError.is(error, 'wrong_password') ? 'currentPassword' : 'newPassword';
      form.setFields([{ name: field, errors: [error.message] }]);
    },
  });

  return (
    <Modal
      open={open}
      title={t('password.changeTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v)}
        data-testid="change-password-form"
      >
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule', { min: minLength })}
          rules={[
            { required: true, message: t('validation.required') },
            { min: minLength, message: t('password.rule', { min: minLength }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
