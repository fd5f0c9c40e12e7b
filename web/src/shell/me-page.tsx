// 我的: the account, every function of its menu as large buttons (on a phone the menu lives here and
// in the drawer), the language, the password and signing out.
import { KeyOutlined, LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { ROLE_NAMES } from '../i18n/messages.ts';
import { ChangePasswordDialog } from './change-password-dialog.tsx';
import { menuFor } from './menu.tsx';
import { PageTitle } from './page-title.tsx';
import { useSession } from './session.tsx';
import { useShellText } from './shell-messages.ts';

export default function MePage() {
  const { me, logout } = useSession();
  const { t, lang, setLang, name } = useI18n();
  const st = useShellText();
  const [password, setPassword] = useState(false);
  if (!me) return null;
  const entries = menuFor(me.permissions, me.scope.level, me.account.role);
  return (
    <div data-testid="me-page" className="qj-me">
      <PageTitle title={st('me.title')} />
      <Card variant="borderless">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={st('me.account')}>{me.account.displayName}</Descriptions.Item>
          <Descriptions.Item label={st('me.role')}>
            <Tag color="gold">{name(ROLE_NAMES, me.account.role)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={st('me.scope')}>{me.scope.name}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card variant="borderless" title={st('me.all')} style={{ marginTop: 12 }}>
        <div className="qj-me-grid">
          {entries.map((e) => (
            <Link key={e.path} to={e.path} className="qj-me-item" data-menu-path={e.path}>
              <span className="qj-me-icon">{e.icon}</span>
              <span>{t(e.label)}</span>
            </Link>
          ))}
        </div>
      </Card>
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} size={10}>
        <Button
          block
          size="large"
          icon={<TranslationOutlined />}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {st('me.languageValue')}
        </Button>
        <Button block size="large" icon={<KeyOutlined />} onClick={() => setPassword(true)}>
          {st('me.password')}
        </Button>
        <Button
          block
          size="large"
          danger
          icon={<LogoutOutlined />}
          onClick={() => void logout()}
          data-testid="me-logout"
        >
          {st('me.logout')}
        </Button>
      </Space>
      <ChangePasswordDialog open={password} forced={false} onClose={() => setPassword(false)} />
    </div>
  );
}
