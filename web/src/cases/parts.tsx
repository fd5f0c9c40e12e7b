import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Image, Space, Tag, Tooltip } from 'antd';
import { useRef } from 'react';
import type { CaseState, Light, SupervisionLevel } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { attachmentUrl, readAsDataUrl } from './case-api.ts';
import { LIGHT_COLORS, LIGHT_NAMES, STATE_COLORS, STATE_NAMES, SUPERVISION_NAMES } from './names.ts';
import './cases.css';

export function LightDot({ light }: { light: Light | null | undefined }) {
  const { name } = useI18n();
  if (!light) return <span className="qj-light qj-light-none" />;
  return (
    <Tooltip title={name(LIGHT_NAMES, light)}>
      <span
        className="qj-light"
        style={{ background: LIGHT_COLORS[light] }}
        data-testid="case-light"
        data-light={light}
        role="img"
        aria-label={name(LIGHT_NAMES, light)}
      />
    </Tooltip>
  );
}

const SUPERVISION_COLORS: Record<SupervisionLevel, string> = {
  none: 'default',
  ordinary: 'blue',
  yellow: 'gold',
  red: 'red',
};

export function SupervisionTag({ level }: { level: SupervisionLevel | null | undefined }) {
  const { name } = useI18n();
  if (!level || level === 'none') return null;
  return (
    <Tag color={SUPERVISION_COLORS[level]} data-testid="case-supervision">
      {name(SUPERVISION_NAMES, level)}
    </Tag>
  );
}

export function StateTag({ state, label }: { state: CaseState; label?: string }) {
  const { name, lang } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="case-state" data-state={state}>
      {lang === 'zh' && label ? label : name(STATE_NAMES, state)}
    </Tag>
  );
}

export function Photos({ ids }: { ids: readonly (number | string)[] }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8}>
        {ids.map((id) => (
          <Image
            key={String(id)}
            src={attachmentUrl(id)}
            width={96}
            height={96}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            data-testid="case-photo"
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

const MAX_BYTES = 5 * 1024 * 1024;

/** Photos from the camera (on phones) or files, kept as data URLs until they are uploaded. */
export function PhotoInput({
  value,
  onChange,
  onTooLarge,
  testId = 'photo-input',
}: {
  value: string[];
  onChange: (next: string[]) => void;
  onTooLarge?: (name: string) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="qj-photo-input">
      {value.map((url, i) => (
        <div key={url.slice(-40) + String(i)} className="qj-photo-thumb">
          <img src={url} alt="" />
          <button
            type="button"
            aria-label="remove"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            className="qj-photo-remove"
          >
            <CloseOutlined />
          </button>
        </div>
      ))}
      <Button
        icon={<CameraOutlined />}
        className="qj-photo-add"
        onClick={() => input.current?.click()}
        data-testid={`${testId}-button`}
      >
        {t('form.addPhoto')}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={async (event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          const added: string[] = [];
          for (const file of files) {
            if (file.size > MAX_BYTES) {
              onTooLarge?.(file.name);
              continue;
            }
            added.push(await readAsDataUrl(file));
          }
          if (added.length) onChange([...value, ...added]);
        }}
      />
    </div>
  );
}
