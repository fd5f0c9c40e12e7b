import { Empty, Input, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { OrgSearchItem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useFeedback } from '../shell/feedback.ts';
import { OrgKindTag } from './org-kind-tag.tsx';

/** The search box of the org page: name, pinyin initials or code, answered by the server in scope. */
export function OrgSearch({ onActive }: { onActive: (active: boolean) => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [items, setItems] = useState<OrgSearchItem[] | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const q = text.trim();
    onActive(q.length > 0);
    if (!q) {
      setItems(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<{ items: OrgSearchItem[] }>('/api/orgs/search', { q, limit: 30 })
        .then((answer) => !cancelled && setItems(answer.items))
        .catch((error: unknown) => !cancelled && feedback.error(error))
        .finally(() => !cancelled && setLoading(false));
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, feedback, onActive]);

  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('orgs.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        loading={loading}
        data-testid="org-search"
      />
      {items && (
        <div style={{ marginTop: 12 }} data-testid="org-search-results">
          <Typography.Text type="secondary">
            {t('orgs.searchResults')} · {t('common.total', { n: items.length })}
          </Typography.Text>
          {items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noResults')} />
          ) : (
            <List<OrgSearchItem>
              size="small"
              dataSource={items}
              renderItem={(item) => (
                <List.Item
                  className="qj-search-item"
                  data-testid="org-search-item"
                  onClick={() => navigate(`/orgs/${item.id}`)}
                  style={{ cursor: 'pointer' }}
                >
                  <List.Item.Meta
                    title={
                      <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                        <span className="qj-search-name">{item.name}</span>
                        <OrgKindTag kind={item.kind} />
                      </span>
                    }
                    description={
                      <span>
                        {item.pathNames.join(' / ')}
                        <span style={{ marginInlineStart: 8, color: '#999' }}>{item.code}</span>
                      </span>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </div>
  );
}
