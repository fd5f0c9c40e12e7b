// A village's public page (no sign-in, made for a phone): its office holders (names and posts only),
// what it published — text, place, the notice-board photo — its decisions with the date of each
// step, and villagers' questions with the village's replies; anyone may ask about a published item.

import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Form,
  Image,
  Input,
  Modal,
  Result,
  Space,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { errorText } from '../shell/feedback.ts';
import { type PublicVillage, publicationApi } from './publication-api.ts';

type PublicItem = PublicVillage['items'][number];

function AskDialog({ item, onClose }: { item: PublicItem; onClose: (asked: boolean) => void }) {
  const [form] = Form.useForm<{ question: string; name?: string; phone?: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setProblem(null);
    try {
      const out = await publicationApi.ask(item.id, {
        question: v.question,
        ...(v.name ? { name: v.name } : {}),
        ...(v.phone ? { phone: v.phone } : {}),
      });
      setDue(out.replyDueOn);
    } catch (error) {
      setProblem(errorText(error, 'zh'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`对“${item.title}”提问`}
      onCancel={() => onClose(due !== null)}
      footer={
        due ? (
          <Button type="primary" onClick={() => onClose(true)}>
            知道了
          </Button>
        ) : (
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="ask-submit">
            提交
          </Button>
        )
      }
    >
      {due ? (
        <Result
          status="success"
          title="已提交"
          subTitle={`村里须于 ${due} 前答复，答复将在本页公开。`}
          data-testid="ask-done"
        />
      ) : (
        <Form form={form} layout="vertical">
          <Form.Item
            name="question"
            label="您想了解什么"
            rules={[{ required: true, message: '请填写要询问的内容' }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount data-testid="ask-question" />
          </Form.Item>
          <Form.Item name="name" label="称呼（可不填，不会公开）">
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="phone" label="手机号码（可不填，仅用于联系您，不会公开）">
            <Input maxLength={20} inputMode="tel" data-testid="ask-phone" />
          </Form.Item>
          {problem && <Alert type="error" showIcon message={problem} />}
        </Form>
      )}
    </Modal>
  );
}

function ItemCard({ item, onAsk }: { item: PublicItem; onAsk: () => void }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="public-item">
      <Space wrap style={{ marginBottom: 4 }}>
        <Tag color="red">{item.kindName}</Tag>
        <b>{item.title}</b>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
        {item.content}
      </Typography.Paragraph>
      {item.photoId && (
        <Image
          src={`/api/public/village-photos/${item.photoId}`}
          alt="村务公开栏照片"
          style={{ maxWidth: '100%' }}
          data-testid="public-photo"
        />
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {item.publishedOn} 公开{item.place ? ` · ${item.place}` : ''}
        {item.photoTakenAt
          ? ` · 照片摄于 ${new Date(item.photoTakenAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`
          : ''}
        {item.onTime ? '' : ' · 逾期公开'}
      </Typography.Text>
      {item.questions.map((q) => (
        <div
          key={q.id}
          style={{ marginTop: 8, padding: 8, background: '#fafafa', borderRadius: 6 }}
          data-testid="public-question"
        >
          <div>问：{q.question}</div>
          {q.reply ? (
            <div style={{ color: '#389e0d' }} data-testid="public-reply">
              答：{q.reply}（{q.repliedOn}）
            </div>
          ) : (
            <Typography.Text type={q.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {q.overdue ? `已超过答复期限 ${q.replyDueOn}，尚未答复` : `村里将于 ${q.replyDueOn} 前答复`}
            </Typography.Text>
          )}
        </div>
      ))}
      <Button size="small" style={{ marginTop: 8 }} onClick={onAsk} data-testid="ask-open">
        我要提问
      </Button>
    </Card>
  );
}

export default function PublicVillagePage() {
  const { code = '' } = useParams();
  const page = useQuery({
    queryKey: keys.villageAffairs.publicVillage(code),
    queryFn: () => publicationApi.publicVillage(code),
  });
  const [asking, setAsking] = useState<PublicItem | null>(null);
  const p = page.data;
  if (page.error)
    return (
      <Result
        status="404"
        title={errorText(page.error, 'zh')}
        extra={<Link to="/public/villages">查找其他村（社区）</Link>}
      />
    );
  if (!p) return <Card loading />;
  return (
    <div data-testid="public-village">
      <Typography.Title level={4} style={{ marginBottom: 0 }} data-testid="public-village-name">
        {p.village.name}村务公开
      </Typography.Title>
      <Typography.Text type="secondary">
        {p.village.county} {p.village.town}
      </Typography.Text>
      <Collapse
        style={{ margin: '12px 0' }}
        items={[
          {
            key: 'holders',
            label: `村（社区）“两委”及监委成员（${p.officeHolders.length} 人次）`,
            children: (
              <Descriptions column={1} size="small" data-testid="office-holders">
                {p.officeHolders.map((h) => (
                  <Descriptions.Item key={`${h.post}-${h.name}`} label={h.postName}>
                    {h.name}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ),
          },
        ]}
      />
      <Tabs
        items={[
          {
            key: 'items',
            label: '公开事项',
            children: p.items.length ? (
              p.items.map((i) => <ItemCard key={i.id} item={i} onAsk={() => setAsking(i)} />)
            ) : (
              <Empty description="暂无公开事项" />
            ),
          },
          {
            key: 'decisions',
            label: '决策公开',
            children: p.decisions.length ? (
              p.decisions.map((d) => (
                <Card
                  key={d.id}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={d.title}
                  data-testid="public-decision"
                >
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.templateName} · {d.categoryName}
                  </Typography.Text>
                  <Timeline
                    style={{ marginTop: 8 }}
                    items={d.steps.map((s) => ({
                      key: `${s.nameZh}-${s.heldOn}`,
                      children: `${s.heldOn} ${s.nameZh}`,
                    }))}
                  />
                  {d.resolution && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                      {d.resolution.content}
                    </Typography.Paragraph>
                  )}
                  {d.result && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', color: '#389e0d' }}>
                      {d.result.content}
                    </Typography.Paragraph>
                  )}
                </Card>
              ))
            ) : (
              <Empty description="暂无公开的决策事项" />
            ),
          },
        ]}
      />
      {asking && (
        <AskDialog
          item={asking}
          onClose={(asked) => {
            setAsking(null);
            if (asked) void page.refetch();
          }}
        />
      )}
    </div>
  );
}
