import { FileExcelOutlined, SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, download } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import type { AuditRow, AuditVerifyResult, Page } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ROLE_NAMES } from '../i18n/messages.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS_GROUPED, TARGET_TYPE_NAMES } from './audit-names.ts';

interface Filters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
}

function Changes({ row }: { row: AuditRow }) {
  const { t } = useI18n();
  const show = (label: string, value: unknown) =>
    value === null || value === undefined ? null : (
      <div>
        <Typography.Text type="secondary">{label}：</Typography.Text>
        <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {JSON.stringify(value, null, 1)}
        </code>
      </div>
    );
  return (
    <div>
      {show(t('audit.before'), row.before)}
      {show(t('audit.after'), row.after)}
    </div>
  );
}

export default function AuditPage() {
  const { t, name } = useI18n();
  const phone = usePhone();
  const feedback = useFeedback();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [filters, setFilters] = useState<Filters>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<string | undefined>();
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);
  const [exporting, setExporting] = useState(false);

  const list = useQuery({
    queryKey: keys.audit({ ...filters, page, pageSize }),
    queryFn: () => api.get<Page<AuditRow>>('/api/audit', { ...filters, page, pageSize }),
  });
  useEffect(() => {
    if (list.error) feedback.error(list.error);
  }, [list.error, feedback]);

  function apply() {
    setFilters({
      from: range?.[0]?.format('YYYY-MM-DD'),
      to: range?.[1]?.format('YYYY-MM-DD'),
      actor: actor.trim() || undefined,
      action,
    });
    setPage(1);
  }

  function reset() {
    setRange(null);
    setActor('');
    setAction(undefined);
    setFilters({});
    setPage(1);
  }

  const who = (row: AuditRow) =>
    row.actorName ? (
      <span title={row.actorUsername}>{row.actorName}</span>
    ) : row.role === 'system' ? (
      t('audit.systemActor')
    ) : (
      <span data-raw>{row.actorUsername}</span>
    );
  const actionTag = (a: string) => (
    <Tag
      color={a.includes('failed') ? 'red' : a.startsWith('auth.') ? 'blue' : 'default'}
      data-testid="audit-action-tag"
    >
      {name(AUDIT_ACTION_NAMES, a)}
    </Tag>
  );
  const target = (row: AuditRow) => (
    <span>
      {name(TARGET_TYPE_NAMES, row.targetType)}
      {row.targetName ? (
        <span title={`${row.targetType}:${row.targetId}`}> {row.targetName}</span>
      ) : row.targetId && /^\d+$/.test(row.targetId) ? (
        ` ${t('audit.recordNo', { n: row.targetId })}`
      ) : null}
    </span>
  );
  const at = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss');
  const columns: TableColumnsType<AuditRow> = phone
    ? [
        // a phone shows one column: what was done to what, then when, by whom (six columns would
        // squeeze to a word a line)
        {
          title: t('audit.action'),
          key: 'record',
          render: (_, row) => (
            <div data-testid="audit-record" style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
              <div>
                {actionTag(row.action)} {target(row)}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {at(row.at)} · {who(row)}
                {row.role === 'system' ? null : ` · ${name(ROLE_NAMES, row.role)}`}
                {row.before != null || row.after != null ? ` · ${t('audit.changes')} ▸` : null}
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { title: t('audit.at'), dataIndex: 'at', width: 180, render: at },
        { title: t('audit.actor'), dataIndex: 'actorUsername', width: 170, render: (_, row) => who(row) },
        { title: t('audit.role'), dataIndex: 'role', width: 120, render: (r: string) => name(ROLE_NAMES, r) },
        { title: t('audit.action'), dataIndex: 'action', width: 170, render: actionTag },
        { title: t('audit.target'), key: 'target', render: (_, row) => target(row) },
        {
          title: t('audit.ip'),
          dataIndex: 'clientIp',
          width: 140,
          // the server's own jobs run on the machine itself: no address to show
          render: (ip: string) => (ip === 'local' ? t('audit.localIp') : ip),
        },
      ];

  return (
    <div data-testid="audit-page">
      <PageTitle
        title={t('audit.title')}
        extra={
          <Space>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting}
              data-testid="audit-export"
              onClick={async () => {
                setExporting(true);
                const hide = feedback.loading(t('common.exporting'));
                try {
                  const file = await download(
                    '/api/audit/export.xlsx',
                    { ...filters },
                    `审计日志-${dayjs().format('YYYY-MM-DD')}.xlsx`,
                  );
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
            <Button
              type="primary"
              icon={<SafetyOutlined />}
              loading={verifying}
              data-testid="audit-verify"
              onClick={async () => {
                setVerifying(true);
                try {
                  setVerified(await api.post<AuditVerifyResult>('/api/audit/verify'));
                  void list.refetch();
                } catch (error) {
                  feedback.error(error);
                } finally {
                  setVerifying(false);
                }
              }}
            >
              {t('audit.verify')}
            </Button>
          </Space>
        }
      />
      {verified && (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 16 }}
          showIcon
          closable={{ onClose: () => setVerified(null) }}
          type={verified.ok ? 'success' : 'error'}
          title={
            verified.ok
              ? t('audit.verifyOk', { n: verified.checked.toLocaleString('zh-CN') })
              : t('audit.verifyBroken', {
                  id: verified.brokenAt ?? '?',
                  n: verified.checked.toLocaleString('zh-CN'),
                })
          }
        />
      )}
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => setRange(value)}
            format="YYYY-MM-DD"
            data-testid="audit-range"
          />
          <Input
            placeholder={t('audit.actor')}
            style={{ width: 180 }}
            value={actor}
            onChange={(e) => setActor(e.target.value)}
            onPressEnter={apply}
            allowClear
            data-testid="audit-actor"
          />
          <Select
            placeholder={t('audit.action')}
            style={{ width: 200 }}
            allowClear
            value={action}
            onChange={(value: string | undefined) => setAction(value)}
            options={AUDIT_ACTIONS_GROUPED.map((key) => ({
              value: key,
              label: name(AUDIT_ACTION_NAMES, key),
            }))}
            data-testid="audit-action"
          />
          <Button type="primary" onClick={apply} data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button onClick={reset}>{t('common.reset')}</Button>
        </Space>
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          data-testid="audit-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          tableLayout={phone ? 'fixed' : undefined}
          expandable={{
            // on a phone the record itself opens its changes (no column of its own for the ⊕)
            showExpandColumn: !phone,
            expandRowByClick: phone,
            expandedRowRender: (row) => <Changes row={row} />,
            rowExpandable: (row) => row.before != null || row.after != null,
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { n: total.toLocaleString('zh-CN') }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={columns}
        />
      </Card>
    </div>
  );
}
