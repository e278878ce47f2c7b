// How far a long action in the core (an import, an export) has got: the page polls `jobs.progress` under an id it
// chose and passed with the action, and shows a bar with the rows done.
import { Progress } from 'antd';
import { useEffect, useState } from 'react';
import type { JobProgress } from '../../src/api/contract.jobs';
import { call } from '../api';
import { useI18n } from '../i18n';
import { formatInt } from './format';

const POLL_MS = 300;

/** A fresh id for one run of a long action. */
export function newJobId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `job-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The job's progress while it runs; null before its first report and after it ended. */
export function useJobProgress(jobId: string | undefined): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const p = await call('jobs.progress', { jobId });
        if (!stopped && p) setProgress(p);
      } catch {
        // A missed poll only delays the bar.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  return progress;
}

/** The bar and the rows done; nothing until the first report. */
export function JobProgressBar({ progress, width }: { progress: JobProgress | null; width?: number }) {
  const { t } = useI18n();
  if (!progress) return null;
  const percent = progress.fraction === null ? null : Math.min(99, Math.floor(progress.fraction * 100));
  return (
    <div className="job-progress" style={width ? { width } : undefined} data-testid="job-progress">
      <Progress percent={percent ?? 0} status="active" showInfo={percent !== null} size="small" />
      <div className="muted num" data-testid="job-progress-rows">
        {progress.rows > 0 ? t('jobs.rowsDone', { rows: formatInt(progress.rows) }) : t('jobs.starting')}
      </div>
    </div>
  );
}
