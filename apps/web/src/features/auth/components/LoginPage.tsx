import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../../shared/auth/useSession';
import { login } from '../api/auth-api';
import { AuthLayout } from './AuthLayout';

/** Only same-site paths: `?next=` must never send a user to another origin after login. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/meetings';
}

/**
 * The first page most visitors load, so it is built from a plain <form> and two antd inputs
 * rather than antd's Form (whose validation engine would add ~30 kB gzip to the first load).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = useSession();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const mutation = useMutation({
    mutationFn: login,
    meta: { toastError: false },
    onSuccess: () => void navigate(next, { replace: true }),
  });

  if (state.status === 'signed-in' && !mutation.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = { username: !username.trim(), password: !password };
    setMissing(empty);
    if (empty.username) document.getElementById(`${id}-username`)?.focus();
    else if (empty.password) document.getElementById(`${id}-password`)?.focus();
    else mutation.mutate({ username: username.trim(), password });
  };

  const fieldError = (field: 'username' | 'password', text: string) =>
    missing[field] && (
      <div id={`${id}-${field}-error`} className="xs-field-error" role="alert">
        {text}
      </div>
    );

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      {params.get('expired') && !mutation.error && (
        <Alert type="info" showIcon title={t('login.expired')} className="xs-auth-alert" />
      )}
      {mutation.error && (
        <Alert
          type="error"
          showIcon
          title={mutation.error.message}
          className="xs-auth-alert"
          role="alert"
          data-testid="login-error"
        />
      )}
      <form onSubmit={submit} noValidate data-testid="login-form">
        <div className="xs-field">
          <label htmlFor={`${id}-username`} className="xs-field-label">
            {t('login.username')}
          </label>
          <Input
            id={`${id}-username`}
            name="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            prefix={<UserOutlined aria-hidden />}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            size="large"
            status={missing.username ? 'error' : undefined}
            aria-invalid={missing.username || undefined}
            aria-describedby={missing.username ? `${id}-username-error` : undefined}
            disabled={mutation.isPending}
            data-testid="login-username"
          />
          {fieldError('username', t('login.usernameRequired'))}
        </div>
        <div className="xs-field">
          <label htmlFor={`${id}-password`} className="xs-field-label">
            {t('login.password')}
          </label>
          <Input.Password
            id={`${id}-password`}
            name="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            prefix={<LockOutlined aria-hidden />}
            autoComplete="current-password"
            size="large"
            status={missing.password ? 'error' : undefined}
            aria-invalid={missing.password || undefined}
            aria-describedby={missing.password ? `${id}-password-error` : undefined}
            disabled={mutation.isPending}
            data-testid="login-password"
          />
          {fieldError('password', t('login.passwordRequired'))}
        </div>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={mutation.isPending}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </form>
      <p className="xs-auth-hint">{t('login.noSignup')}</p>
    </AuthLayout>
  );
}
