// 登记单据: choose the kind of document, fill it in, post it; the last posted document stays linked above. The
// document being entered is a draft in the ledger: opening this screen again brings back the newest one, and the
// 草稿 list resumes or discards any other.
import { FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Segmented } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentView } from '../../../src/api/contract';
import type { DraftSummary } from '../../../src/api/contract.drafts';
import { call } from '../../api';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import { DraftsDrawer } from './DraftsDrawer';
import { PostForm } from './PostForm';
import { TransferForm } from './TransferForm';

export type EntryKind = 'receipt' | 'issue' | 'transfer' | 'loss';
const KINDS: EntryKind[] = ['receipt', 'issue', 'transfer', 'loss'];
const isKind = (k: unknown): k is EntryKind => KINDS.includes(k as EntryKind);

export function EntryPanel({ initialKind, draftId }: { initialKind?: string | null; draftId?: number | undefined }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { changed } = useRefData();
  const [kind, setKind] = useState<EntryKind | undefined>(isKind(initialKind) ? initialKind : undefined);
  const [posted, setPosted] = useState<DocumentView>();
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [showDrafts, setShowDrafts] = useState(false);
  const [current, setCurrent] = useState<number>();
  const asked = useRef(0);

  const loadDrafts = useCallback(async () => {
    const mine = ++asked.current;
    try {
      const list = await call('drafts.list', {});
      if (mine === asked.current) setDrafts(list);
      return list;
    } catch {
      return [];
    }
  }, []);

  // Without a kind asked for, the screen opens on the document that was being entered last.
  useEffect(() => {
    void loadDrafts().then((list) => setKind((k) => k ?? (isKind(list[0]?.form) ? list[0].form : 'receipt')));
  }, [loadDrafts]);
  useEffect(() => {
    if (isKind(initialKind)) setKind(initialKind);
  }, [initialKind, draftId]);

  const onPosted = useCallback(
    (doc: DocumentView) => {
      setPosted(doc);
      void message.success(t('movements.posted', { docNo: doc.docNo }));
      changed();
    },
    [message, t, changed],
  );
  const onDraftsChanged = useCallback(() => void loadDrafts(), [loadDrafts]);

  const resume = (d: DraftSummary) => {
    setShowDrafts(false);
    navigate(['movements', 'entry'], { kind: d.form, draft: String(d.id) });
  };
  const discard = async (d: DraftSummary) => {
    await call('drafts.discard', { id: d.id });
    void message.success(t('entry.drafts.discarded'));
    await loadDrafts();
  };
  // The draft asked for in the address belongs to the kind asked for there.
  const openDraft = kind === initialKind ? draftId : undefined;
  const formProps = { onPosted, openDraft, onDraftsChanged, onDraftOpen: setCurrent };

  return (
    <div className="entry-panel">
      <div className="toolbar">
        <Segmented<EntryKind>
          value={kind}
          onChange={(k) => {
            setKind(k);
            navigate(['movements', 'entry'], { kind: k });
          }}
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
        <Button
          className="drafts-open"
          icon={<FileTextOutlined />}
          onClick={() => {
            void loadDrafts();
            setShowDrafts(true);
          }}
          data-testid="drafts-open"
        >
          {drafts.length ? t('entry.drafts.buttonCount', { n: drafts.length }) : t('entry.drafts.button')}
        </Button>
      </div>
      {!kind ? null : kind === 'transfer' ? (
        <TransferForm key={`transfer-${openDraft ?? ''}`} {...formProps} />
      ) : (
        <PostForm key={`${kind}-${openDraft ?? ''}`} kind={kind} {...formProps} />
      )}
      {showDrafts && <DraftsDrawer drafts={drafts} current={current} onResume={resume} onDiscard={(d) => void discard(d)} onClose={() => setShowDrafts(false)} />}
    </div>
  );
}
