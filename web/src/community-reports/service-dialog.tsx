// A report's services: the drawer with the list (newest first) and the dialog that records one
// (date inside the report's year, 0.5–24 hours, what was done).

import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Drawer, Empty, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { communityApi, type Report, type Service } from './community-report-api.ts';
import { useCommunityText } from './community-report-messages.ts';

/** Today, or the last day of a past report year. */
const defaultDay = (year: number) => (dayjs().year() > year ? dayjs(`${year}-12-31`) : dayjs());

export function ServiceDialog(props: { report: Report | null; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useCommunityText();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ servedOn: Dayjs; hours: number; content: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const r = props.report;
  const submit = async () => {
    if (!r) return;
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      await communityApi.addService({
        reportId: r.id,
        servedOn: v.servedOn.format('YYYY-MM-DD'),
        hours: v.hours,
        content: v.content.trim(),
      });
      feedback.success(t('cr.done'));
      form.resetFields();
      props.onDone();
    } catch (error) {
      setRefusal(errorText(error, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={r !== null}
      title={r ? `${t('cr.recordService')} · ${r.reporter.name}` : ''}
      onCancel={() => {
        setRefusal(null);
        props.onClose();
      }}
      onOk={submit}
      okButtonProps={{ 'data-testid': 'cr-service-submit' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      {r && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ servedOn: defaultDay(r.year), hours: 2 }}
          preserve={false}
        >
          <Form.Item name="servedOn" label={t('cr.svc.servedOn')} rules={[{ required: true }]}>
            <DatePicker
              format="YYYY-MM-DD"
              allowClear={false}
              disabledDate={(d) =>
                d.isAfter(dayjs(), 'day') || d.year() !== r.year || d.isBefore(dayjs(r.reportedOn), 'day')
              }
            />
          </Form.Item>
          <Form.Item name="hours" label={t('cr.svc.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={24} step={0.5} data-testid="cr-service-hours" />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('cr.svc.content')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={500} placeholder={t('cr.svc.contentHint')} data-testid="cr-service-content" />
          </Form.Item>
        </Form>
      )}
      {refusal && (
        <div role="alert" style={{ color: '#cf1322' }}>
          {refusal}
        </div>
      )}
    </Modal>
  );
}

export function ServicesDrawer(props: {
  report: Report | null;
  onRecord: (r: Report) => void;
  onClose: () => void;
}) {
  const { t } = useCommunityText();
  const id = props.report?.id ?? 0;
  const detail = useQuery({
    queryKey: keys.communityReports.services(id),
    queryFn: () => communityApi.services(id),
    enabled: id > 0,
  });
  const r = detail.data?.report ?? props.report;
  return (
    <Drawer
      open={props.report !== null}
      onClose={props.onClose}
      width={560}
      title={r ? `${t('cr.services')} · ${r.reporter.name}` : ''}
      extra={
        r && (
          <Button type="primary" onClick={() => props.onRecord(r)}>
            {t('cr.recordService')}
          </Button>
        )
      }
    >
      {r && (
        <p>
          <Tag>{t(`cr.kind.${r.reporterKind}`)}</Tag>
          {r.community.name} · {r.reportedOn} ·{' '}
          <span data-testid="cr-services-total">{t('cr.svc.total', { n: r.serviceCount, h: r.hours })}</span>
        </p>
      )}
      <Table<Service>
        rowKey="id"
        size="small"
        loading={detail.isFetching}
        dataSource={detail.data?.services ?? []}
        locale={{ emptyText: <Empty description={t('cr.svc.none')} /> }}
        pagination={false}
        columns={[
          { title: t('cr.svc.servedOn'), dataIndex: 'servedOn', width: 110 },
          { title: t('cr.svc.hours'), dataIndex: 'hours', width: 90 },
          { title: t('cr.svc.content'), dataIndex: 'content' },
          {
            title: t('cr.svc.recordedBy'),
            dataIndex: 'recordedBy',
            width: 120,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </Drawer>
  );
}
