import { Space, Tag } from 'antd';
import type { AccountRow } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useRoleRequestText } from './role-request-messages.ts';

export function AccountStatus({ account }: { account: AccountRow }) {
  const { t } = useI18n();
  const { t: rr } = useRoleRequestText();
  const tags = [];
  if (account.approval === 'pending')
    tags.push(
      <Tag key="p" color="orange" data-testid="approval-pending">
        {rr('rr.pendingApproval')}
      </Tag>,
    );
  if (account.approval === 'rejected')
    tags.push(
      <Tag key="r" color="red">
        {rr('rr.notApproved')}
      </Tag>,
    );
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
