// Messages of the catalogue section for Excel ledgers: import, export, templates.
export const ledgerMessages = {
  // ---- files that cannot be read (the CLI exits 2) ----
  'ledgers.file.empty': { zh: '文件 {file} 是空的', en: 'File {file} is empty' },
  'ledgers.file.damaged': {
    zh: '{file} 已损坏或不完整，无法作为 Excel 工作簿读取（{detail}）。请重新保存或重新下载该文件',
    en: '{file} is damaged or incomplete and cannot be read as an Excel workbook ({detail}). Save or download it again',
  },
  'ledgers.file.notWorkbook': {
    zh: '{file} 不是能读取的表格文件（Excel .xlsx/.xls、WPS .et、.ods、网页表格或 CSV）',
    en: '{file} is not a spreadsheet that can be read (Excel .xlsx/.xls, WPS .et, .ods, a web-page table or CSV)',
  },
  'ledgers.file.encoding': {
    zh: '{file} 的文字编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）',
    en: 'The text encoding of {file} is not recognised (neither UTF-8 nor GBK/GB18030)',
  },
  'ledgers.file.csv': { zh: 'CSV 文件 {file} 格式有误：{detail}', en: 'CSV file {file} is malformed: {detail}' },
  'ledgers.file.noSheets': { zh: '{file} 中没有工作表', en: '{file} contains no worksheet' },
  'ledgers.file.tooLarge': {
    zh: '{file} 太大（{size} MB），单个文件最多 {max} MB，请分成几个文件导入',
    en: '{file} is too large ({size} MB); at most {max} MB per file, split it into several',
  },
  'ledgers.file.timeout': { zh: '读取 {file} 超时', en: 'Reading {file} timed out' },
  'ledgers.file.notFound': { zh: '找不到文件 {file}', en: 'File {file} not found' },

  // ---- files beyond what reading may take, and a reader that stopped (the CLI exits 2) ----
  'ledgers.file.encrypted': {
    zh: '{file} 设有打开密码，无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入',
    en: '{file} is password-protected and cannot be read. Remove the password in Excel or WPS, save it, then import it',
  },
  'ledgers.file.limit.cells': {
    zh: '{file} 的单元格超过 {max} 个，超出导入的上限。请分成几个文件导入',
    en: '{file} has more than {max} cells, beyond what can be imported; split it into several files',
  },
  'ledgers.file.limit.rows': {
    zh: '{file} 的工作表“{where}”超过 {max} 行，超出导入的上限',
    en: 'Sheet "{where}" of {file} has more than {max} rows, beyond what can be imported',
  },
  'ledgers.file.limit.sharedStrings': {
    zh: '{file} 中的不同文字（共享字符串）超过 {max} 个，超出导入的上限。请分成几个文件导入',
    en: '{file} holds more than {max} distinct texts (shared strings), beyond what can be imported; split it into several files',
  },
  'ledgers.file.limit.sharedStringChars': {
    zh: '{file} 中的文字（共享字符串）共超过 {max} 个字符，超出导入的上限',
    en: 'The texts (shared strings) of {file} exceed {max} characters in all, beyond what can be imported',
  },
  'ledgers.file.limit.part': {
    zh: '{file} 中的 {where} 解压后超过 {max} MB，超出导入的上限（文件可能已损坏或是恶意构造的压缩包）',
    en: '{where} in {file} unpacks to more than {max} MB, beyond what can be imported (the file may be damaged or a zip bomb)',
  },
  'ledgers.file.limit.total': {
    zh: '{file} 解压后超过 {max} MB，超出导入的上限（文件可能已损坏或是恶意构造的压缩包）',
    en: '{file} unpacks to more than {max} MB, beyond what can be imported (the file may be damaged or a zip bomb)',
  },
  'ledgers.file.readerMemory': {
    zh: '读取 {file} 时内存不足，已停止读取，未导入任何内容。请分成几个较小的文件导入',
    en: 'Reading {file} ran out of memory and was stopped; nothing was imported. Split it into smaller files',
  },
  'ledgers.file.readerStopped': {
    zh: '读取 {file} 时读取程序意外停止（{detail}），未导入任何内容。请重新保存该文件后再试',
    en: 'The reader stopped unexpectedly while reading {file} ({detail}); nothing was imported. Save the file again and retry',
  },

  // ---- refusals before anything is read ----
  'ledgers.alreadyImported': {
    zh: '同样内容的文件已于 {at} 导入过（{previous}）。如确需再次导入，请使用“强制导入”(--force)',
    en: 'A file with the same content was already imported on {at} ({previous}); use force (--force) to import it again',
  },
  'ledgers.sheetNotFound': {
    zh: '工作簿中没有名为“{sheet}”的工作表；现有：{sheets}',
    en: 'No worksheet named "{sheet}"; the workbook has: {sheets}',
  },
  'ledgers.unknownField': { zh: '列 {column} 指定的字段 {field} 不属于{kind}', en: 'Column {column}: field {field} does not belong to {kindEn}' },

  // ---- sheet-level problems ----
  'ledgers.noHeader': {
    zh: '找不到{kind}的表头行（前 {rows} 行中没有“{expected}”等列名）',
    en: 'No header row for {kindEn} found (no column named like "{expected}" in the first {rows} rows)',
  },
  'ledgers.missingColumns': { zh: '缺少必需的列：{columns}', en: 'Required columns missing: {columns}' },
  'ledgers.columnConflict': {
    zh: '{columns}都可作为“{field}”，无法确定用哪一列：请指定其中一列（如 --map {drop}= 不导入 {drop} 列，或在导入向导中改正列的对应）',
    en: 'Columns {columns} all read as "{field}": choose one (e.g. --map {drop}= leaves column {drop} out, or correct the mapping in the import wizard)',
  },
  'ledgers.noDataRows': {
    zh: '{file} 没有数据行：只有表头（或只有示例、合计、说明行），不作为{kind}导入，也不记为已导入',
    en: '{file} has no data rows: only a header (or only example, total and note rows); nothing imported as {kindEn}, and it is not recorded as imported',
  },
  'ledgers.noDataSheet': {
    zh: '没有一个工作表能识别为{kind}',
    en: 'No worksheet could be read as {kindEn}',
  },

  // ---- cell values ----
  'ledgers.value.required': { zh: '{header}必须填写', en: '{header} is required' },
  'ledgers.value.tooLong': { zh: '内容过长：最多 {max} 个字符', en: 'Too long: at most {max} characters' },
  'ledgers.value.number': { zh: '“{value}”不是有效的数字', en: '"{value}" is not a valid number' },
  'ledgers.value.negative': { zh: '数量不能为负数：{value}', en: 'Quantity must not be negative: {value}' },
  'ledgers.value.zero': { zh: '数量必须大于 0', en: 'Quantity must be above 0' },
  'ledgers.value.integer': { zh: '“{value}”应为整数', en: '"{value}" should be a whole number' },
  'ledgers.value.money': { zh: '“{value}”不是有效的金额（元，最多两位小数）', en: '"{value}" is not a valid amount (yuan, at most 2 decimals)' },
  'ledgers.value.date': {
    zh: '“{value}”不是有效的日期（可写作 2023-05-01、2023/5/1、2023.5.1、2023年5月1日 或 20230501）',
    en: '"{value}" is not a valid date (write 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日 or 20230501)',
  },
  'ledgers.value.dateRange': { zh: '日期 {value} 超出合理范围（1950–2199 年）', en: 'Date {value} is out of range (1950–2199)' },
  'ledgers.value.lostDigits': {
    zh: '“{value}”已被 Excel 转成数字并丢失了位数（超过 15 位或科学计数法）。请把该列设为“文本”格式后重新录入',
    en: '"{value}" was turned into a number by Excel and lost digits (over 15 digits or scientific notation); format the column as Text and enter it again',
  },
  'ledgers.value.adminCode': {
    zh: '“{value}”不是 12 位统计用区划代码（如 331002001001）；若 Excel 把它变成了数字，请把该列设为“文本”格式后重新录入',
    en: '"{value}" is not a 12-digit admin code (such as 331002001001); if Excel turned it into a number, format the column as Text and enter it again',
  },
  'ledgers.value.code': { zh: '编码“{value}”不能含空格', en: 'Code "{value}" must not contain spaces' },
  'ledgers.value.choice': { zh: '“{value}”不是可选值，可填：{choices}', en: '"{value}" is not one of: {choicesEn}' },
  'ledgers.value.formula': {
    zh: '公式没有保存计算结果，请在 Excel/WPS 中打开并保存后再导入',
    en: 'The formula has no saved result; open and save the file in Excel/WPS, then import it',
  },
  'ledgers.value.cellError': { zh: '单元格是错误值 {value}', en: 'The cell holds the error value {value}' },
  'ledgers.value.unitMismatch': {
    zh: '数量后的单位“{unit}”与物资的计量单位“{itemUnit}”不一致',
    en: 'The unit "{unit}" after the quantity differs from the item\'s unit "{itemUnit}"',
  },
  'ledgers.value.duration': {
    zh: '“{value}”既不是日期也不是保质期（如 365天、24个月、2年）',
    en: '"{value}" is neither a date nor a shelf life (such as 365天, 24个月, 2年)',
  },
  'ledgers.value.durationNeedsProduction': {
    zh: '保质期写作时长“{value}”时必须填写生产日期',
    en: 'A shelf life given as a duration ("{value}") needs the production date',
  },

  // ---- rows against the ledger and against each other ----
  'ledgers.row.duplicate': { zh: '与第 {other} 行重复：{what}', en: 'Duplicates row {other}: {what}' },
  'ledgers.row.exists': {
    zh: '{what} {code} 已存在，且与表中内容不同（{field}：现为“{current}”，表中为“{given}”）',
    en: '{whatEn} {code} already exists with other content ({field}: "{current}" now, "{given}" in the file)',
  },
  'ledgers.row.unknownLocation': {
    zh: '找不到存放地点“{value}”（请先导入或新建该地点，编码或名称均可）',
    en: 'Location "{value}" not found (import or create it first; code or name)',
  },
  'ledgers.row.ambiguousLocation': {
    zh: '名称为“{value}”的存放地点不止一个，请改填地点编码',
    en: 'More than one location is named "{value}"; use its code',
  },
  'ledgers.row.noLocation': {
    zh: '没有存放地点：请填写“存放地点”列、把工作表命名为地点名称或编码，或导入时指定地点',
    en: 'No location: fill the location column, name the sheet after a location, or choose a location when importing',
  },
  'ledgers.row.unknownArea': { zh: '找不到区域“{value}”', en: 'Area "{value}" not found' },
  'ledgers.row.ambiguousVillage': {
    zh: '名称为“{value}”的村(社区)不止一个，请写明所属街道(镇)或改填区域编码',
    en: 'More than one village/community is named "{value}"; give its street/town or use its code',
  },
  'ledgers.row.villageNeedsStreet': {
    zh: '台账中没有村(社区)“{value}”；要新建它，需在“所属街道”列写明它所在的街道(镇)',
    en: 'No village/community "{value}" in the ledger; to create it, give its street/town in a 所属街道 column',
  },
  'ledgers.row.areaNeeds': {
    zh: '本行没有区域名称：需填写“村(社区)”、“街道(镇)”或“区域名称”',
    en: 'No area name on this row: fill in 村(社区), 街道(镇) or 区域名称',
  },
  'ledgers.row.levelUnknown': {
    zh: '无法判断“{name}”的级别：请填写“级别”列（区、街道/镇、村/社区）或 12 位统计用区划代码',
    en: 'The level of "{name}" cannot be told: fill in 级别 (district, street/town, village) or the 12-digit admin code',
  },
  'ledgers.row.noDistrict': {
    zh: '台账中还没有区县：请用 --district 写明区县名称（如 --district 椒江区），或在表格标题中写明（如“椒江区行政区划一览表”）',
    en: 'The ledger has no district yet: name it with --district (e.g. --district 椒江区), or in the sheet\'s title',
  },
  'ledgers.row.manyDistricts': {
    zh: '台账中有多个区县（{names}），请用 --district 指明本表所属的区县',
    en: 'The ledger has several districts ({names}); name this file\'s district with --district',
  },
  'ledgers.row.wouldCreate': {
    zh: '找不到{what}“{name}”：台账中还没有。导入时加 --create-missing（或在导入向导中确认新建）即可一并新建',
    en: '{whatEn} "{name}" not found in the ledger; import with --create-missing (or confirm it in the import wizard) to create it',
  },
  'ledgers.row.wouldCreateIn': {
    zh: '找不到{what}“{name}”：{within}还没有。导入时加 --create-missing（或在导入向导中确认新建）即可一并新建',
    en: '{whatEn} "{name}" not found in {within}; import with --create-missing (or confirm it in the import wizard) to create it',
  },
  'ledgers.row.sheetPlaceMissing': {
    zh: '工作表“{sheet}”没有“存放地点”列，{source}所指的存放地点“{name}”不在台账中。导入时加 --create-missing（或在导入向导中确认新建）即可新建该地点，也可用 --location 指定已有地点',
    en: 'Sheet "{sheet}" has no location column and the location {sourceEn} names, "{name}", is not in the ledger; import with --create-missing (or confirm it in the import wizard) to create it, or choose an existing one with --location',
  },
  'ledgers.row.ambiguousArea': { zh: '名称为“{value}”的区域不止一个，请改填区域编码', en: 'More than one area is named "{value}"; use its code' },
  'ledgers.row.unknownItem': {
    zh: '物资目录中没有编码为“{value}”的物资（请先导入物资目录，或用库存台账导入）',
    en: 'No item with code "{value}" in the catalogue (import the catalogue first, or import it with the stock ledger)',
  },
  'ledgers.row.noItemCode': {
    zh: '没有物资编码，且目录中按名称“{name}”和规格找不到唯一的物资',
    en: 'No item code, and no single catalogue item matches the name "{name}" and spec',
  },
  'ledgers.row.itemNameMismatch': {
    zh: '物资编码 {code} 在目录中是“{current}”，与表中名称“{given}”不符',
    en: 'Item {code} is "{current}" in the catalogue, not "{given}" as in the file',
  },
  'ledgers.row.itemUnitMismatch': {
    zh: '物资 {code} 的计量单位是“{current}”，表中为“{given}”',
    en: 'Item {code} is counted in "{current}", the file says "{given}"',
  },
  'ledgers.row.newItemConflict': {
    zh: '新物资 {code} 在第 {other} 行的名称或单位与本行不同',
    en: 'New item {code} has another name or unit on row {other}',
  },
  'ledgers.row.newItemNeeds': {
    zh: '物资 {code} 不在目录中；要新建它，需填写物资名称和单位',
    en: 'Item {code} is not in the catalogue; to create it, give its name and unit',
  },
  'ledgers.row.expiryBeforeProduction': {
    zh: '有效期至 {expiry} 早于生产日期 {production}',
    en: 'Expiry {expiry} is before production date {production}',
  },
  'ledgers.row.amountMismatch': {
    zh: '金额 {amount} 与 单价×数量 = {expected} 不符',
    en: 'Amount {amount} differs from unit price × quantity = {expected}',
  },
  'ledgers.row.reversal': {
    zh: '冲销记录不能导入：请导入原始记录，在本系统中冲销',
    en: 'Reversals cannot be imported: import the original movement and reverse it in this app',
  },
  'ledgers.row.needs': { zh: '{type}必须填写{field}', en: '{typeEn} requires {fieldEn}' },
  'ledgers.row.transferNeedsCounterpart': {
    zh: '调拨必须在“来源/去向”中填写对方存放地点',
    en: 'A transfer needs the other location in 来源/去向 (source/destination)',
  },
  'ledgers.row.sameLocation': { zh: '调出与调入地点不能相同', en: 'Transfer source and destination must differ' },
  'ledgers.row.docSplit': {
    zh: '单号 {docNo} 的各行应相邻（第 {other} 行已出现过）',
    en: 'Rows of document {docNo} must be adjacent (it already appeared on row {other})',
  },
  'ledgers.row.docHeader': {
    zh: '同一单号 {docNo} 的{field}与第 {other} 行不同',
    en: 'Document {docNo}: {fieldEn} differs from row {other}',
  },
  'ledgers.row.agreement': {
    zh: '储备方式为“{mode}”的物资不作为实物库存入账，本行不能导入库存',
    en: 'Items held as {modeEn} are not booked as stock on hand; this row cannot be imported as stock',
  },
  'ledgers.row.tooMany': {
    zh: '错误过多，只列出前 {max} 条',
    en: 'Too many errors; only the first {max} are listed',
  },

  // ---- equipment rows ----
  'ledgers.row.unknownKindWord': {
    zh: '“{value}”不是已知的装备类型（品牌、功率等可写在括号里，如“汽油发电机（5kW）”）；可填：{choices}',
    en: '"{value}" is not a known kind of equipment (brand or size may follow in brackets, e.g. 汽油发电机（5kW）); accepted: {choices}',
  },
  'ledgers.row.equipmentNeedsPlace': {
    zh: '需填写“存放地点”或“配发村社”：装备须有存放或配发之处',
    en: 'Fill in 存放地点 (store) or 配发村社 (village): a unit must be kept or handed out somewhere',
  },

  // ---- master data a file names (created with --create-missing) ----
  'ledgers.master.district': { zh: '区县', en: 'District' },
  'ledgers.master.street': { zh: '街道(镇)', en: 'Street/town' },
  'ledgers.master.village': { zh: '村(社区)', en: 'Village/community' },
  'ledgers.master.location': { zh: '存放地点', en: 'Location' },
  'ledgers.master.item': { zh: '物资', en: 'Item' },
  'ledgers.master.shelter': { zh: '避灾场所', en: 'Shelter' },
  'ledgers.master.fromSheet': { zh: '工作表名', en: 'the sheet\'s name' },
  'ledgers.master.fromTitle': { zh: '第 {row} 行的标题', en: 'the title on row {row}' },

  // ---- the error workbook ----
  'ledgers.errorColumn': { zh: '错误说明', en: 'Errors' },

  // ---- exports ----
  'ledgers.export.org': { zh: '填报单位：{org}', en: 'Reporting unit: {org}' },
  'ledgers.export.date': { zh: '日期：{date}', en: 'Date: {date}' },
  'ledgers.export.total': { zh: '合计', en: 'Total' },
  'ledgers.export.example': { zh: '示例', en: 'example' },
  'ledgers.export.guide': { zh: '填表说明', en: 'How to fill in' },

  // ---- the kinds, as the user names them ----
  'ledgers.kind.areas': { zh: '行政区域', en: 'admin areas' },
  'ledgers.kind.locations': { zh: '存放地点', en: 'locations' },
  'ledgers.kind.items': { zh: '物资目录', en: 'item catalogue' },
  'ledgers.kind.stock': { zh: '物资库存台账', en: 'stock ledger' },
  'ledgers.kind.movements': { zh: '出入库明细', en: 'movement journal' },

  // ---- onboarding ----
  'ledgers.onboard.unknownKind': {
    zh: '无法从表头判断 {file} 是哪种台账（最接近：{candidates}）；请指明它的种类，如 --kind "{file}=stock"',
    en: 'Cannot tell from its headers which kind of ledger {file} is (closest: {candidates}); name it, e.g. --kind "{file}=stock"',
  },

  // ---- the CLI ----
  'ledgers.cli.imported': {
    zh: '已导入 {imported} 行（读取 {read} 行，跳过 {skipped} 行）',
    en: 'Imported {imported} rows ({read} read, {skipped} skipped)',
  },
  'ledgers.cli.dryRun': {
    zh: '试导入：可导入 {imported} 行（读取 {read} 行，跳过 {skipped} 行），未写入数据库',
    en: 'Dry run: {imported} rows would be imported ({read} read, {skipped} skipped); nothing written',
  },
  'ledgers.cli.failed': {
    zh: '发现 {count} 个错误，未导入任何数据',
    en: '{count} errors found; nothing was imported',
  },
  'ledgers.cli.written': { zh: '已写出：{file}', en: 'Written: {file}' },
  'ledgers.cli.errorWorkbook': { zh: '错误标注文件已写出：{file}', en: 'Workbook with the errors marked written: {file}' },
  'ledgers.cli.moreErrors': { zh: '……另有 {count} 个错误（用 --json 查看全部）', en: '… {count} more errors (--json lists them all)' },
  'ledgers.cli.createdMaster': { zh: '新建（台账中原来没有，或编码为自动生成）：', en: 'Created (not in the ledger before, or with a generated code):' },
  'ledgers.cli.wouldCreate': { zh: '将新建：', en: 'Would create:' },
  'ledgers.cli.moreCreated': { zh: '……另有 {count} 项（用 --json 查看全部）', en: '… {count} more (--json lists them all)' },
  'ledgers.cli.onboardFile': { zh: '{n}. {file} → {kind}：', en: '{n}. {file} → {kindEn}:' },
  'ledgers.cli.onboardRefused': { zh: '{n}. {file}：{reason}', en: '{n}. {file}: {reason}' },
  'ledgers.cli.onboardDone': {
    zh: '已导入 {files} 个文件，共 {rows} 行，新建 {created} 项',
    en: 'Imported {files} files, {rows} rows; {created} things created',
  },
  'ledgers.cli.onboardPlan': {
    zh: '试导入：{files} 个文件共 {rows} 行可以导入，将新建 {created} 项；未写入数据库',
    en: 'Dry run: {files} files, {rows} rows would go in, {created} things would be created; nothing written',
  },
  'ledgers.cli.onboardAskYes': {
    zh: '以上为导入计划，尚未写入。确认无误后加 --yes 再运行一次，即在一个事务中全部写入',
    en: 'This is the plan; nothing is written yet. Run again with --yes to write it all in one transaction',
  },
  'ledgers.cli.onboardFailed': {
    zh: '发现 {count} 个问题，未导入任何数据',
    en: '{count} problems found; nothing was imported',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
