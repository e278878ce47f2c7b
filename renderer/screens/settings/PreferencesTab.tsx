// 偏好与系统: the interface language (kept in this browser/app) and where the data lives.
import { Card, Col, Descriptions, Radio, Row, Typography } from 'antd';
import { useRefData } from '../../components/RefData';
import { useI18n } from '../../i18n';

export function PreferencesTab() {
  const { t, lang, setLang } = useI18n();
  const { info } = useRefData();
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Card size="small" title={t('app.language')}>
          <Radio.Group value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'zh')} data-testid="pref-language">
            <Radio value="zh">{t('app.lang.zh')}</Radio>
            <Radio value="en">{t('app.lang.en')}</Radio>
          </Radio.Group>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('settings.languageHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col span={14}>
        <Card size="small" title={t('settings.system')}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('app.database')}>
              <Typography.Text copyable>{info?.file}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('app.version')}>{info?.version}</Descriptions.Item>
            <Descriptions.Item label={t('settings.migrations')}>{info?.migrations.join(t('fmt.listSep'))}</Descriptions.Item>
            <Descriptions.Item label={t('settings.door')}>{window.api?.door === 'electron' ? t('app.door.electron') : t('app.door.web')}</Descriptions.Item>
            <Descriptions.Item label={t('app.today')}>{info?.today}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
    </Row>
  );
}
