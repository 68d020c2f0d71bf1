import { ThunderboltOutlined } from '@ant-design/icons';
import { Password } from '@xieshang/protocol';
import { Button, Form, type FormInstance, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { generatePassword } from './generate-password';

/** An initial password: typed by the admin or generated; the user must change it at first sign-in. */
export function PasswordField({
  form,
  name = 'password',
  testId,
}: {
  form: FormInstance;
  name?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const min = Password.minLength ?? 8;
  return (
    <Form.Item label={t('users.initialPassword')} required extra={t('users.initialPasswordHint')}>
      <Space.Compact className="xs-full-width">
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, message: t('validation.required') },
            { min, message: t('password.rule', { min }) },
          ]}
        >
          <Input
            autoComplete="new-password"
            spellCheck={false}
            aria-label={t('users.initialPassword')}
            data-testid={testId}
          />
        </Form.Item>
        <Button icon={<ThunderboltOutlined aria-hidden />} onClick={() => form.setFieldValue(name, generatePassword())}>
          {t('users.generate')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
