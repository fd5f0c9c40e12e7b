import { Space, Tag } from 'antd';
import type { AccountRow } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function AccountStatus({ account }: { account: AccountRow }) {
  const { t } = useI18n();
  const tags = [];
  if (account.disabled) tags.push(<Tag key="d">{t('accounts.disabled')}</Tag>);
  if (account.locked)
    tags.push(
      <Tag key="l" color="red">
        {t('accounts.locked')}
      </Tag>,
    );
  if (account.mustChangePassword)
    tags.push(
      <Tag key="m" color="orange">
        {t('accounts.mustChange')}
      </Tag>,
    );
  if (tags.length === 0)
    tags.push(
      <Tag key="n" color="green">
        {t('accounts.normal')}
      </Tag>,
    );
  return <Space size={4}>{tags}</Space>;
}
