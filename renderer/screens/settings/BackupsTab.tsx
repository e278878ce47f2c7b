// 备份与恢复: the automatic backups with time, size and whether each is verified, a backup now, and restore (after a
// confirmation). A backup is named by its file name from the list: the page never sends a path.
import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import type { BackupEntry, BackupList, BackupStatus } from '../../../src/api/contract.backups';
import { call, errorBody } from '../../api';
import { formatInt } from '../../components/format';
import { askLedgerStatusAgain } from '../../components/ProblemBanner';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';

/** "2026-11-28T15:30:05+08:00" → "2026-11-28 15:30:05": Beijing time as the core gives it, never re-zoned. */
const showTime = (iso: string) => iso.slice(0, 19).replace('T', ' ');

export function BackupsTab() {
  const { t, gloss } = useI18n();
  const { message, modal } = App.useApp();
  const list = useLoad<BackupList>(() => call('backups.list', {}), []);
  const status = useLoad<BackupStatus>(() => call('backups.status', {}), []);
  const [busy, setBusy] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 40);

  const reload = () => {
    list.reload();
    status.reload();
    askLedgerStatusAgain();
  };
  const size = (bytes: number) =>
    bytes >= 1024 * 1024 ? t('backups.mb', { n: (bytes / 1024 / 1024).toFixed(1) }) : t('backups.kb', { n: formatInt(Math.ceil(bytes / 1024)) });
  const reason = (r: BackupEntry['reason']) => t(`backups.reason.${r}`);

  const backUpNow = async () => {
    setBusy('now');
    try {
      const made = await call('backups.now', {});
      void message.success(t('backups.madeToast', { file: made.file }));
    } catch (e) {
      void message.error(gloss(errorBody(e)));
    } finally {
      setBusy(null);
      reload();
    }
  };

  const restore = (b: BackupEntry) => {
    modal.confirm({
      title: t('backups.restoreTitle', { time: showTime(b.time) }),
      content: t('backups.restoreBody', { name: ledgerName(list.data) }),
      okText: t('backups.restoreOk'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'confirm-restore' } as Record<string, string>) },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy(b.file);
        try {
          await call('backups.restore', { file: b.file, folder: b.folder });
          void message.success(t('backups.restoredToast', { file: b.file }));
          // Everything the page holds belongs to the ledger before the restore: start again from the new one.
          setTimeout(() => window.location.reload(), 600);
        } catch (e) {
          void message.error(gloss(errorBody(e)));
          setBusy(null);
          reload();
        }
      },
    });
  };

  const columns: ColumnsType<BackupEntry> = [
    { title: t('backups.col.time'), dataIndex: 'time', width: 170, render: (v: string) => showTime(v) },
    { title: t('backups.col.reason'), dataIndex: 'reason', width: 130, render: reason },
    { title: t('backups.col.where'), dataIndex: 'folder', width: 110, render: (f: BackupEntry['folder']) => t(`backups.where.${f}`) },
    { title: t('backups.col.size'), dataIndex: 'bytes', width: 100, align: 'right', render: size },
    {
      title: t('backups.col.verified'),
      dataIndex: 'verified',
      width: 110,
      render: (ok: boolean) => (ok ? <Tag color="green">{t('backups.verifiedYes')}</Tag> : <Tag color="red">{t('backups.verifiedNo')}</Tag>),
    },
    { title: t('field.name'), dataIndex: 'file', ellipsis: true, render: (f: string) => <Typography.Text type="secondary">{f}</Typography.Text> },
    {
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, b) => (
        <Button size="small" danger disabled={!b.verified || busy !== null} loading={busy === b.file} onClick={() => restore(b)} data-testid={`backup-restore-${b.file}`}>
          {t('backups.restore')}
        </Button>
      ),
    },
  ];

  const s = status.data;
  return (
    <div data-testid="backups-tab">
      <Card size="small" title={t('backups.title')} className="backups-card">
        <Typography.Paragraph style={{ marginBottom: 8 }}>{t('backups.when', { minutes: s?.intervalMinutes ?? 15 })}</Typography.Paragraph>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('backups.folder')}>
            <Typography.Text copyable>{s?.folder}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('backups.lastSuccess')}>
            <span data-testid="backups-last-success">{s?.lastSuccess ? `${showTime(s.lastSuccess.time)}` : t('backups.never')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('backups.secondFolder')} span={2}>
            {s?.secondFolder ? <Typography.Text copyable>{s.secondFolder}</Typography.Text> : <Typography.Text type="secondary">{t('backups.secondNone')}</Typography.Text>}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('backups.retention')}
        </Typography.Paragraph>
      </Card>
      <div className="toolbar">
        <span className="muted">{t('common.rows', { n: formatInt(list.data?.backups.length ?? 0) })}</span>
        <Space size={6}>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
          <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === 'now'} disabled={busy !== null && busy !== 'now'} onClick={() => void backUpNow()} data-testid="backup-now">
            {t('backups.now')}
          </Button>
        </Space>
      </div>
      <div ref={box}>
        <Table<BackupEntry>
          size="small"
          bordered
          rowKey={(b) => `${b.folder}/${b.file}`}
          columns={columns}
          dataSource={list.data?.backups ?? []}
          loading={list.loading}
          pagination={false}
          scroll={{ y: height }}
          locale={{ emptyText: t('backups.none') }}
          data-testid="backups-table"
        />
      </div>
    </div>
  );
}

/** The ledger's own file name (the backups are named after it), for the confirmation's wording. */
function ledgerName(list: BackupList | undefined): string {
  const first = list?.backups[0]?.file;
  return first ? `${first.replace(/-\d{8}-\d{6}(?:-\d+)?-[a-z]+\.db$/, '')}.db` : 'ledger.db';
}
