import { DatabaseOutlined } from '@ant-design/icons';
import { Layout, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../i18n';
import { useRefData } from './RefData';

/** Title, organisation, and where the data lives: the database file and the door (web host or desktop). */
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
          <Tooltip title={t('fmt.labelValue', { a: t('app.database'), b: info.file })}>
            <Typography.Text type="secondary" className="app-db" data-testid="app-db">
              <DatabaseOutlined /> {info.file}
            </Typography.Text>
          </Tooltip>
        )}
        <Tag data-testid="app-door">{door}</Tag>
        {info && (
          <Typography.Text type="secondary">
            {t('app.today')} {info.today} · v{info.version}
          </Typography.Text>
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
