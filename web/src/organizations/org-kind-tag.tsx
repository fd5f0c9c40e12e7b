import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { ORG_KIND_NAMES } from '../i18n/messages.ts';

const KIND_COLORS: Record<string, string> = {
  committee: 'red',
  working_committee: 'volcano',
  general_branch: 'orange',
  branch: 'gold',
  joint_branch: 'cyan',
  temporary_branch: 'purple',
  group: 'blue',
};

export function OrgKindTag({ kind }: { kind: string }) {
  const { name } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind] ?? 'default'} data-testid="org-kind" style={{ marginInlineEnd: 0 }}>
      {name(ORG_KIND_NAMES, kind)}
    </Tag>
  );
}
