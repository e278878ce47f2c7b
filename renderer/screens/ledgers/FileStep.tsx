// Step 1: the file. A drop zone everywhere; a click opens the native dialog under Electron and the browser's
// file chooser in the web host (antd Upload with beforeUpload returning false: nothing is uploaded by antd).
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Upload } from 'antd';
import { useI18n } from '../../i18n';
import { hasNativeDialogs, IMPORT_EXTENSIONS } from './files';

export interface FileStepProps {
  /** A file dropped or chosen in the browser's chooser. */
  onFile(file: File): void;
  /** The native dialog (Electron). */
  onNative(): void;
  onTemplate(): void;
  templateBusy: boolean;
  problem: string | undefined;
}

export function FileStep({ onFile, onNative, onTemplate, templateBusy, problem }: FileStepProps) {
  const { t } = useI18n();
  const native = hasNativeDialogs();
  return (
    <div className="ledgers-file-step">
      {problem && <Alert type="error" showIcon title={t('ledgers.readFailed')} description={problem} className="ledgers-alert" data-testid="ledgers-file-problem" />}
      <div onClick={native ? onNative : undefined} data-testid="ledgers-upload">
        <Upload.Dragger
          accept={IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')}
          multiple={false}
          showUploadList={false}
          openFileDialogOnClick={!native}
          beforeUpload={(file) => {
            onFile(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('ledgers.drop')}</p>
          <p className="ant-upload-hint">{t('ledgers.dropHint')}</p>
          <p className="ant-upload-hint">{t('ledgers.dropXls')}</p>
        </Upload.Dragger>
      </div>
      <div className="ledgers-template-hint">
        <span className="muted">{t('ledgers.dropTemplate')}</span>
        <Button type="link" size="small" loading={templateBusy} onClick={onTemplate} data-testid="ledgers-template-inline">
          {t('ledgers.template')}
        </Button>
      </div>
    </div>
  );
}
