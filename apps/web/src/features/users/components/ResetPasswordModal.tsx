import type { UserView } from '@xieshang/protocol';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserMutations } from '../hooks/useUsers';
import { generatePassword } from './generate-password';
import { PasswordField } from './PasswordField';
import { ImplicitSubmit } from '../../../shared/ui/ImplicitSubmit';

interface Props {
  user: UserView;
  onClose: () => void;
  onDone: (credentials: { username: string; password: string }) => void;
}

export function ResetPasswordModal({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const { resetPassword } = useUserMutations();
  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('users.reset')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resetPassword.isPending}
      destroyOnHidden
    >
      <p className="xs-muted">{t('users.resetExplain')}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ password: generatePassword() }}
        onFinish={({ password }) =>
          resetPassword.mutate(
            { id: user.id, password },
            {
              onSuccess: () => onDone({ username: user.username, password }),
              onError: (error) => form.setFields([{ name: 'password', errors: [error.message] }]),
            },
          )
        }
      >
        <PasswordField form={form} testId="reset-password" />
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
