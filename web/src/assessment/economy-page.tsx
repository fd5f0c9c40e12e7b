// 村集体经济 (issue 15): villages counted by income threshold per lower org; each village's operating,
// total and net income, distributed and retained, growth; the registers of 强村公司 and 富民工坊; the
// Excel template and its import with a row-by-row error report.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { todayShanghai, useDictionary, yuan } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import { type Enterprise, economyApi, type ImportResult, type Income } from './assessment-api.ts';
import { shortOrg } from './assessment-text.ts';
import { IncomeEntry } from './income-entry.tsx';

const zh = {
  title: '村集体经济',
  year: '{year} 年度',
  incomes: '集体收入',
  enterprises: '强村公司与富民工坊',
  import: '填报与导入',
  villages: '行政村（不含社区）',
  reported: '已填报的行政村',
  operating: '行政村经营性收入合计',
  org: '下级组织',
  village: '村（社区）',
  operatingCol: '经营性收入',
  totalCol: '总收入',
  net: '净收入',
  distributed: '分配',
  retained: '留存',
  growth: '经营性收入增长',
  band: '分档',
  notReported: '未填报',
  search: '村名或拼音首字母',
  sortOperating: '按经营性收入',
  sortGrowth: '按增长',
  kind: '类型',
  name: '名称',
  founder: '牵头组织',
  joined: '参与村',
  jobs: '岗位',
  revenue: '营收',
  dividends: '分红',
  'kind.village_company': '强村公司',
  'kind.workshop': '富民工坊',
  summary: '{kind}：{count} 个，带动 {villages} 个村，{jobs} 个岗位',
  allKinds: '全部类型',
  template: '下载导入模板',
  upload: '上传填好的模板',
  importHint: '模板列出所辖各村（社区），每村每个收入来源一行；有误的行逐行报告，正确的行照常导入。',
  imported: '共 {total} 行，导入 {imported} 行，有误 {rejected} 行',
  row: '行',
  field: '列',
  problem: '问题',
  exported: '已下载 {name}',
  up: '返回上一级',
  communitiesOnly:
    '所辖只有社区：行政村集体经济收入的分档统计不计社区。社区的集体收入由镇（街道）填报或导入后，在下表显示。',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: 'Collective economy',
  year: '{year}',
  incomes: 'Incomes',
  enterprises: 'Village companies and workshops',
  import: 'Entry and import',
  villages: 'Villages (communities excluded)',
  reported: 'Villages reported',
  operating: "Villages' operating income",
  org: 'Organization',
  village: 'Village',
  operatingCol: 'Operating',
  totalCol: 'Total',
  net: 'Net',
  distributed: 'Distributed',
  retained: 'Retained',
  growth: 'Growth',
  band: 'Band',
  notReported: 'Not reported',
  search: 'Village or initials',
  sortOperating: 'By operating income',
  sortGrowth: 'By growth',
  kind: 'Kind',
  name: 'Name',
  founder: 'Led by',
  joined: 'Villages',
  jobs: 'Jobs',
  revenue: 'Revenue',
  dividends: 'Dividends',
  'kind.village_company': 'Village company',
  'kind.workshop': 'Workshop',
  summary: '{kind}: {count}, {villages} villages, {jobs} jobs',
  allKinds: 'All kinds',
  template: 'Download the template',
  upload: 'Upload the filled template',
  importHint:
    'The template lists every village, one row per village and source; wrong rows are reported one by one, the good rows are imported.',
  imported: '{total} rows: {imported} imported, {rejected} wrong',
  row: 'Row',
  field: 'Column',
  problem: 'Problem',
  exported: 'Downloaded {name}',
  up: 'Up one level',
  communitiesOnly:
    "Only communities here: the income bands count administrative villages, not communities. A community's income shows in the table below once its town enters or imports it.",
};

export default function EconomyPage() {
  const { t } = useDictionary<K>(zh, en);
  const { can } = useSession();
  const feedback = useFeedback();
  const url = useUrlState();
  const thisYear = Number(todayShanghai().slice(0, 4));
  const year = url.number('year') ?? thisYear;
  const orgId = url.number('orgId');
  const q = url.get('q');
  const sort = url.get('sort') ?? 'operating';
  const page = url.number('page') ?? 1;
  const tab = url.get('tab') ?? 'incomes';
  const kind = url.get('kind');
  const ePage = url.number('epage') ?? 1;
  const set = (patch: Record<string, string | number | undefined>) => url.set(patch);
  const invalidate = useInvalidate();
  const incomes = useQuery({
    queryKey: keys.economy.incomes({ year, orgId, q, sort, page }),
    queryFn: () => economyApi.incomes({ year, orgId, q, sort, page }),
  });
  const enterprises = useQuery({
    queryKey: keys.economy.enterprises({ kind, page: ePage }),
    queryFn: () => economyApi.enterprises({ kind, page: ePage }),
    enabled: tab === 'enterprises',
  });
  const saved = () => void invalidate(keys.economy.all);
  const [result, setResult] = useState<ImportResult | null>(null);
  const d = incomes.data;
  const bandLabel = (i: number) => d?.thresholds[i - 1]?.label ?? t('notReported');
  const phone = usePhone();
  type Child = NonNullable<typeof d>['children'][number];
  const orgLink = (r: Child) => (
    <Typography.Link onClick={() => set({ orgId: r.org.id })}>{shortOrg(r.org.name)}</Typography.Link>
  );
  const money = (r: Income, fen: number) => (r.reported ? yuan(fen) : '—');
  const growth = (r: Income) =>
    r.growth === null ? '—' : `${r.growth > 0 ? '+' : ''}${Math.round(r.growth * 1000) / 10}%`;
  const bandTag = (r: Income) => <Tag>{r.reported ? bandLabel(r.band) : t('notReported')}</Tag>;
  const joined = (r: Enterprise) => r.villages.map((v) => shortOrg(v.name)).join('、');
  // a phone shows each row as one item: its name first, then its figures on short lines
  const childPhoneColumns = [
    {
      title: t('org'),
      key: 'o',
      render: (_: unknown, r: Child) => (
        <PhoneItem>
          {orgLink(r)}
          <PhoneLine>
            {t('villages')} {r.villages}
          </PhoneLine>
          <PhoneLine>
            {(d?.thresholds ?? []).map((th, i) => `${th.label} ${r.bands[i] ?? 0}`).join(' · ')}
          </PhoneLine>
        </PhoneItem>
      ),
    },
  ];
  const villagePhoneColumns = [
    {
      title: t('village'),
      key: 'v',
      render: (_: unknown, r: Income) => (
        <PhoneItem>
          <span>{shortOrg(r.org.name)}</span>
          <PhoneLine>
            {t('operatingCol')} {money(r, r.operatingFen)} · {t('totalCol')} {money(r, r.totalFen)}
          </PhoneLine>
          <PhoneLine>
            {t('net')} {money(r, r.netFen)} · {t('distributed')} {money(r, r.distributedFen)}
          </PhoneLine>
          <PhoneLine>
            {t('retained')} {money(r, r.retainedFen)} · {t('growth')} {growth(r)}
          </PhoneLine>
          <PhoneTags>{bandTag(r)}</PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  const enterprisePhoneColumns = [
    {
      title: t('name'),
      key: 'n',
      render: (_: unknown, r: Enterprise) => (
        <PhoneItem>
          <span>{r.name}</span>
          <PhoneLine>
            {t(`kind.${r.kind}` as K)} · {t('founder')} {shortOrg(r.org.name)}
          </PhoneLine>
          <PhoneLine>
            {t('joined')} {joined(r) || '—'}
          </PhoneLine>
          <PhoneLine>
            {t('jobs')} {r.years.at(-1)?.jobs ?? 0} · {t('revenue')} {yuan(r.years.at(-1)?.revenueFen)}
          </PhoneLine>
          <PhoneLine>
            {t('dividends')} {yuan(r.years.at(-1)?.dividendsFen)}
          </PhoneLine>
        </PhoneItem>
      ),
    },
  ];
  const bandCols = (d?.thresholds ?? []).map((th, i) => ({
    title: th.label,
    key: `b${i}`,
    width: 110,
    align: 'right' as const,
    render: (_: unknown, r: { bands: number[] }) => r.bands[i] ?? 0,
  }));
  const incomeView = (
    <>
      {d && d.totals.villages === 0 && d.total > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('communitiesOnly')}
          data-testid="economy-communities-only"
        />
      )}
      {d && (d.totals.villages > 0 || d.total === 0) && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('villages')} value={d.totals.villages} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('reported')} value={d.totals.reported} />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small">
              <Statistic title={t('operating')} value={yuan(d.totals.operatingFen)} />
            </Card>
          </Col>
          {d.thresholds.map((th, i) => (
            <Col xs={12} md={6} key={th.label}>
              <Card size="small">
                <Statistic title={th.label} value={d.totals.bands[i] ?? 0} />
              </Card>
            </Col>
          ))}
          {d.children.length > 0 && (
            <Col span={24}>
              <Card size="small">
                <Table
                  size="small"
                  rowKey={(r) => r.org.id}
                  pagination={false}
                  dataSource={d.children}
                  {...phoneListProps(phone, 600)}
                  data-testid="economy-children"
                  columns={
                    phone
                      ? childPhoneColumns
                      : [
                          {
                            title: t('org'),
                            key: 'o',
                            width: 160,
                            render: (_: unknown, r: Child) => orgLink(r),
                          },
                          {
                            title: t('villages'),
                            dataIndex: 'villages',
                            key: 'v',
                            width: 100,
                            align: 'right' as const,
                          },
                          ...bandCols,
                        ]
                  }
                />
              </Card>
            </Col>
          )}
        </Row>
      )}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('search')}
            defaultValue={q}
            style={{ width: 220 }}
            onSearch={(v) => set({ q: v })}
          />
          <Select
            value={sort}
            style={{ width: 160 }}
            onChange={(v) => set({ sort: v })}
            options={[
              { value: 'operating', label: t('sortOperating') },
              { value: 'growth', label: t('sortGrowth') },
            ]}
          />
        </Space>
        <Table
          size="small"
          rowKey={(r) => r.org.id}
          loading={incomes.isFetching}
          dataSource={d?.items ?? []}
          {...phoneListProps(phone, 980)}
          data-testid="economy-villages"
          pagination={{
            current: page,
            pageSize: 15,
            total: d?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => set({ page: p }),
          }}
          columns={
            phone
              ? villagePhoneColumns
              : [
                  {
                    title: t('village'),
                    key: 'v',
                    width: 160,
                    fixed: 'left' as const,
                    render: (_: unknown, r: Income) => shortOrg(r.org.name),
                  },
                  {
                    title: t('operatingCol'),
                    key: 'o',
                    width: 130,
                    align: 'right' as const,
                    render: (_: unknown, r: Income) => money(r, r.operatingFen),
                  },
                  {
                    title: t('totalCol'),
                    key: 't',
                    width: 130,
                    align: 'right' as const,
                    render: (_: unknown, r: Income) => money(r, r.totalFen),
                  },
                  {
                    title: t('net'),
                    key: 'n',
                    width: 130,
                    align: 'right' as const,
                    render: (_: unknown, r: Income) => money(r, r.netFen),
                  },
                  {
                    title: t('distributed'),
                    key: 'd',
                    width: 120,
                    align: 'right' as const,
                    render: (_: unknown, r: Income) => money(r, r.distributedFen),
                  },
                  {
                    title: t('retained'),
                    key: 'r',
                    width: 120,
                    align: 'right' as const,
                    render: (_: unknown, r: Income) => money(r, r.retainedFen),
                  },
                  {
                    title: t('growth'),
                    key: 'g',
                    width: 110,
                    align: 'right' as const,
                    render: (_: unknown, r: Income) => growth(r),
                  },
                  {
                    title: t('band'),
                    key: 'b',
                    width: 130,
                    render: (_: unknown, r: Income) => bandTag(r),
                  },
                ]
          }
        />
      </Card>
    </>
  );
  const e = enterprises.data;
  const enterpriseView = (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('allKinds')}
          value={kind}
          style={{ width: 140 }}
          onChange={(v) => set({ kind: v, epage: undefined })}
          options={['village_company', 'workshop'].map((k) => ({ value: k, label: t(`kind.${k}` as K) }))}
        />
        {(e?.summary ?? []).map((s) => (
          <Tag key={s.kind}>
            {t('summary', {
              kind: t(`kind.${s.kind}` as K),
              count: s.count,
              villages: s.villages,
              jobs: s.jobs,
            })}
          </Tag>
        ))}
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={enterprises.isFetching}
        dataSource={e?.items ?? []}
        {...phoneListProps(phone, 980)}
        data-testid="enterprises"
        pagination={{
          current: ePage,
          pageSize: 10,
          total: e?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => set({ epage: p }),
        }}
        columns={
          phone
            ? enterprisePhoneColumns
            : [
                { title: t('name'), dataIndex: 'name', key: 'n', width: 220 },
                {
                  title: t('kind'),
                  key: 'k',
                  width: 100,
                  render: (_: unknown, r: Enterprise) => t(`kind.${r.kind}` as K),
                },
                {
                  title: t('founder'),
                  key: 'f',
                  width: 140,
                  render: (_: unknown, r: Enterprise) => shortOrg(r.org.name),
                },
                {
                  title: t('joined'),
                  key: 'j',
                  render: (_: unknown, r: Enterprise) => joined(r),
                },
                {
                  title: t('jobs'),
                  key: 'jb',
                  width: 70,
                  align: 'right' as const,
                  render: (_: unknown, r: Enterprise) => r.years.at(-1)?.jobs ?? 0,
                },
                {
                  title: t('revenue'),
                  key: 'rv',
                  width: 130,
                  align: 'right' as const,
                  render: (_: unknown, r: Enterprise) => yuan(r.years.at(-1)?.revenueFen),
                },
                {
                  title: t('dividends'),
                  key: 'dv',
                  width: 130,
                  align: 'right' as const,
                  render: (_: unknown, r: Enterprise) => yuan(r.years.at(-1)?.dividendsFen),
                },
              ]
        }
      />
    </Card>
  );
  const importView = (
    <>
      <IncomeEntry year={year} years={[thisYear, thisYear - 1]} onSaved={saved} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              economyApi
                .template(year)
                .then((name) => feedback.success(t('exported', { name })), feedback.error)
            }
          >
            {t('template')}
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              economyApi.import(file).then((r) => {
                setResult(r);
                saved();
              }, feedback.error);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} data-testid="economy-upload">
              {t('upload')}
            </Button>
          </Upload>
        </Space>
        {result && (
          <>
            <Alert
              type={result.rejected ? 'warning' : 'success'}
              message={t('imported', {
                total: result.total,
                imported: result.imported,
                rejected: result.rejected,
              })}
              style={{ marginBottom: 12 }}
              data-testid="economy-import-result"
            />
            {result.problems.length > 0 && (
              <Table
                size="small"
                rowKey={(p) => `${p.row}-${p.field}-${p.code}`}
                dataSource={result.problems}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: t('row'), dataIndex: 'row', key: 'r', width: 70 },
                  { title: t('field'), dataIndex: 'field', key: 'f', width: 120 },
                  { title: t('problem'), dataIndex: 'message_zh', key: 'm' },
                ]}
              />
            )}
          </>
        )}
      </Card>
    </>
  );
  return (
    <div>
      <PageTitle
        title={`${t('title')}${d && orgId ? ` · ${d.scope.name}` : ''}`}
        extra={
          <Space>
            {orgId && <Button onClick={() => set({ orgId: undefined })}>{t('up')}</Button>}
            <Select
              value={year}
              style={{ width: 120 }}
              onChange={(v) => set({ year: v })}
              options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: t('year', { year: y }) }))}
            />
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'incomes', label: t('incomes'), children: incomeView },
          { key: 'enterprises', label: t('enterprises'), children: enterpriseView },
          ...(can('assessment:manage') ? [{ key: 'import', label: t('import'), children: importView }] : []),
        ]}
      />
    </div>
  );
}
