// Search-as-you-type pickers: a member of the actor's own scope, a receiving branch of the city.
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../shell/session.tsx';
import { type MemberOption, type ReceivingOrg, transferApi } from './transfer-api.ts';

function useSearch<T>(load: (q: string) => Promise<T[]>) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<T[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on the query only
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      load(q).then(
        (rows) => live && setItems(rows),
        () => live && setItems([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return { items, setQ };
}

interface PickerProps {
  /** set by Form.Item: the label's htmlFor points at the search input */
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  placeholder: string;
  testId: string;
}

export function MemberPicker({ id, value, onChange, placeholder, testId }: PickerProps) {
  const { me } = useSession();
  const scopeId = me?.scope.id ?? 0;
  const { items, setQ } = useSearch<MemberOption>((q) =>
    transferApi.members(scopeId, q).then((p) => p.items),
  );
  return (
    <Select
      showSearch
      id={id}
      data-testid={testId}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setQ}
      options={items.map((m) => ({
        value: m.id,
        label: `${m.name} · ${m.idNumberMasked} · ${m.orgName}`,
      }))}
    />
  );
}

export function ReceivingOrgPicker({ id, value, onChange, placeholder, testId }: PickerProps) {
  const { items, setQ } = useSearch<ReceivingOrg>((q) => transferApi.receivingOrgs(q));
  return (
    <Select
      showSearch
      id={id}
      data-testid={testId}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setQ}
      options={items.map((o) => ({
        value: o.id,
        label: `${o.name}${o.parentName ? ` · ${o.parentName}` : ''} · ${o.code}`,
      }))}
    />
  );
}
