// The form of one case action (from the case's allowedActions), sent with the case's version.

import { useQuery } from '@tanstack/react-query';
import { Alert, Cascader, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import type {
  CaseAction,
  CaseDetail,
  CaseTransitionInput,
  Department,
  Evaluation,
  LimitUnit,
  RejectReason,
  SupervisionLevel,
} from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from '../shell/feedback.ts';
import { caseIdByNumber, categoriesQuery, loadDepartments, transition, uploadDataUrl } from './case-api.ts';
import { useClassifierText } from './classifier-messages.ts';
import { SuggestionPanel, useCaseSuggestion } from './classifier-panel.tsx';
import {
  ACTION_NAMES,
  EVALUATION_NAMES,
  LIMIT_UNIT_NAMES,
  REJECT_REASON_NAMES,
  SUPERVISION_NAMES,
} from './names.ts';
import { PhotoInput } from './parts.tsx';
import { categoryOptions } from './report-form.tsx';

const NOTE_REQUIRED: readonly CaseAction[] = [
  'reject',
  'resolve_on_spot',
  'return',
  'request_extension',
  'deny_extension',
  'escalate',
  'whistle',
  'feedback',
  'verify_fail',
  'reopen',
];
const PHOTOS_REQUIRED: readonly CaseAction[] = ['resolve_on_spot', 'feedback'];
const PHOTOS_ALLOWED: readonly CaseAction[] = [...PHOTOS_REQUIRED, 'verify_pass', 'verify_fail', 'return'];

interface Values {
  note?: string;
  category?: string[];
  departmentId?: number;
  departmentIds?: number[];
  rejectReason?: RejectReason;
  duplicateCaseNo?: string;
  extensionAmount?: number;
  extensionUnit?: LimitUnit;
  evaluation?: Evaluation;
  supervision?: SupervisionLevel;
}

function useDepartments(detail: { id: number; title: string } | null, enabled: boolean) {
  return useQuery({
    queryKey: keys.departments(detail?.id),
    queryFn: (): Promise<Department[]> => (detail ? loadDepartments(detail) : Promise.resolve([])),
    enabled,
  });
}

export function ActionDialog({
  detail,
  action,
  presetCategory = null,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  action: CaseAction | null;
  /** A category chosen from the suggestions before the dialog opened (file). */
  presetCategory?: string | null;
  onClose: () => void;
  /** The case as the server answered, or null when it must be reloaded (a conflict). */
  onDone: (next: CaseDetail | null, error?: ApiError) => void;
}) {
  const { t, name, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const needsDepartments = action === 'dispatch' || action === 'whistle';
  const departments = useDepartments(detail, needsDepartments);
  const needsCategories = action === 'file';
  const catalog = useQuery({ ...categoriesQuery, enabled: needsCategories });
  const rejectReason = Form.useWatch('rejectReason', form);
  const suggestText = useClassifierText().t;
  const suggestion = useCaseSuggestion(detail, action === 'file' || action === 'reject');
  const applyCategory = (code: string) => form.setFieldValue('category', [code.split('-')[0], code]);
  const departmentOptions = useMemo(
    () => (departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
    [departments.data],
  );

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setPhotos([]);
    setError(null);
    const category = action === 'file' ? (presetCategory ?? detail.categoryCode) : null;
    if (category) form.setFieldValue('category', [category.split('-')[0], category]);
    if (action === 'request_extension') {
      form.setFieldsValue({ extensionAmount: 2, extensionUnit: 'workday' });
    }
  }, [action, detail.categoryCode, presetCategory, form]);

  if (!action) return null;
  const title = name(ACTION_NAMES, action);

  async function submit(values: Values) {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const input: CaseTransitionInput = { action, version: detail.version };
      if (values.note?.trim()) input.note = values.note.trim();
      if (values.category?.[1]) input.categoryCode = values.category[1];
      if (values.departmentId) input.departmentId = values.departmentId;
      if (values.departmentIds?.length) input.departmentIds = values.departmentIds;
      if (values.rejectReason) input.rejectReason = values.rejectReason;
      if (values.rejectReason === 'duplicate' && values.duplicateCaseNo) {
        const id = await caseIdByNumber(values.duplicateCaseNo);
        if (!id) {
          setError(new Error(t('form.duplicateNotFound', { caseNo: values.duplicateCaseNo })));
          return;
        }
        input.duplicateOf = id;
      }
      if (values.extensionAmount && values.extensionUnit) {
        input.extension = { amount: values.extensionAmount, unit: values.extensionUnit };
      }
      if (values.evaluation) input.evaluation = values.evaluation;
      if (values.supervision && values.supervision !== 'none') input.supervision = values.supervision;
      if (photos.length) {
        const ids = [];
        for (const p of photos) ids.push((await uploadDataUrl(p)).id);
        input.attachments = ids;
      }
      const next = await transition(detail.id, input);
      onDone(next);
    } catch (err) {
      setError(err);
      if (
        err instanceof ApiError &&
        (err.code === 'VERSION_CONFLICT' || err.code === 'TRANSITION_NOT_ALLOWED')
      ) {
        onDone(null, err);
      }
    } finally {
      setBusy(false);
    }
  }

  const noteRequired = NOTE_REQUIRED.includes(action);
  return (
    <Modal
      open
      title={`${title} · ${detail.caseNo}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={title}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'action-submit' } as never}
      data-testid="action-dialog"
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {action === 'file' && (
          <Form.Item
            name="category"
            label={t('form.category')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Cascader options={categoryOptions(catalog.data)} showSearch data-testid="action-category" />
          </Form.Item>
        )}
        {action === 'file' && suggestion.data && (
          <div style={{ marginBottom: 12 }} data-testid="action-suggestion">
            <SuggestionPanel
              suggestion={suggestion.data}
              onUseCategory={applyCategory}
              located={detail.lng !== null && detail.lat !== null}
            />
          </div>
        )}
        {action === 'reject' && (
          <>
            <Form.Item
              name="rejectReason"
              label={t('form.rejectReason')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Radio.Group data-testid="action-reject-reason">
                {(Object.keys(REJECT_REASON_NAMES) as RejectReason[]).map((r) => (
                  <Radio key={r} value={r}>
                    {name(REJECT_REASON_NAMES, r)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            {rejectReason === 'duplicate' && (
              <Form.Item
                name="duplicateCaseNo"
                label={t('form.duplicateOf')}
                rules={[{ required: true, whitespace: true, message: t('form.required') }]}
              >
                <Input data-testid="action-duplicate" />
              </Form.Item>
            )}
            {rejectReason === 'duplicate' && suggestion.data && suggestion.data.duplicates.length > 0 && (
              <div style={{ marginBottom: 12 }} data-testid="action-suggestion">
                <SuggestionPanel
                  suggestion={suggestion.data}
                  duplicatesOnly
                  duplicateAction={{
                    label: suggestText('suggest.pickDuplicate'),
                    run: (d) => form.setFieldValue('duplicateCaseNo', d.caseNo),
                  }}
                />
              </div>
            )}
          </>
        )}
        {action === 'dispatch' && (
          <Form.Item
            name="departmentId"
            label={t('form.department')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={departmentOptions}
              loading={departments.isFetching}
              notFoundContent={t('cases.noDepartments')}
              data-testid="action-department"
            />
          </Form.Item>
        )}
        {action === 'whistle' && (
          <Form.Item
            name="departmentIds"
            label={t('form.departments')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={departmentOptions}
              loading={departments.isFetching}
              notFoundContent={t('cases.noDepartments')}
              data-testid="action-departments"
            />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Form.Item label={t('form.extension')} required>
            <Space.Compact>
              <Form.Item name="extensionAmount" noStyle rules={[{ required: true }]}>
                <InputNumber min={0.5} step={0.5} data-testid="action-extension-amount" />
              </Form.Item>
              <Form.Item name="extensionUnit" noStyle rules={[{ required: true }]}>
                <Select
                  style={{ width: 140 }}
                  options={(Object.keys(LIMIT_UNIT_NAMES) as LimitUnit[]).map((u) => ({
                    value: u,
                    label: name(LIMIT_UNIT_NAMES, u),
                  }))}
                  data-testid="action-extension-unit"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        )}
        {action === 'evaluate' && (
          <Form.Item
            name="evaluation"
            label={t('form.evaluation')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="action-evaluation">
              {(Object.keys(EVALUATION_NAMES) as Evaluation[]).map((e) => (
                <Radio key={e} value={e}>
                  <span data-testid={`evaluation-${e}`}>{name(EVALUATION_NAMES, e)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        {action === 'supervise' && (
          <Form.Item
            name="supervision"
            label={t('form.supervision')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Radio.Group data-testid="action-supervision">
              {(['ordinary', 'yellow', 'red'] as SupervisionLevel[]).map((s) => (
                <Radio key={s} value={s}>
                  {name(SUPERVISION_NAMES, s)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('form.note')}
          rules={noteRequired ? [{ required: true, whitespace: true, message: t('form.required') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="action-note" />
        </Form.Item>
        {PHOTOS_ALLOWED.includes(action) && (
          <Form.Item label={t('form.photos')} required={PHOTOS_REQUIRED.includes(action)}>
            <PhotoInput value={photos} onChange={setPhotos} testId="action-photos" />
          </Form.Item>
        )}
      </Form>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={
            error instanceof Error && !(error instanceof ApiError) ? error.message : errorText(error, lang)
          }
          data-testid="action-error"
        />
      ) : null}
    </Modal>
  );
}
