// Import of members from the Excel template: download the template, pick the file and the mode
// (all or nothing / keep the good rows), then every wrong row is listed with its reason.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Radio, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, api, download } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useFeedback } from '../shell/feedback.ts';
import { memberImportMessages } from './member-import-messages.ts';

interface Problem {
  row: number;
  field: string;
  code: string;
  message_zh: string;
  message_en: string;
}
interface Result {
  total: number;
  imported: number;
  rejected: number;
  problems: Problem[];
  written: boolean;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function MemberImportDialog(props: {
  orgId: number;
  open: boolean;
  onClose(imported: boolean): void;
}) {
  const { lang } = useI18n();
  const m = memberImportMessages[lang];
  const feedback = useFeedback();
  const [mode, setMode] = useState<'all_or_nothing' | 'keep_good'>('all_or_nothing');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [imported, setImported] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fill = (text: string, r: Result) =>
    text.replace(/\{(\w+)\}/g, (_, k: string) => String(r[k as keyof Result] ?? ''));

  const send = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const body = new Blob([await file.arrayBuffer()], { type: XLSX });
      const r = await api.upload<Result>(`/api/orgs/${props.orgId}/members/import`, body, { mode });
      setResult(r);
      if (r.imported > 0) setImported(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MEMBER_IMPORT_HAS_BAD_ROWS') {
        const d = error.details as { problems: Problem[]; total: number };
        setResult({
          total: d.total,
          imported: 0,
          rejected: new Set(d.problems.map((p) => p.row)).size,
          problems: d.problems,
          written: false,
        });
      } else feedback.error(error);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Modal
      open={props.open}
      title={m.title}
      width={760}
      footer={null}
      onCancel={() => {
        setResult(null);
        props.onClose(imported);
        setImported(false);
      }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text>{m.step1}</Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          data-testid="member-import-template"
          onClick={() =>
            download(
              `/api/orgs/${props.orgId}/members/import-template.xlsx`,
              undefined,
              'template.xlsx',
            ).catch((e: unknown) => feedback.error(e))
          }
        >
          {m.template}
        </Button>
        <Typography.Text>{m.step2}</Typography.Text>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} data-testid="member-import-mode">
          <Space direction="vertical">
            <Radio value="all_or_nothing">{m.allOrNothing}</Radio>
            <Radio value="keep_good">{m.keepGood}</Radio>
          </Space>
        </Radio.Group>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          style={{ display: 'none' }}
          data-testid="member-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send(file);
          }}
        />
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={busy}
          onClick={() => input.current?.click()}
        >
          {busy ? m.importing : m.choose}
        </Button>
        {result && (
          <Alert
            data-testid="member-import-result"
            type={result.problems.length === 0 ? 'success' : result.written ? 'warning' : 'error'}
            message={fill(result.written || result.problems.length === 0 ? m.done : m.noneWritten, result)}
          />
        )}
        {result && result.problems.length > 0 && (
          <Table<Problem>
            size="small"
            rowKey={(p) => `${p.row}-${p.field}-${p.code}`}
            dataSource={result.problems}
            pagination={{ pageSize: 8, size: 'small' }}
            data-testid="member-import-problems"
            columns={[
              { title: m.row, dataIndex: 'row', width: 70 },
              { title: m.problem, render: (_, p) => (lang === 'zh' ? p.message_zh : p.message_en) },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
