// 草稿: the documents begun and not yet posted, newest first, to resume or to discard (after asking).
import { type ButtonProps, Button, Drawer, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { DraftSummary } from '../../../src/api/contract.drafts';
import { useI18n } from '../../i18n';

export function DraftsDrawer({
  drafts,
  current,
  onResume,
  onDiscard,
  onClose,
}: {
  drafts: DraftSummary[];
  /** The draft open in the form: resumed already, and emptied with 清空 there. */
  current: number | undefined;
  onResume(d: DraftSummary): void;
  onDiscard(d: DraftSummary): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  return (
    <Drawer open title={t('entry.drafts.title')} size={640} onClose={onClose} data-testid="drafts-drawer" destroyOnHidden>
      {drafts.length === 0 ? (
        <Empty description={t('entry.drafts.none')} />
      ) : (
        <Table<DraftSummary>
          size="small"
          bordered
          rowKey="id"
          pagination={false}
          dataSource={drafts}
          data-testid="drafts-table"
          columns={[
            { title: t('field.type'), dataIndex: 'form', width: 84, render: (f: DraftSummary['form']) => <Tag style={{ marginInlineEnd: 0 }}>{t(`movements.kind.${f}`)}</Tag> },
            { title: t('entry.drafts.content'), dataIndex: 'title', render: (v: string) => v || <span className="muted">{t('entry.drafts.untitled')}</span> },
            { title: t('entry.drafts.lines'), dataIndex: 'lines', width: 64, align: 'right', render: (n: number) => <span className="num">{n}</span> },
            { title: t('entry.drafts.savedAt'), dataIndex: 'updatedAt', width: 136, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
            {
              title: t('common.actions'),
              width: 132,
              render: (_: unknown, d) =>
                d.id === current ? (
                  <span className="muted">{t('entry.drafts.editing')}</span>
                ) : (
                  <Space size={4}>
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onResume(d)} data-testid={`draft-resume-${d.id}`}>
                      {t('entry.drafts.resume')}
                    </Button>
                    <Popconfirm
                      title={t('entry.drafts.discardTitle')}
                      okText={t('entry.drafts.discard')}
                      okButtonProps={{ danger: true, 'data-testid': 'draft-discard-confirm' } as ButtonProps}
                      cancelText={t('common.cancel')}
                      onConfirm={() => onDiscard(d)}
                    >
                      <Button type="link" size="small" danger style={{ padding: 0 }} data-testid={`draft-discard-${d.id}`}>
                        {t('entry.drafts.discard')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
