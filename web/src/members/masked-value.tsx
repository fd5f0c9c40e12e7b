// A masked ID or phone number with a button that reveals the full value (the server audits the read).
import { EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../shell/feedback.ts';
import { useSession } from '../shell/session.tsx';
import { memberApi } from './member-api.ts';
import { useMemberText } from './member-messages.ts';

export function MaskedValue(props: { memberId: number; field: 'idNumber' | 'phone'; masked: string }) {
  const { t } = useMemberText();
  const { can } = useSession();
  const feedback = useFeedback();
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (value) return <span data-testid={`revealed-${props.field}`}>{value}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span style={{ fontFamily: 'monospace' }} data-testid={`masked-${props.field}`}>
        {props.masked}
      </span>
      {can('member:read_pii') && props.masked && (
        <Tooltip title={t('p.revealTip')}>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={loading}
            data-testid={`reveal-${props.field}`}
            onClick={async () => {
              setLoading(true);
              try {
                setValue((await memberApi.reveal(props.memberId, props.field)).value);
              } catch (error) {
                feedback.error(error);
              } finally {
                setLoading(false);
              }
            }}
          >
            {t('p.reveal')}
          </Button>
        </Tooltip>
      )}
    </span>
  );
}
