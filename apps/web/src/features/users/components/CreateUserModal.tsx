import { canCreateUserWithRole } from '@xieshang/domain';
import { type CreateUserBody, GlobalRole, type UserView, Username } from '@xieshang/protocol';
import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { applyServerFieldErrors } from '../../../shared/ui/form-errors';
import { useUserMutations } from '../hooks/useUsers';
import { generatePassword } from './generate-password';
import { PasswordField } from './PasswordField';
import { useToast } from '../../../shared/ui/FeedbackProvider';
import { ImplicitSubmit } from '../../../shared/ui/ImplicitSubmit';

type Values = Required<Pick<CreateUserBody, 'username' | 'displayName' | 'password' | 'role'>> &
  Pick<CreateUserBody, 'affiliation' | 'sector' | 'phone'>;

interface Props {
  actor: UserView;
  onClose: () => void;
  onCreated: (credentials: { username: string; password: string }) => void;
}

export function CreateUserModal({ actor, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form] = Form.useForm<Values>();
  const { create } = useUserMutations();
  const roles = GlobalRole.options.filter((role) => canCreateUserWithRole(actor.role, role));

  const submit = (values: Values) => {
    const optional = (v: string | undefined) => v?.trim() || undefined;
    create.mutate(
      {
        ...values,
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        affiliation: optional(values.affiliation),
        sector: optional(values.sector),
        phone: optional(values.phone),
      },
      {
        onSuccess: (user) => onCreated({ username: user.username, password: values.password }),
        onError: (error) => {
          if (applyServerFieldErrors(form, error)) return;
          if (ApiError.is(error, 'username_taken')) form.setFields([{ name: 'username', errors: [error.message] }]);
          else toast.error(error.message);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.createTitle')}
      okText={t('users.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'user-create-submit' }}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'member', password: generatePassword() }}
        onFinish={submit}
        data-testid="user-create-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label={t('users.displayName')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={64} data-testid="user-display-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              extra={t('users.usernameHint')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { min: Username.minLength ?? 2, max: Username.maxLength ?? 64, message: t('users.usernameHint') },
                { pattern: /^[\p{L}\p{N}._-]+$/u, message: t('users.usernameHint') },
              ]}
            >
              <Input autoCapitalize="none" spellCheck={false} maxLength={64} data-testid="user-username" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label={t('users.role')}>
              <Select
                options={roles.map((role) => ({ value: role, label: t(`globalRoles.${role}`) }))}
                data-testid="user-role"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <PasswordField form={form} testId="user-password" />
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="affiliation" label={t('users.affiliation')}>
              <Input maxLength={200} placeholder={t('users.affiliationPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sector" label={t('users.sector')}>
              <Input maxLength={64} placeholder={t('users.sectorPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('users.phone')}>
              <Input type="tel" inputMode="tel" autoComplete="off" maxLength={32} />
            </Form.Item>
          </Col>
        </Row>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
