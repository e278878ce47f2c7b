// 出入库: enter documents, and read the journal.
import { Tabs } from 'antd';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import { EntryPanel } from './EntryPanel';
import { JournalTab } from './JournalTab';

export function MovementsScreen({ tab, query }: { tab: string | undefined; query: URLSearchParams }) {
  const { t } = useI18n();
  const active = tab === 'journal' ? 'journal' : 'entry';
  return (
    <div className="screen movements" data-testid="screen-movements">
      <Tabs
        size="small"
        activeKey={active}
        onChange={(k) => navigate(['movements', k])}
        destroyOnHidden={false}
        items={[
          { key: 'entry', label: <span data-testid="tab-entry">{t('movements.tab.entry')}</span>, children: <EntryPanel initialKind={query.get('kind')} draftId={Number(query.get('draft')) || undefined} /> },
          { key: 'journal', label: <span data-testid="tab-journal">{t('movements.tab.journal')}</span>, children: <JournalTab initialSearch={query.get('q')} /> },
        ]}
      />
    </div>
  );
}
