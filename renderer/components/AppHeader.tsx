import { DatabaseOutlined } from '@ant-design/icons';
import { Layout, Segmented, Space, Tag } from 'antd';
import { useI18n } from '../i18n';
import { useRefData } from './RefData';

/**
 * Title, organisation, and where the data lives: the database file and the door (web host or desktop). Plain
 * elements where antd's would add nothing: the header is drawn on every start, before anything else.
 */
export function AppHeader() {
  const { t, lang, setLang } = useI18n();
  const { info } = useRefData();
  const door = window.api?.door === 'electron' ? t('app.door.electron') : t('app.door.web');
  return (
    <Layout.Header className="app-header no-print">
      <div className="app-header-title">
        <span className="app-title" data-testid="app-title">
          {t('app.title')}
        </span>
        <span className="app-org">{t('app.org')}</span>
      </div>
      <Space size={12} className="app-header-info">
        {info && (
          <span className="app-secondary app-db" data-testid="app-db" title={t('fmt.labelValue', { a: t('app.database'), b: info.file })}>
            <DatabaseOutlined /> {info.file}
          </span>
        )}
        <Tag data-testid="app-door">{door}</Tag>
        {info && (
          <span className="app-secondary">
            {t('app.today')} {info.today} · v{info.version}
          </span>
        )}
        <span data-testid="lang-switch">
          <Segmented
            size="small"
            value={lang}
            onChange={(v) => setLang(v === 'en' ? 'en' : 'zh')}
            options={[
              { value: 'zh', label: t('app.lang.zh') },
              { value: 'en', label: t('app.lang.en') },
            ]}
          />
        </span>
      </Space>
    </Layout.Header>
  );
}
