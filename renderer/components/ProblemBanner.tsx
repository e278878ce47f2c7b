import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../src/api/contract.backups';
import { call } from '../api';
import { useI18n } from '../i18n';
import { navigate } from './router';

/** What stopped a form: shown above it, with each message; the fields carry theirs too. */
export function ProblemBanner({ problems, onClose }: { problems: string[]; onClose?: () => void }) {
  const { t } = useI18n();
  if (!problems.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="problem-banner"
      data-testid="form-problems"
      title={t('common.fixErrors')}
      description={
        problems.length === 1 ? (
          problems[0]
        ) : (
          <ul className="problem-list">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )
      }
      closable={onClose ? { onClose } : false}
    />
  );
}

const STATUS_EVENT = 'relief-ledger:status';

/** After a backup or restore from the page: the banner asks again at once rather than at its next poll. */
export function askLedgerStatusAgain(): void {
  window.dispatchEvent(new Event(STATUS_EVENT));
}

/** How often the page asks whether backups still succeed (a cheap question: nothing is read from the ledger). */
const STATUS_POLL_MS = 30_000;
/** The first question waits until the first screen is up: it is not part of what the page needs to start. */
const STATUS_FIRST_MS = 2_000;

/**
 * Over every screen: a ledger that can only be read (read-only file or folder, failed integrity check, journal
 * pulled away) and a failing backup, each until it is over. It never blocks anything: work goes on beneath it.
 */
export function LedgerBanner() {
  const { t, gloss } = useI18n();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ask = () => {
      clearTimeout(timer);
      call('backups.status', {}).then(
        (s) => !stopped && setStatus(s),
        () => undefined,
      );
      timer = setTimeout(ask, STATUS_POLL_MS);
    };
    timer = setTimeout(ask, STATUS_FIRST_MS);
    window.addEventListener(STATUS_EVENT, ask);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener(STATUS_EVENT, ask);
    };
  }, []);
  if (!status || (!status.writeBlocked && !status.failing)) return null;
  const toBackups = (
    <Button size="small" onClick={() => navigate(['settings', 'backups'])} data-testid="banner-to-backups">
      {t('banner.toBackups')}
    </Button>
  );
  return (
    <div className="ledger-banner no-print">
      {status.writeBlocked && (
        <Alert type="error" showIcon data-testid="banner-read-only" title={t('banner.readOnly')} description={gloss(status.writeBlocked)} action={toBackups} />
      )}
      {status.failing && (
        <Alert
          type="warning"
          showIcon
          data-testid="banner-backup-failed"
          title={t('banner.backupFailed')}
          description={status.failures.map((f) => gloss(f)).join('；')}
          action={status.writeBlocked ? undefined : toBackups}
        />
      )}
    </div>
  );
}
