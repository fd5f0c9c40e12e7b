import { FileExcelOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Table, type TableProps, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, download } from '../api/client.ts';
import { type CursorAnswer, useCursorPaging } from '../api/cursor-paging.ts';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import type { MemberRow, Page } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { GENDER_NAMES, MEMBER_STATUS_NAMES } from '../i18n/messages.ts';
import { MaskedValue } from '../members/masked-value.tsx';
import { AddMemberDialog } from '../members/member-form-dialog.tsx';
import { useMemberText } from '../members/member-messages.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PhoneItem, PhoneLine, phoneListProps } from '../shell/phone-list.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { MemberImportDialog } from './member-import-dialog.tsx';
import { memberImportMessages } from './member-import-messages.ts';

type Sort = 'name' | 'joinedOn' | 'birthDate';
export function MemberTable({ orgId }: { orgId: number }) {
  const { t, name, lang } = useI18n();
  const feedback = useFeedback();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({ sort: 'name', order: 'asc' });
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const memberText = useMemberText();
  const phone = usePhone();
  const { can } = useSession();
  const canManage = can('member:manage');
  const query = { q: q || undefined, sort: sort.sort, order: sort.order };
  // pages after the first are asked by the cursor the page before answered (api/cursor-paging.ts)
  const paging = useCursorPaging(JSON.stringify({ orgId, pageSize, ...query }));
  const invalidate = useInvalidate();
  const members = useQuery({
    queryKey: keys.members.ofOrg(orgId, { page, pageSize, ...query }),
    queryFn: async () => {
      const answer = await api.get<Omit<Page<MemberRow>, 'total'> & CursorAnswer>(
        `/api/orgs/${orgId}/members`,
        {
          ...query,
          ...paging.ask(page),
          pageSize,
        },
      );
      paging.seen(page, answer);
      return answer;
    },
  });
  const counted = paging.counted();
  useEffect(() => {
    if (members.error) feedback.error(members.error);
  }, [members.error, feedback]);

  const onChange: TableProps<MemberRow>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (s?.order && (s.field === 'name' || s.field === 'joinedOn' || s.field === 'birthDate')) {
      setSort({ sort: s.field, order: s.order === 'descend' ? 'desc' : 'asc' });
    } else {
      setSort({ sort: 'name', order: 'asc' });
    }
    setPage(pagination.current ?? 1);
    setPageSize(pagination.pageSize ?? 20);
  };

  const sortOrder = (field: Sort) =>
    sort.sort === field ? (sort.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const statusTag = (s: string) => (
    <Tag color={s === 'full' ? 'red' : 'orange'}>{name(MEMBER_STATUS_NAMES, s)}</Tag>
  );
  // a phone shows one column: the name, then gender and dates, the masked numbers, the branch and the status
  const phoneColumns: TableProps<MemberRow>['columns'] = [
    {
      title: t('member.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (n: string, row) => (
        <PhoneItem>
          <span>
            <Link to={`/members/${row.id}`}>{n}</Link> {statusTag(row.status)}
          </span>
          <PhoneLine>
            {name(GENDER_NAMES, row.gender)} · {t('member.birthDate')} {row.birthDate ?? '—'} ·{' '}
            {t('member.joinedOn')} {row.joinedOn ?? '—'}
          </PhoneLine>
          <MaskedValue memberId={row.id} field="idNumber" masked={row.idNumberMasked} />
          <MaskedValue memberId={row.id} field="phone" masked={row.phoneMasked} />
          <PhoneLine>{row.orgName}</PhoneLine>
        </PhoneItem>
      ),
    },
  ];
  const tools = (
    <div
      style={
        phone ? { display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 } : { display: 'flex', gap: 8 }
      }
    >
      <Input.Search
        allowClear
        placeholder={t('org.memberSearch')}
        style={{ width: 240 }}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
        data-testid="member-search"
      />
      {canManage && (
        <Button icon={<UserAddOutlined />} data-testid="member-add" onClick={() => setAdding(true)}>
          {memberText.t('p.add')}
        </Button>
      )}
      {canManage && (
        <Button icon={<UploadOutlined />} data-testid="member-import" onClick={() => setImporting(true)}>
          {memberImportMessages[lang].button}
        </Button>
      )}
      <Button
        icon={<FileExcelOutlined />}
        loading={exporting}
        data-testid="member-export"
        onClick={async () => {
          setExporting(true);
          const hide = feedback.loading(t('common.exporting'));
          try {
            const file = await download(`/api/orgs/${orgId}/members.xlsx`, query, 'members.xlsx');
            feedback.success(t('common.exported', { name: file }));
          } catch (error) {
            feedback.error(error);
          } finally {
            hide();
            setExporting(false);
          }
        }}
      >
        {t('common.exportExcel')}
      </Button>
    </div>
  );

  return (
    <Card
      variant="borderless"
      title={t('org.members')}
      style={{ marginTop: 16 }}
      extra={phone ? undefined : tools}
    >
      {phone && tools}
      <Table<MemberRow>
        rowKey="id"
        size="middle"
        data-testid="member-table"
        loading={members.isFetching}
        dataSource={members.data?.items ?? []}
        onChange={onChange}
        {...phoneListProps(phone, 1000)}
        pagination={{
          current: page,
          pageSize,
          total: counted?.count ?? 0,
          showSizeChanger: true,
          showTotal: (total) =>
            `${counted?.exact === false ? '≈ ' : ''}${t('common.total', { n: total.toLocaleString('zh-CN') })}`,
        }}
        columns={
          phone
            ? phoneColumns
            : [
                {
                  title: t('member.name'),
                  dataIndex: 'name',
                  width: 100,
                  sorter: true,
                  sortOrder: sortOrder('name'),
                  render: (n: string, row) => <Link to={`/members/${row.id}`}>{n}</Link>,
                },
                {
                  title: t('member.gender'),
                  dataIndex: 'gender',
                  width: 70,
                  render: (g: string) => name(GENDER_NAMES, g),
                },
                {
                  title: t('member.birthDate'),
                  dataIndex: 'birthDate',
                  width: 120,
                  sorter: true,
                  sortOrder: sortOrder('birthDate'),
                },
                {
                  title: t('member.idNumber'),
                  dataIndex: 'idNumberMasked',
                  width: 250,
                  render: (masked: string, row) => (
                    <MaskedValue memberId={row.id} field="idNumber" masked={masked} />
                  ),
                },
                {
                  title: t('member.phone'),
                  dataIndex: 'phoneMasked',
                  width: 190,
                  render: (masked: string, row) => (
                    <MaskedValue memberId={row.id} field="phone" masked={masked} />
                  ),
                },
                {
                  title: t('member.status'),
                  dataIndex: 'status',
                  width: 100,
                  render: statusTag,
                },
                {
                  title: t('member.joinedOn'),
                  dataIndex: 'joinedOn',
                  width: 120,
                  sorter: true,
                  sortOrder: sortOrder('joinedOn'),
                },
                { title: t('member.org'), dataIndex: 'orgName', ellipsis: true },
              ]
        }
      />
      <AddMemberDialog
        orgId={orgId}
        open={adding}
        onClose={(added) => {
          setAdding(false);
          if (added) void invalidate(keys.members.all, keys.orgs.all);
        }}
      />
      <MemberImportDialog
        orgId={orgId}
        open={importing}
        onClose={(imported) => {
          setImporting(false);
          if (imported) void invalidate(keys.members.all, keys.orgs.all);
        }}
      />
    </Card>
  );
}
