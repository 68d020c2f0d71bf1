import { KeyOutlined, PlusOutlined, SearchOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { canManageUser } from '@xieshang/domain';
import { GlobalRole, type UserDetail, type UserView } from '@xieshang/protocol';
import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../shared/auth/useSession';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryError } from '../../../shared/ui/QueryStates';
import { useUserList, useUserMutations } from '../hooks/useUsers';
import { CreateUserModal } from './CreateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';

const PAGE_SIZE = 20;
type Row = UserView & Partial<Pick<UserDetail, 'phone' | 'lockedUntil'>>;
type Credentials = { username: string; password: string };

const roleColor: Record<GlobalRole, string | undefined> = {
  admin: 'red',
  staff: 'geekblue',
  member: undefined,
  guest: 'gold',
};

/** Accounts: admins and the secretariat create them, reset passwords and disable them. */
export function UsersAdminPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<GlobalRole | undefined>();
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const { update } = useUserMutations();

  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);

  const list = useUserList({
    q: q || undefined,
    role,
    includeDisabled: includeDisabled ? 'true' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'name',
      title: t('users.displayName'),
      render: (_, user) => (
        <div>
          <div>
            {user.displayName} {user.id === me.id && <Tag>{t('users.you')}</Tag>}
          </div>
          <div className="xs-muted xs-small">{user.username}</div>
        </div>
      ),
    },
    {
      key: 'role',
      title: t('users.role'),
      render: (_, user) => <Tag color={roleColor[user.role]}>{t(`globalRoles.${user.role}`)}</Tag>,
    },
    { key: 'affiliation', title: t('users.affiliation'), dataIndex: 'affiliation', responsive: ['md'] },
    { key: 'sector', title: t('users.sector'), dataIndex: 'sector', responsive: ['lg'] },
    {
      key: 'state',
      title: t('users.state'),
      responsive: ['sm'],
      render: (_, user) =>
        user.disabled ? (
          <Tag>{t('users.disabled')}</Tag>
        ) : user.lockedUntil && new Date(user.lockedUntil) > new Date() ? (
          <Tag color="orange">{t('users.locked')}</Tag>
        ) : user.mustChangePassword ? (
          <Tag color="blue">{t('users.pendingPassword')}</Tag>
        ) : (
          <Tag color="green">{t('users.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: <span className="xs-visually-hidden">{t('common.actions')}</span>,
      align: 'right',
      render: (_, user) =>
        canManageUser(me.role, user.role, user.id === me.id) && (
          <Flex gap={4} justify="flex-end" wrap>
            <Button
              size="small"
              icon={<KeyOutlined aria-hidden />}
              onClick={() => setResetting(user)}
              aria-label={t('users.resetNamed', { name: user.displayName })}
              data-testid="user-reset-password"
            >
              <span className="xs-hide-xs">{t('users.reset')}</span>
            </Button>
            <Popconfirm
              title={
                user.disabled
                  ? t('users.enableConfirm', { name: user.displayName })
                  : t('users.disableConfirm', { name: user.displayName })
              }
              okText={user.disabled ? t('users.enable') : t('users.disable')}
              okButtonProps={{ danger: !user.disabled }}
              onConfirm={() => update.mutateAsync({ id: user.id, body: { disabled: !user.disabled } })}
            >
              <Button
                size="small"
                danger={!user.disabled}
                icon={user.disabled ? <UndoOutlined aria-hidden /> : <StopOutlined aria-hidden />}
                aria-label={t(user.disabled ? 'users.enableNamed' : 'users.disableNamed', { name: user.displayName })}
                data-testid={user.disabled ? 'user-enable' : 'user-disable'}
              >
                <span className="xs-hide-xs">{user.disabled ? t('users.enable') : t('users.disable')}</span>
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        }
      />
      <Flex wrap gap={8} className="xs-filters" role="search">
        <Input
          className="xs-filter-search"
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="users-search"
        />
        <Select
          className="xs-filter-kind"
          allowClear
          placeholder={t('users.allRoles')}
          aria-label={t('users.role')}
          value={role}
          onChange={(value) => {
            setRole(value);
            setPage(1);
          }}
          options={GlobalRole.options.map((r) => ({ value: r, label: t(`globalRoles.${r}`) }))}
        />
        <Checkbox
          checked={includeDisabled}
          onChange={(e) => {
            setIncludeDisabled(e.target.checked);
            setPage(1);
          }}
          className="xs-filter-check"
        >
          {t('users.showDisabled')}
        </Checkbox>
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          rowClassName={(user) => (user.disabled ? 'xs-row-disabled' : '')}
          locale={{ emptyText: list.isPending ? ' ' : t('users.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
          data-testid="users-table"
        />
      )}
      {creating && (
        <CreateUserModal
          actor={me}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setCredentials(c);
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(c) => {
            setResetting(null);
            setCredentials(c);
          }}
        />
      )}
      <Modal
        open={!!credentials}
        title={t('users.credentialsTitle')}
        onCancel={() => setCredentials(null)}
        footer={
          <Button type="primary" onClick={() => setCredentials(null)} data-testid="credentials-done">
            {t('common.done')}
          </Button>
        }
      >
        <Alert type="info" showIcon title={t('users.credentialsHint')} className="xs-gap-bottom" />
        {credentials && (
          <dl className="xs-credentials" data-testid="credentials">
            <dt>{t('users.username')}</dt>
            <dd>
              <Typography.Text copyable strong>
                {credentials.username}
              </Typography.Text>
            </dd>
            <dt>{t('users.initialPassword')}</dt>
            <dd>
              <Typography.Text copyable code data-testid="credentials-password">
                {credentials.password}
              </Typography.Text>
            </dd>
          </dl>
        )}
      </Modal>
    </>
  );
}
