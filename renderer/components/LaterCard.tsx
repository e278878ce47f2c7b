import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** A place kept for a feature of a later version: says so plainly, without looking broken. */
export function LaterCard({ title, hint, icon, testId }: { title: string; hint: string; icon: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" className="later-card" data-testid={testId} title={<span>{icon} {title}</span>}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {hint}
      </Typography.Paragraph>
      <span className="later-badge">
        <ClockCircleOutlined /> {t('overview.later')}
      </span>
    </Card>
  );
}
