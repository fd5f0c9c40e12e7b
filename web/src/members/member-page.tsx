// 党员档案: one member's details (ID and phone masked, revealed on request and audited), the org and
// the chain above it, the membership history as a timeline, transfer letters and the recruitment.
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { GENDER_NAMES, MEMBER_STATUS_NAMES } from '../i18n/messages.ts';
import { errorText } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { type TransferMessageKey, useTransferText } from '../transfers/transfer-messages.ts';
import { MaskedValue } from './masked-value.tsx';
import { type MemberProfile, memberApi } from './member-api.ts';
import { EditMemberDialog } from './member-form-dialog.tsx';
import {
  EDUCATION_NAMES,
  type MemberMessageKey,
  OCCUPATION_NAMES,
  useMemberText,
} from './member-messages.ts';

const TRANSFER_COLOR: Record<string, string> = {
  issued: 'blue',
  received: 'gold',
  receipt_returned: 'green',
  withdrawn: 'default',
  refused: 'red',
  expired: 'volcano',
};

function History({ profile }: { profile: MemberProfile }) {
  const { t } = useMemberText();
  return (
    <Timeline
      data-testid="member-history"
      items={[...profile.history].reverse().map((h) => ({
        color: h.endedOn ? 'gray' : 'red',
        children: (
          <div>
            <div style={{ fontWeight: 500 }}>
              <Link to={`/orgs/${h.orgId}`}>{h.orgName}</Link>{' '}
              <Tag>{t(`p.reason.${h.reason}` as MemberMessageKey)}</Tag>
            </div>
            <div style={{ color: '#8c8c8c', fontSize: 13 }}>
              {h.endedOn
                ? t('p.period', { from: h.startedOn ?? '—', to: h.endedOn })
                : t('p.since', { from: h.startedOn ?? '—' })}
              {!h.recorded && ` ${t('p.historyDerived')}`}
            </div>
          </div>
        ),
      }))}
    />
  );
}

function Transfers({ profile }: { profile: MemberProfile }) {
  const { t } = useMemberText();
  const transfer = useTransferText();
  if (profile.transfers.length === 0) return <span style={{ color: '#8c8c8c' }}>{t('p.noTransfers')}</span>;
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      data-testid="member-transfers"
      dataSource={profile.transfers}
      columns={[
        { title: t('p.letterNo'), dataIndex: 'letterNo' },
        {
          title: t('p.fromTo'),
          render: (_, r) => `${r.fromOrgName} → ${r.toOrgName}`,
          ellipsis: true,
        },
        { title: t('p.issuedOn'), dataIndex: 'issuedOn', width: 110 },
        {
          title: t('p.state'),
          dataIndex: 'state',
          width: 130,
          render: (s: string) => (
            <Tag color={TRANSFER_COLOR[s]}>{transfer.t(`t.state.${s}` as TransferMessageKey)}</Tag>
          ),
        },
      ]}
    />
  );
}

export default function MemberPage() {
  const { id } = useParams();
  const memberId = Number(id);
  const navigate = useNavigate();
  const { t, lang } = useMemberText();
  const { name } = useI18n();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  // a saved edit hides revealed values again (the number may have changed behind the same mask)
  const [version, setVersion] = useState(0);
  const valid = Number.isInteger(memberId) && memberId > 0;
  const invalidate = useInvalidate();
  const loaded = useQuery({
    queryKey: keys.members.profile(memberId),
    queryFn: () => memberApi.profile(memberId),
    enabled: valid,
  });

  if (!valid || (loaded.error instanceof ApiError && loaded.error.status === 404))
    return <Result status="404" title={t('p.notFound')} data-testid="member-not-found" />;
  if (loaded.error) return <Result status="error" title={errorText(loaded.error, lang)} />;
  const p = loaded.data?.id === memberId ? loaded.data : undefined;
  if (!p) return <Skeleton active paragraph={{ rows: 10 }} />;
  const dash = '—';

  return (
    <div data-testid="member-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          ...p.org.chain.map((o) => ({ title: o.name })),
          { title: <Link to={`/orgs/${p.org.id}`}>{p.org.name}</Link> },
          { title: p.name },
        ]}
      />
      <PageTitle
        title={
          <span>
            <span data-testid="member-name">{p.name}</span>{' '}
            <Tag color={p.status === 'full' ? 'red' : 'orange'}>{name(MEMBER_STATUS_NAMES, p.status)}</Tag>
          </span>
        }
        extra={
          <>
            <Button onClick={() => navigate(`/orgs/${p.org.id}`)}>{t('p.back')}</Button>{' '}
            {can('member:manage') && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                data-testid="member-edit"
              >
                {t('p.edit')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card variant="borderless" title={t('p.basic')}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="middle"
              bordered
              data-testid="member-descriptions"
              styles={{ label: { whiteSpace: 'nowrap', width: 104 } }}
            >
              <Descriptions.Item label={t('p.name')}>{p.name}</Descriptions.Item>
              <Descriptions.Item label={t('p.gender')}>{name(GENDER_NAMES, p.gender)}</Descriptions.Item>
              <Descriptions.Item label={t('p.ethnicity')}>{p.ethnicity}</Descriptions.Item>
              <Descriptions.Item label={t('p.birthDate')}>{p.birthDate}</Descriptions.Item>
              <Descriptions.Item label={t('p.idNumber')}>
                <MaskedValue
                  key={`id-${version}`}
                  memberId={p.id}
                  field="idNumber"
                  masked={p.idNumberMasked}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('p.phone')}>
                <MaskedValue key={`phone-${version}`} memberId={p.id} field="phone" masked={p.phoneMasked} />
              </Descriptions.Item>
              <Descriptions.Item label={t('p.education')}>
                <span data-testid="member-education">{name(EDUCATION_NAMES, p.education)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('p.occupation')}>
                {name(OCCUPATION_NAMES, p.occupation)}
              </Descriptions.Item>
              <Descriptions.Item label={t('p.status')}>
                {name(MEMBER_STATUS_NAMES, p.status)}
              </Descriptions.Item>
              <Descriptions.Item label={t('p.joinedOn')}>{p.joinedOn}</Descriptions.Item>
              <Descriptions.Item label={t('p.convertedOn')}>{p.convertedOn ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('p.org')}>
                <Link to={`/orgs/${p.org.id}`}>{p.org.name}</Link>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card variant="borderless" title={t('p.transfers')} style={{ marginTop: 16 }}>
            <Transfers profile={p} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card variant="borderless" title={t('p.history')}>
            <History profile={p} />
          </Card>
          <Card variant="borderless" title={t('p.recruitment')} style={{ marginTop: 16 }}>
            {p.recruitment && can('recruitment:manage') ? (
              <Link to={`/recruitment/${p.recruitment.id}`} data-testid="member-recruitment">
                {t('p.recruitmentLink', { on: p.recruitment.appliedOn })}
              </Link>
            ) : p.recruitment ? (
              t('p.recruitmentLink', { on: p.recruitment.appliedOn })
            ) : (
              <span style={{ color: '#8c8c8c' }}>{t('p.noRecruitment')}</span>
            )}
          </Card>
        </Col>
      </Row>
      {editing && (
        <EditMemberDialog
          member={p}
          open={editing}
          onClose={(saved) => {
            setEditing(false);
            if (!saved) return;
            setVersion((v) => v + 1);
            // the profile and every member list that shows the member
            void invalidate(keys.members.all, keys.orgs.all);
          }}
        />
      )}
    </div>
  );
}
