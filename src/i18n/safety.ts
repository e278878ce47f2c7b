// Messages of the catalogue section for the ledger's safety: what a file is, who holds it, restore, automatic
// backups, and a ledger that is read-only, damaged, busy or on a full disk.
export const safetyMessages = {
  // what a file is
  'db.notLedgerFile': { zh: '{file} 不是应急物资台账数据库：{why}', en: '{file} is not a Relief Ledger database: {whyEn}' },
  'db.missingExpected': {
    zh: '找不到数据库 {file}，但这里曾有台账（{evidence}）。为免在原处新建一个空台账，程序没有打开它。请从最近的备份恢复：relief-ledger restore "{backup}" --db "{file}"；确要新建空台账请运行 relief-ledger init --db "{file}"',
    en: 'Database {file} is missing, yet a ledger was here ({evidenceEn}). Rather than create an empty ledger in its place, nothing was opened. Restore the newest backup: relief-ledger restore "{backup}" --db "{file}"; to start an empty ledger on purpose run relief-ledger init --db "{file}"',
  },
  'db.missingExpectedNoBackup': {
    zh: '找不到数据库 {file}，但这里曾有台账（{evidence}）。为免在原处新建一个空台账，程序没有打开它。请用 relief-ledger restore 恢复备份；确要新建空台账请运行 relief-ledger init --db "{file}"',
    en: 'Database {file} is missing, yet a ledger was here ({evidenceEn}). Rather than create an empty ledger in its place, nothing was opened. Restore a backup with relief-ledger restore; to start an empty ledger on purpose run relief-ledger init --db "{file}"',
  },
  'db.evidence.backups': { zh: '备份文件夹中有它的 {n} 个备份', en: '{n} backups of it in the backup folder' },
  'db.evidence.replaced': { zh: '有恢复时保留的旧文件', en: 'a file kept by an earlier restore' },
  'db.evidence.wal': { zh: '它的日志文件 -wal 还在', en: 'its -wal journal is still there' },
  'db.evidence.opened': { zh: '本程序曾在这里打开过它', en: 'this program opened it here before' },
  'db.readOnlyNeedsUpgrade': {
    zh: '台账 {file} 是只读的，但需要先升级到本程序的版本（{migrations}）才能打开；请把它复制到可写的位置再打开',
    en: 'The ledger {file} is read-only but must first be upgraded to this version ({migrations}); copy it somewhere writable and open the copy',
  },

  // who holds it
  'db.restoreUnderWay': { zh: '数据库 {file} 正在由进程 {pid} 恢复，请稍后再试', en: 'Database {file} is being restored by process {pid}; try again shortly' },
  'db.heldByOther': {
    zh: '数据库 {file} 正被其他程序使用（{holders}），不能在它运行时替换。请在该程序中恢复（基础数据 → 备份），或先关闭它再恢复；数据库没有改动',
    en: 'Database {file} is in use by another program ({holdersEn}); it cannot be replaced while that runs. Restore from inside it (Master data → Backups) or close it first; nothing was changed',
  },
  'db.sqliteConnection': { zh: '另一个 SQLite 连接', en: 'another SQLite connection' },

  // restore
  'restore.refused': {
    zh: '备份文件 {file} 校验失败：{why}；数据库没有改动',
    en: 'Backup file {file} failed verification: {whyEn}; the database was not changed',
  },

  // failures while working
  'db.busy': {
    zh: '另一个程序正在写入台账 {file}，等待 {seconds} 秒后仍未结束；本次操作没有保存，请稍后再试',
    en: 'Another program is writing to the ledger {file} and did not finish within {seconds} s; nothing was saved, try again shortly',
  },
  'db.diskFull': {
    zh: '磁盘空间已满，无法写入 {file}；本次操作没有保存任何内容。请腾出空间后重试',
    en: 'The disk is full: {file} cannot be written; nothing of this action was saved. Free some space and try again',
  },
  'db.ioError': { zh: '读写 {file} 时出错（{detail}）；本次操作没有保存', en: 'Reading or writing {file} failed ({detail}); nothing was saved' },
  'db.corrupt': {
    zh: '台账 {file} 已损坏（{detail}）；请从最近一次经过校验的备份恢复',
    en: 'The ledger {file} is damaged ({detail}); restore the newest verified backup',
  },
  'fs.denied': { zh: '没有权限写入 {file}（{detail}）', en: 'No permission to write {file} ({detail})' },
  'db.writeRefused': { zh: '不能修改台账：{why}', en: 'The ledger cannot be changed: {whyEn}' },
  'db.blocked.readOnlyFile': {
    zh: '台账文件 {file} 是只读的，只能查看、导出和备份到其他位置',
    en: 'the ledger file {file} is read-only; it can be viewed, exported and backed up elsewhere',
  },
  'db.blocked.readOnlyFolder': {
    zh: '台账所在的文件夹 {folder} 不能写入（只读共享或没有权限），只能查看、导出和备份到其他位置',
    en: 'the folder {folder} that holds the ledger cannot be written (a read-only share or no permission); it can be viewed, exported and backed up elsewhere',
  },
  'db.blocked.damaged': {
    zh: '台账 {file} 未通过完整性检查（{detail}），已以只读方式打开，以免损坏扩大；请从最近一次经过校验的备份恢复：{backup}',
    en: 'the ledger {file} failed its integrity check ({detail}) and was opened read-only so that the damage does not spread; restore the newest verified backup: {backup}',
  },
  'db.blocked.damagedNoBackup': {
    zh: '台账 {file} 未通过完整性检查（{detail}），已以只读方式打开，以免损坏扩大；没有找到经过校验的备份',
    en: 'the ledger {file} failed its integrity check ({detail}) and was opened read-only so that the damage does not spread; no verified backup was found',
  },
  'db.blocked.walLost': {
    zh: '台账的日志文件 {file}-wal 被删除或替换，为免丢失数据已停止写入；已保存的修改仍在本程序中，请关闭程序（关闭时会写回台账）后重新打开',
    en: 'the ledger’s journal {file}-wal was deleted or replaced, so writing stopped to lose nothing; saved changes are still held here: close the program (closing writes them back) and open it again',
  },
  'db.blocked.replaced': {
    zh: '台账文件 {file} 在程序运行时被替换，为免写进旧文件已停止写入；请关闭程序后重新打开',
    en: 'the ledger file {file} was replaced while the program ran, so writing stopped rather than go into the old file; close the program and open it again',
  },

  // backups
  'backup.failed': { zh: '备份失败：{detail}', en: 'Backup failed: {detailEn}' },
  'backup.verifyFailed': { zh: '备份没有通过校验（{why}），已丢弃', en: 'The backup failed verification ({whyEn}) and was discarded' },
  'backup.sourceDamaged': {
    zh: '台账 {file} 已损坏（{why}）：不能备份，也不能导入或过账盘点；请从最近一次经过校验的备份恢复',
    en: 'The ledger {file} is damaged ({whyEn}): it can be neither backed up nor imported into, nor a stocktake posted; restore the newest verified backup',
  },
  'backup.folderUnusable': { zh: '备份文件夹 {folder} 不能使用：{why}', en: 'The backup folder {folder} cannot be used: {whyEn}' },
  'backup.folderIsFile': { zh: '该位置是一个文件，而不是文件夹', en: 'a file stands where the folder should be' },
  'backup.folderDenied': { zh: '没有写入权限（或是只读的位置）', en: 'no permission to write there (or it is read-only)' },
  'backup.secondFolderMissing': {
    zh: '找不到第二备份位置 {folder}（U 盘没有插好，或共享文件夹不可用？）',
    en: 'The second backup folder {folder} is not there (the USB disk unplugged, or the share unavailable?)',
  },
  'backup.secondFolderFailed': { zh: '复制到第二备份位置 {folder} 失败：{detail}', en: 'Copying to the second backup folder {folder} failed: {detailEn}' },
  'backup.notFound': { zh: '备份列表中没有 {file}', en: 'There is no backup {file} in the list' },
  'backup.notVerified': { zh: '备份 {file} 不完整或不是本台账的备份，不能用来恢复', en: 'The backup {file} is incomplete or not a backup of this ledger; it cannot be restored' },
  'backup.noDoor': {
    zh: '从备份列表恢复只能在运行中的桌面版或网页版里进行；命令行请用 relief-ledger restore FILE',
    en: 'Restoring from the backup list needs the running desktop app or web host; from the command line use relief-ledger restore FILE',
  },
} as const;
