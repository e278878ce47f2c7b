// One document on screen as it will print; printing hides everything but the sheet (see styles.css @media print).
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton, Space } from 'antd';
import { call } from '../../api';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { PrintSheet } from './PrintSheet';

export function DocumentScreen({ docNo }: { docNo: string }) {
  const { t } = useI18n();
  const { info, version } = useRefData();
  const doc = useLoad(() => call('movements.document', { docNo }), [docNo, version]);
  return (
    <div className="screen document" data-testid="screen-document">
      <Space className="toolbar no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? window.history.back() : navigate(['movements', 'journal']))}>
          {t('common.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!doc.data} data-testid="print-button">
          {t('common.print')}
        </Button>
      </Space>
      {doc.error ? (
        doc.error.code === 'movement.notFound' ? (
          <Result status="404" title={t('doc.notFound', { docNo })} />
        ) : (
          <LoadError error={doc.error} onRetry={doc.reload} />
        )
      ) : !doc.data ? (
        <Skeleton active />
      ) : (
        <div className="sheet-paper">
          <PrintSheet doc={doc.data} printedOn={info?.today ?? ''} />
        </div>
      )}
    </div>
  );
}
