// One document on screen as it will print; printing hides everything but the sheet (see styles.css @media print).
import { ArrowLeftOutlined, EditOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { call } from '../../api';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { draftOfDocument } from './draftBody';
import { PrintSheet } from './PrintSheet';
import { ReverseDocumentModal, reEnterDocument } from './ReverseDocumentModal';

export function DocumentScreen({ docNo }: { docNo: string }) {
  const { t } = useI18n();
  const { info, version, changed } = useRefData();
  const doc = useLoad(() => call('movements.document', { docNo }), [docNo, version]);
  const [reversing, setReversing] = useState(false);
  const d = doc.data;
  const untouched = d ? d.type !== 'reversal' && d.lines.every((l) => l.reversedById === null) : false;
  const reversed = d ? d.type !== 'reversal' && d.lines.every((l) => l.reversedById !== null) : false;
  const reEnterable = d ? draftOfDocument(d, info?.today ?? '') !== null : false;
  return (
    <div className="screen document" data-testid="screen-document">
      <Space className="toolbar no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? window.history.back() : navigate(['movements', 'journal']))}>
          {t('common.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!doc.data} data-testid="print-button">
          {t('common.print')}
        </Button>
        {untouched && (
          <Button danger icon={<RollbackOutlined />} onClick={() => setReversing(true)} data-testid="doc-reverse">
            {t('journal.reverseThisDoc')}
          </Button>
        )}
        {reversed && reEnterable && (
          <Button icon={<EditOutlined />} onClick={() => void reEnterDocument(d!, info?.today ?? '')} title={t('journal.reEnterHint')} data-testid="doc-re-enter">
            {t('journal.reEnter')}
          </Button>
        )}
      </Space>
      {reversing && <ReverseDocumentModal docNo={docNo} onClose={() => setReversing(false)} onDone={() => changed()} />}
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
