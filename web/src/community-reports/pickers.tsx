// Search-as-you-type pickers of the register dialog: a community of the city, a unit party org of the
// city (names only; the server decides who may register what).
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { communityApi, type OrgOption } from './community-report-api.ts';

interface PickerProps {
  /** set by Form.Item: the label's htmlFor points at the search input */
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  placeholder: string;
  testId: string;
}

function OrgOptionPicker({
  load,
  label,
  ...props
}: PickerProps & { load: (q: string) => Promise<OrgOption[]>; label: (o: OrgOption) => string }) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<OrgOption[]>([]);
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
  return (
    <Select
      showSearch
      id={props.id}
      data-testid={props.testId}
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder}
      filterOption={false}
      onSearch={setQ}
      options={items.map((o) => ({ value: o.id, label: label(o) }))}
    />
  );
}

export function CommunityPicker(props: PickerProps) {
  return (
    <OrgOptionPicker
      {...props}
      load={communityApi.communities}
      label={(o) => `${o.name}${o.parentName ? ` · ${o.parentName}` : ''} · ${o.code}`}
    />
  );
}

export function UnitPicker(props: PickerProps) {
  return (
    <OrgOptionPicker
      {...props}
      load={communityApi.units}
      label={(o) =>
        `${o.name}${o.unitName && !o.name.includes(o.unitName) ? `（${o.unitName}）` : ''} · ${o.code}`
      }
    />
  );
}
