import { CheckOutlined, DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import type { UserView } from '@xieshang/protocol';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { logout } from '../features/auth/api/auth-api';
import { changeLanguage, LANGUAGES } from '../shared/i18n/i18n';

interface Props {
  user: UserView;
  onChangePassword: () => void;
}

/** Account actions and the language switch, behind the avatar (the name hides on phones). */
export function UserMenu({ user, onChangePassword }: Props) {
  const { t, i18n } = useTranslation();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <span className="xs-user-menu-who">
          {user.displayName} · {t(`globalRoles.${user.role}`)}
        </span>
      ),
    },
    // Guests entered through an invitation link and have no password.
    user.role === 'guest'
      ? null
      : {
          key: 'password',
          icon: <KeyOutlined />,
          label: t('shell.changePassword'),
          onClick: onChangePassword,
          'data-testid': 'user-menu-password',
        },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('shell.language'),
      'data-testid': 'user-menu-language',
      children: LANGUAGES.map((lang) => ({
        key: `lang-${lang}`,
        'data-testid': `user-menu-lang-${lang}`,
        label: (
          <span lang={lang}>
            {t(`language.${lang}`)} {i18n.language === lang && <CheckOutlined aria-label={t('common.selected')} />}
          </span>
        ),
        onClick: () => void changeLanguage(lang),
      })),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('shell.logout'),
      danger: true,
      'data-testid': 'user-menu-logout',
      // Signing out re-renders the guard, which sends the page to /login.
      onClick: () => void logout(),
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        className="xs-user-button"
        aria-label={t('shell.userMenu', { name: user.displayName })}
        data-testid="user-menu"
      >
        <Avatar size="small" className="xs-avatar" aria-hidden>
          {user.displayName.slice(0, 1)}
        </Avatar>
        <span className="xs-user-name">{user.displayName}</span>
        <DownOutlined aria-hidden className="xs-user-caret" />
      </Button>
    </Dropdown>
  );
}
