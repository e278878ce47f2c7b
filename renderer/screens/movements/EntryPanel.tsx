// 登记单据: choose the kind of document, fill it in, post it; the last posted document stays linked above.
import { Alert, App, Button, Segmented } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DocumentView } from '../../../src/api/contract';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import { PostForm } from './PostForm';
import { TransferForm } from './TransferForm';

export type EntryKind = 'receipt' | 'issue' | 'transfer' | 'loss';
const KINDS: EntryKind[] = ['receipt', 'issue', 'transfer', 'loss'];

export function EntryPanel({ initialKind }: { initialKind?: string | null }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { changed } = useRefData();
  const [kind, setKind] = useState<EntryKind>(KINDS.includes(initialKind as EntryKind) ? (initialKind as EntryKind) : 'receipt');
  const [posted, setPosted] = useState<DocumentView>();
  useEffect(() => {
    if (KINDS.includes(initialKind as EntryKind)) setKind(initialKind as EntryKind);
  }, [initialKind]);

  const onPosted = useCallback(
    (doc: DocumentView) => {
      setPosted(doc);
      void message.success(t('movements.posted', { docNo: doc.docNo }));
      changed();
    },
    [message, t, changed],
  );

  return (
    <div className="entry-panel">
      <div className="toolbar">
        <Segmented<EntryKind>
          value={kind}
          onChange={(k) => setKind(k)}
          options={KINDS.map((k) => ({ value: k, label: <span data-testid={`kind-${k}`}>{t(`movements.kind.${k}`)}</span> }))}
        />
        {posted && (
          <Alert
            type="success"
            showIcon
            className="posted-alert"
            data-testid="posted-alert"
            title={
              <span>
                {t('fmt.paren', { a: t('movements.posted', { docNo: posted.docNo }), b: label('movementType', posted.type) })}
                <Button type="link" size="small" onClick={() => navigate(['doc', posted.docNo])} data-testid="posted-view">
                  {t('movements.viewDoc')}
                </Button>
              </span>
            }
            closable={{ onClose: () => setPosted(undefined) }}
          />
        )}
      </div>
      {kind === 'transfer' ? <TransferForm onPosted={onPosted} /> : <PostForm key={kind} kind={kind} onPosted={onPosted} />}
    </div>
  );
}
