import { Select } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Option {
  id: number;
  code: string;
  name: string;
}

/** Picks an account's scope org by code prefix or name part (GET /api/accounts/scope-options). */
export function ScopeOrgSelect(props: { value?: number; onChange?: (value: number) => void }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef('');

  const search = async (q: string) => {
    latest.current = q;
    if (!q.trim()) return setOptions([]);
    setLoading(true);
    try {
      const res = await api.get<{ items: Option[] }>('/api/accounts/scope-options', { q: q.trim() });
      if (latest.current === q) setOptions(res.items);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Select
      showSearch
      value={props.value}
      onChange={props.onChange}
      filterOption={false}
      onSearch={(q) => void search(q)}
      loading={loading}
      placeholder={t('accounts.scopeOrgIdHelp')}
      data-testid="scope-org-select"
      options={options.map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` }))}
    />
  );
}
