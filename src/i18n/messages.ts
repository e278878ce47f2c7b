// The one catalogue of user-facing text from the core, the CLI and the doors: Chinese first, English beside it.
// The renderer's own screen labels live in renderer/i18n and follow the same shape.

import { dailyMessages } from './daily.js';
import { equipmentMessages } from './equipment.js';
import { hostMessages } from './host.js';
import { ledgerMessages } from './ledgers.js';
import { safetyMessages } from './safety.js';
import { stocktakeMessages } from './stocktake.js';

export type MessageParams = Record<string, string | number>;

type Catalogue = Record<string, { zh: string; en: string }>;

const core = {
  'error.invalidInput': { zh: '输入有误：{detail}', en: 'Invalid input: {detail}' },
  'error.unknownOperation': { zh: '未知操作：{name}', en: 'Unknown operation: {name}' },
  'error.internal': { zh: '内部错误：{detail}', en: 'Internal error: {detail}' },
  'error.unauthorized': { zh: '访问令牌无效', en: 'Invalid access token' },

  'db.tooNew': {
    zh: '数据库 {file} 由更新版本的程序创建（含迁移 {migration}），请升级本程序后再打开',
    en: 'Database {file} was written by a newer version (migration {migration}); upgrade the app to open it',
  },
  'db.notFound': { zh: '找不到数据库文件 {file}，请先运行 init', en: 'Database file {file} not found; run init first' },
  'db.notLedger': { zh: '{file} 不是有效的台账数据库：{detail}', en: '{file} is not a valid ledger database: {detail}' },
  'db.demoNotEmpty': { zh: '数据库已有数据，不能再载入演示数据', en: 'The database already holds data; demo data can only be loaded into an empty one' },

  'area.duplicate': { zh: '区域编码 {code} 已存在', en: 'Area code {code} already exists' },
  'area.notFound': { zh: '找不到区域 {code}', en: 'Area {code} not found' },
  'area.badParent': {
    zh: '{level}的上级必须是{parentLevel}',
    en: 'The parent of a {levelEn} must be a {parentLevelEn}',
  },
  'area.cycle': { zh: '区域不能成为自己的下级', en: 'An area cannot be its own descendant' },
  'location.duplicate': { zh: '存放地点编码 {code} 已存在', en: 'Location code {code} already exists' },
  'location.notFound': { zh: '找不到存放地点 {code}', en: 'Location {code} not found' },
  'item.duplicate': { zh: '物资编码 {code} 已存在', en: 'Item code {code} already exists' },
  'item.notFound': { zh: '找不到物资 {code}', en: 'Item {code} not found' },
  'item.decimalsInUse': {
    zh: '物资 {code} 已有小数数量的记录，不能改为整数计量',
    en: 'Item {code} already has fractional quantities; it cannot become whole-unit',
  },
  'batch.notFound': { zh: '物资 {item} 没有批次 {batch}', en: 'Item {item} has no batch {batch}' },
  'batch.datesConflict': {
    zh: '批次 {batch} 已登记的日期与本次不同（已登记 生产 {oldProduction} / 有效期至 {oldExpiry}）',
    en: 'Batch {batch} is already recorded with other dates (production {oldProduction} / expiry {oldExpiry})',
  },
  'batch.expiryBeforeProduction': {
    zh: '有效期至 {expiry} 早于生产日期 {production}',
    en: 'Expiry {expiry} is before production date {production}',
  },

  'movement.insufficient': {
    zh: '{location} 的 {item}（{batchZh}）库存不足：现有 {available}{unit}，本次需要 {requested}{unit}',
    en: 'Not enough {item} ({batchEn}) at {location}: {available} {unit} on hand, {requested} requested',
  },
  'movement.insufficientUnexpired': {
    zh: '{location} 的 {item} 未过期库存不足：可发 {available}{unit}（另有已过期 {expired}{unit}，应报损而不发放），本次需要 {requested}{unit}',
    en: 'Not enough unexpired {item} at {location}: {available} {unit} usable ({expired} expired, to be written off, not issued), {requested} requested',
  },
  'movement.badQuantity': {
    zh: '数量 {value} 无效：{unit}计量的物资{rule}',
    en: 'Quantity {value} is not valid: items counted in {unit} {ruleEn}',
  },
  'movement.ruleWhole': { zh: '只能是正整数', en: 'must be a positive whole number' },
  'movement.ruleDecimals': { zh: '最多 {decimals} 位小数且大于 0', en: 'must be above 0 with at most {decimals} decimals' },
  'movement.needsField': { zh: '{type}必须填写{field}', en: '{typeEn} requires {fieldEn}' },
  'movement.sameLocation': { zh: '调出与调入地点不能相同', en: 'Transfer source and destination must differ' },
  'movement.docExists': { zh: '单号 {docNo} 已存在', en: 'Document number {docNo} already exists' },
  'movement.noBatch': { zh: '无批次', en: 'no batch' },
  'movement.batch': { zh: '批次 {batch}', en: 'batch {batch}' },
  'movement.notFound': { zh: '找不到单据记录 {id}', en: 'Movement {id} not found' },
  'movement.alreadyReversed': { zh: '记录 {id} 已被冲销（冲销记录 {by}）', en: 'Movement {id} was already reversed (by {by})' },
  'movement.cannotReverseReversal': { zh: '冲销记录不能再冲销，请重新登记', en: 'A reversal cannot itself be reversed; post the movement again' },
  'movement.agreementStock': {
    zh: '{item} 为{mode}，不作为实物库存入账',
    en: '{item} is held as {modeEn}; it is not booked as stock on hand',
  },

  'cli.dbRequired': { zh: '请用 --db 指定数据库文件', en: 'Specify the database file with --db' },
  'cli.fileExists': { zh: '文件 {file} 已存在', en: 'File {file} already exists' },
  'cli.usage': { zh: '命令用法有误：{detail}', en: 'Usage error: {detail}' },
} as const satisfies Catalogue;

// Each domain area keeps its messages in its own section file; together they are the one catalogue.
const catalogue = { ...core, ...ledgerMessages, ...equipmentMessages, ...stocktakeMessages, ...safetyMessages, ...dailyMessages, ...hostMessages } as const;

export type MessageKey = keyof typeof catalogue;

export function message(key: MessageKey, params: MessageParams = {}): { zh: string; en: string } {
  const entry = catalogue[key];
  return { zh: fill(entry.zh, params), en: fill(entry.en, params) };
}

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Names of movement types, area levels etc. shown to users, in both languages. */
export const labels = {
  movementType: {
    purchase: { zh: '采购入库', en: 'purchase receipt' },
    donation: { zh: '捐赠入库', en: 'donation receipt' },
    allocation_in: { zh: '上级调拨入库', en: 'allocation from above' },
    return_in: { zh: '回收入库', en: 'return after use' },
    stocktake_gain: { zh: '盘盈', en: 'stocktake surplus' },
    transfer_in: { zh: '调拨入库', en: 'transfer in' },
    issue: { zh: '发放', en: 'issue' },
    transfer_out: { zh: '调拨出库', en: 'transfer out' },
    loss: { zh: '报损', en: 'loss' },
    scrap: { zh: '报废', en: 'scrap' },
    stocktake_loss: { zh: '盘亏', en: 'stocktake shortage' },
    reversal: { zh: '冲销', en: 'reversal' },
  },
  areaLevel: {
    district: { zh: '区', en: 'district' },
    street: { zh: '街道/镇', en: 'street/town' },
    village: { zh: '村/社区', en: 'village/community' },
  },
  locationKind: {
    warehouse: { zh: '区级仓库', en: 'district warehouse' },
    street_store: { zh: '街道(镇)储备点', en: 'street/town store' },
    shelter_store: { zh: '避灾场所储备点', en: 'shelter store' },
  },
  reserveMode: {
    held: { zh: '实物储备', en: 'held stock' },
    agreement: { zh: '协议储备', en: 'supplier agreement' },
    capacity: { zh: '产能储备', en: 'production capacity' },
  },
  category: {
    food: { zh: '食品', en: 'food' },
    water: { zh: '饮用水', en: 'water' },
    medicine: { zh: '药品', en: 'medicine' },
    textile: { zh: '被服', en: 'textiles' },
    shelter: { zh: '住宿', en: 'shelter' },
    lighting: { zh: '照明', en: 'lighting' },
    rescue: { zh: '救生', en: 'rescue' },
    flood: { zh: '防汛', en: 'flood defence' },
    other: { zh: '其他', en: 'other' },
  },
  shelterLevel: {
    district: { zh: '县级', en: 'district' },
    street: { zh: '乡镇(街道)级', en: 'street/town' },
    village: { zh: '村(社区)级', en: 'village' },
  },
} as const;
