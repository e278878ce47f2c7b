// The reason for one line's difference: typed in place, saved (stocktake.setReason) on Enter or leaving the field.
import { CheckOutlined, LoadingOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useState } from 'react';
import type { StocktakeLine } from '../../../src/api/contract.stocktake';
import { useI18n } from '../../i18n';

export function ReasonInput({ line, onSave, testId, disabled }: { line: StocktakeLine; onSave(line: StocktakeLine, reason: string): Promise<boolean>; testId: string; disabled?: boolean }) {
  const { t } = useI18n();
  const saved = line.reason ?? '';
  const [text, setText] = useState(saved);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  useEffect(() => setText(saved), [saved]);

  const save = async () => {
    const v = text.trim();
    if (v === saved) return;
    setState('saving');
    const ok = await onSave(line, v);
    setState(ok ? 'saved' : 'error');
  };

  return (
    <Input
      size="small"
      value={text}
      disabled={disabled}
      maxLength={200}
      status={state === 'error' || (!saved && !text) ? (state === 'error' ? 'error' : 'warning') : undefined}
      placeholder={t('stocktake.reasonPlaceholder')}
      onChange={(e) => {
        setText(e.target.value);
        if (state !== 'idle') setState('idle');
      }}
      onBlur={() => void save()}
      onPressEnter={(e) => {
        e.preventDefault();
        void save();
      }}
      suffix={state === 'saving' ? <LoadingOutlined /> : state === 'saved' ? <CheckOutlined className="st-ok" /> : <span />}
      data-testid={testId}
      data-line={line.lineId}
    />
  );
}
