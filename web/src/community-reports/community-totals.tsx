// The year's figures: the cards above the page (reporters, hours, the target, the assessments) and,
// above a community, the table per community with its own figures.
import { Button, Card, Input, Progress, Statistic, Table, Tag } from 'antd';
import { formatCount } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { ASSESSMENTS, type ByCommunity, type Figures } from './community-report-api.ts';
import { useCommunityText } from './community-report-messages.ts';
import { ASSESSMENT_COLOR } from './report-table.tsx';

/** The assessments given (only those that occur), and how many are not assessed yet. */
function AssessmentTags({ f }: { f: Figures }) {
  const { t } = useCommunityText();
  return (
    <span className="qj-cr-tags">
      {ASSESSMENTS.filter((a) => f.assessments[a] > 0).map((a) => (
        <Tag key={a} color={ASSESSMENT_COLOR[a]}>
          {t(`cr.a.${a}`)} {f.assessments[a]}
        </Tag>
      ))}
      {(f.assessments.none > 0 || f.reporters === 0) && (
        <Tag>
          {t('cr.a.none')} {f.assessments.none}
        </Tag>
      )}
    </span>
  );
}

export function SummaryCards({ data }: { data: ByCommunity }) {
  const { t } = useCommunityText();
  const f = data.totals;
  const rate = f.members ? Math.round((f.membersMeetingTarget / f.members) * 100) : 0;
  const cards = [
    ...(data.myCommunity
      ? []
      : [{ key: 'communities', title: t('cr.stat.communities'), value: f.communities }]),
    { key: 'members', title: t('cr.stat.members'), value: f.members },
    { key: 'units', title: t('cr.stat.units'), value: f.units },
    { key: 'hours', title: t('cr.stat.hours'), value: f.hours, precision: 1 },
  ];
  return (
    <div className="qj-cr-cards">
      {cards.map((c) => (
        <Card size="small" key={c.key} data-testid={`cr-stat-${c.key}`}>
          <Statistic title={c.title} value={c.value} precision={c.precision} />
        </Card>
      ))}
      <Card size="small" data-testid="cr-stat-meeting">
        <Statistic
          title={t('cr.stat.meeting', { n: data.targetHours })}
          value={f.membersMeetingTarget}
          suffix={`/ ${formatCount(f.members)}`}
        />
        <Progress percent={rate} size="small" showInfo={false} />
      </Card>
      <Card size="small" data-testid="cr-stat-assessments">
        <div className="qj-cr-card-title">{t('cr.stat.assessments')}</div>
        <AssessmentTags f={f} />
        <div className="qj-cr-muted">
          {t('cr.stat.inactive')} {f.inactive}
        </div>
      </Card>
    </div>
  );
}

export function CommunityTotalsTable(props: {
  data: ByCommunity | undefined;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  onSearch: (q: string) => void;
  onOpen: (community: { id: number; name: string }) => void;
}) {
  const { t } = useCommunityText();
  const phone = usePhone();
  type Row = ByCommunity['items'][number];
  const meetingTitle = t('cr.stat.meeting', { n: props.data?.targetHours ?? 12 });
  const name = (r: Row) => (
    <Button
      type="link"
      size="small"
      title={r.community.name}
      onClick={() => props.onOpen(r.community)}
      style={phone ? { padding: 0 } : undefined}
    >
      {r.community.shortName}
    </Button>
  );
  const open = (r: Row) => (
    <Button size="small" onClick={() => props.onOpen(r.community)}>
      {t('cr.openList')}
    </Button>
  );
  // a phone shows one column: the community, its town, its figures on short lines, the assessments, open
  const phoneColumns = [
    {
      title: t('cr.col.community'),
      key: 'community',
      render: (_: unknown, r: Row) => (
        <PhoneItem>
          <span>{name(r)}</span>
          <PhoneLine>{r.community.townName}</PhoneLine>
          <PhoneLine>
            {t('cr.kind.member')} {r.members} · {t('cr.kind.unit')} {r.units}
          </PhoneLine>
          <PhoneLine>
            {t('cr.col.hours')} {r.hours}
          </PhoneLine>
          <PhoneLine>
            {meetingTitle} {r.membersMeetingTarget} / {r.members}
          </PhoneLine>
          <AssessmentTags f={r} />
          {open(r)}
        </PhoneItem>
      ),
    },
  ];
  return (
    <div>
      <div className="qj-cr-toolbar">
        <Input.Search
          allowClear
          placeholder={t('cr.communitySearch')}
          style={{ width: 240 }}
          onSearch={(v) => props.onSearch(v.trim())}
          data-testid="cr-community-search"
        />
      </div>
      <Table<Row>
        rowKey={(r) => r.community.id}
        size="middle"
        data-testid="cr-totals-table"
        loading={props.loading}
        dataSource={props.data?.items ?? []}
        pagination={{
          current: props.page,
          pageSize: props.data?.pageSize ?? 20,
          total: props.data?.total ?? 0,
          showSizeChanger: false,
          onChange: props.onPage,
        }}
        {...phoneListProps(phone, 1100)}
        columns={
          phone
            ? phoneColumns
            : [
                { title: t('cr.col.community'), key: 'community', render: (_: unknown, r: Row) => name(r) },
                {
                  title: t('cr.col.town'),
                  key: 'town',
                  ellipsis: true,
                  render: (_: unknown, r: Row) => r.community.townName,
                },
                { title: t('cr.kind.member'), dataIndex: 'members', width: 100, align: 'right' as const },
                { title: t('cr.kind.unit'), dataIndex: 'units', width: 110, align: 'right' as const },
                { title: t('cr.col.hours'), dataIndex: 'hours', width: 130, align: 'right' as const },
                {
                  title: meetingTitle,
                  key: 'meeting',
                  width: 170,
                  render: (_: unknown, r: Row) => `${r.membersMeetingTarget} / ${r.members}`,
                },
                {
                  title: t('cr.col.assessment'),
                  key: 'assessments',
                  render: (_: unknown, r: Row) => <AssessmentTags f={r} />,
                },
                {
                  title: t('cr.col.actions'),
                  key: 'open',
                  width: 110,
                  render: (_: unknown, r: Row) => open(r),
                },
              ]
        }
      />
    </div>
  );
}
