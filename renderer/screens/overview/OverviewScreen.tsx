// 首页: totals, batches that need attention, items out of stock, counts per street, and places kept for the
// features of later versions.
import { AlertOutlined, HomeOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Tag } from 'antd';
import { call } from '../../api';
import { LaterCard } from '../../components/LaterCard';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { AttentionList } from './AttentionList';
import { PerStreet } from './PerStreet';
import { StatCards } from './StatCards';

export function OverviewScreen() {
  const { t } = useI18n();
  const { version } = useRefData();
  const summary = useLoad(() => call('summary.get', {}), [version]);
  const attention = useLoad(() => call('stock.query', { byBatch: true, expiry: 'attention' }), [version]);

  if (summary.error) return <LoadError error={summary.error} onRetry={summary.reload} />;
  if (!summary.data) return <Skeleton active />;
  const s = summary.data;
  return (
    <div className="screen overview" data-testid="screen-overview">
      <StatCards summary={s} />
      <Row gutter={12} className="overview-row">
        <Col span={14}>
          {attention.error ? (
            <LoadError error={attention.error} onRetry={attention.reload} />
          ) : (
            <AttentionList rows={attention.data ?? []} loading={attention.loading} height={300} />
          )}
        </Col>
        <Col span={10}>
          <PerStreet rows={s.perStreet} height={300} />
        </Col>
      </Row>
      <Row gutter={12} className="overview-row">
        <Col span={6}>
          <Card size="small" title={t('fmt.paren', { a: t('overview.outOfStock'), b: s.itemsOutOfStock.length })} className="later-card" data-testid="overview-out-of-stock">
            {s.itemsOutOfStock.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.outOfStockNone')} className="compact-empty" />
            ) : (
              <div className="tag-list">
                {s.itemsOutOfStock.map((i) => (
                  <Tag key={i.code} title={i.code}>
                    {t('fmt.paren', { a: i.name, b: i.unit })}
                  </Tag>
                ))}
              </div>
            )}
          </Card>
        </Col>
        <Col span={6}>
          <LaterCard testId="later-equipment" icon={<ToolOutlined />} title={t('overview.equipment')} hint={t('overview.equipmentHint')} />
        </Col>
        <Col span={6}>
          <LaterCard testId="later-standard" icon={<HomeOutlined />} title={t('overview.standard')} hint={t('overview.standardHint')} />
        </Col>
        <Col span={6}>
          <LaterCard testId="later-gaps" icon={<AlertOutlined />} title={t('overview.gaps')} hint={t('overview.gapsHint')} />
        </Col>
      </Row>
    </div>
  );
}
