// 我的档案: a member's own membership, its history, the meetings signed in to, dues and training.
// One call: GET /api/me/records.

import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, List, Row, Tag } from 'antd';
import { api } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import { useMeetingText } from '../meetings/meeting-messages.ts';
import { PageSpin } from '../shell/page-spin.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { type MyRecordsMessageKey, useMyRecordsText } from './my-records-messages.ts';

interface MyRecords {
  member: {
    id: number;
    name: string;
    idNumberMasked: string;
    phoneMasked: string;
    status: 'full' | 'probationary';
    joinedOn: string;
    convertedOn: string | null;
    org: { id: number; name: string; code: string };
  };
  history: {
    id: number;
    orgName: string;
    startedOn: string | null;
    endedOn: string | null;
    reason: string;
  }[];
  meetings: {
    attended: number;
    items: { id: number; kind: string; heldOn: string; topic: string; orgName: string; status: string }[];
  };
  dues: { month: string; dueFen: number; paidFen: number; paidOn: string }[];
  training: {
    id: number;
    title: string;
    partySchool: boolean;
    startsOn: string;
    endsOn: string;
    hours: number;
  }[];
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

const ATT_COLOR: Record<string, string> = { present: 'green', absent: 'red', on_leave: 'gold' };

export default function MyRecordsPage() {
  const { t } = useMyRecordsText();
  const { kind } = useMeetingText();
  const {
    data,
    error,
    isFetching: loading,
  } = useQuery({
    queryKey: keys.myRecords,
    queryFn: () => api.get<MyRecords>('/api/me/records'),
  });
  if (error) return <Alert type="error" showIcon message={String((error as Error).message ?? error)} />;
  if (loading || !data) return <PageSpin />;
  const m = data.member;
  return (
    <div data-testid="my-records">
      <PageTitle title={t('r.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('r.membership')} data-testid="records-membership">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('r.name')}>{m.name}</Descriptions.Item>
              <Descriptions.Item label={t('r.org')}>{m.org.name}</Descriptions.Item>
              <Descriptions.Item label={t('r.status')}>
                {t(`r.status.${m.status}` as MyRecordsMessageKey)}
              </Descriptions.Item>
              <Descriptions.Item label={t('r.joinedOn')}>{m.joinedOn}</Descriptions.Item>
              <Descriptions.Item label={t('r.convertedOn')}>{m.convertedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('r.idNumber')}>{m.idNumberMasked}</Descriptions.Item>
              <Descriptions.Item label={t('r.phone')}>{m.phoneMasked}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('r.history')}>
            {data.history.length === 0 ? (
              <div>{t('r.historyNone')}</div>
            ) : (
              <List
                size="small"
                dataSource={data.history}
                renderItem={(h) => (
                  <List.Item>
                    {h.startedOn ?? '—'} – {h.endedOn ?? ''} · {h.orgName} ·{' '}
                    {t(`r.reason.${h.reason}` as MyRecordsMessageKey)}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('r.meetings')}
            extra={t('r.attended', { n: data.meetings.attended })}
            data-testid="records-meetings"
          >
            {data.meetings.items.length === 0 ? (
              <div>{t('r.meetingsNone')}</div>
            ) : (
              <List
                size="small"
                dataSource={data.meetings.items}
                renderItem={(x) => (
                  <List.Item
                    extra={
                      <Tag color={ATT_COLOR[x.status]}>{t(`r.att.${x.status}` as MyRecordsMessageKey)}</Tag>
                    }
                  >
                    {x.heldOn} · {kind(x.kind)} · {x.topic}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('r.dues')} data-testid="records-dues">
            {data.dues.length === 0 ? (
              <div>{t('r.duesNone')}</div>
            ) : (
              <List
                size="small"
                dataSource={data.dues}
                renderItem={(d) => (
                  <List.Item
                    extra={
                      d.paidFen >= d.dueFen ? (
                        <Tag color="green">{t('r.paid')}</Tag>
                      ) : (
                        <Tag color="red">{t('r.owing')}</Tag>
                      )
                    }
                  >
                    {d.month} ·{' '}
                    {t('r.duesLine', { due: yuan(d.dueFen), paid: yuan(d.paidFen), on: d.paidOn })}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card size="small" title={t('r.training')} style={{ marginTop: 16 }} data-testid="records-training">
            {data.training.length === 0 ? (
              <div>{t('r.trainingNone')}</div>
            ) : (
              <List
                size="small"
                dataSource={data.training}
                renderItem={(c) => (
                  <List.Item extra={t('r.hours', { n: c.hours })}>
                    {c.startsOn} – {c.endsOn} · {c.title}
                    {c.partySchool && <Tag color="red">{t('r.partySchool')}</Tag>}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
