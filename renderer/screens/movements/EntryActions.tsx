// Under a document: save (which asks for confirmation), 清空 (which asks first), the draft's state and the keys.
import { type ButtonProps, Button, Popconfirm, Space, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { DocumentEntry } from './useDocumentEntry';

export function EntryActions({ entry, submitLabel, testId }: { entry: DocumentEntry; submitLabel: string; testId: string }) {
  const { t } = useI18n();
  const { state } = entry.draft;
  return (
    <div className="form-actions entry-actions">
      <Space>
        <Button type="primary" onClick={entry.save} loading={entry.busy} data-testid={testId} title={t('entry.saveHint')}>
          {submitLabel}
        </Button>
        <Popconfirm
          title={t('entry.clearTitle')}
          description={t('entry.clearBody')}
          okText={t('entry.clearOk')}
          okButtonProps={{ danger: true, 'data-testid': 'clear-confirm' } as ButtonProps}
          cancelText={t('common.cancel')}
          onConfirm={() => entry.clear()}
        >
          <Button data-testid="clear-form">{t('movements.clear')}</Button>
        </Popconfirm>
        <Typography.Text type="secondary" className="draft-status" data-testid="draft-status">
          {state.status === 'saving'
            ? t('entry.draft.saving')
            : state.status === 'saved'
              ? t('entry.draft.saved', { time: new Date(state.at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })
              : state.status === 'failed'
                ? t('entry.draft.failed', { message: state.message })
                : ''}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary" className="entry-keys">
        {t('entry.keys')}
      </Typography.Text>
    </div>
  );
}
