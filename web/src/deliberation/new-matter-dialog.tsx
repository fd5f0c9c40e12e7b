// 新建决策事项: the procedure (四议两公开, or the villager group's), the matter, its category and amount;
// a hint when the matter must go to the villagers' meeting. Opens the new matter's page.

import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import { useFeedback } from '../shell/feedback.ts';
import { deliberationApi } from './deliberation-api.ts';
import { useDeliberationText } from './deliberation-messages.ts';

interface Values {
  template: string;
  title: string;
  category: string;
  amountYuan?: number;
  description?: string;
  gridId?: number;
}

export function NewMatterDialog({ villageId, onClose }: { villageId: number; onClose: () => void }) {
  const { t, lang } = useDeliberationText();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const options = useQuery({
    queryKey: keys.deliberations.options,
    queryFn: () => deliberationApi.options(),
  });
  const grids = useQuery({
    queryKey: keys.map.grids,
    queryFn: () => api.get<{ grids: { id: number; name: string }[] }>('/api/map/grids'),
  });
  const template = Form.useWatch('template', form);
  const category = Form.useWatch('category', form);
  const amount = Form.useWatch('amountYuan', form);
  const o = options.data;
  const reasons: string[] = [];
  const cat = o?.categories.find((c) => c.code === category);
  if (template === 'four_two' && cat?.villagerMeeting) reasons.push(lang === 'en' ? cat.en : cat.zh);
  if (
    template === 'four_two' &&
    o &&
    amount !== undefined &&
    amount !== null &&
    amount * 100 >= o.villagerMeetingAmountFen
  )
    reasons.push(`≥ ${(o.villagerMeetingAmountFen / 100).toLocaleString('zh-CN')} 元`);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const created = await deliberationApi.create({
        orgId: villageId,
        template: v.template,
        title: v.title,
        category: v.category,
        ...(v.amountYuan !== undefined && v.amountYuan !== null
          ? { amountFen: Math.round(v.amountYuan * 100) }
          : {}),
        ...(v.description ? { description: v.description } : {}),
        ...(v.template === 'villager_group' && v.gridId ? { gridId: v.gridId } : {}),
      });
      feedback.success(t('created'));
      navigate(`/deliberations/${created.id}`);
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('newTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ template: 'four_two' }}
        data-testid="new-matter-form"
      >
        <Form.Item
          name="template"
          label={t('fTemplate')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Select
            options={(o?.templates ?? []).map((x) => ({
              value: x.key,
              label: lang === 'en' ? x.nameEn : x.nameZh,
            }))}
            data-testid="matter-template"
          />
        </Form.Item>
        {template === 'villager_group' && (
          <Form.Item name="gridId" label={t('fGroup')} rules={[{ required: true, message: t('required') }]}>
            <Select options={(grids.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('fTitle')}
          rules={[{ required: true, message: t('required') }, { max: 200 }]}
        >
          <Input data-testid="matter-title" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('fCategory')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Select
            options={(o?.categories ?? []).map((c) => ({
              value: c.code,
              label: lang === 'en' ? c.en : c.zh,
            }))}
            data-testid="matter-category"
          />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('fAmount')}>
          <InputNumber
            min={0}
            max={100_000_000}
            precision={2}
            style={{ width: '100%' }}
            data-testid="matter-amount"
          />
        </Form.Item>
        {reasons.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('villagerMeetingHint', { reasons: reasons.join('、') })}
          />
        )}
        <Form.Item name="description" label={t('fDescription')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
