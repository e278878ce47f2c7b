// The demo district: Jiaojiang as the 14th five-year plan describes it. Streets and the town are real; villages,
// shelters and stock are invented (marked is_demo) and only plausible.
import type { ItemCategory } from '../api/contract.js';

export const district = { code: 'JJ', name: '椒江区', adminCode: '331002000000' };

export const streets: { code: string; name: string; villages: number; community: boolean }[] = [
  { code: 'HM', name: '海门街道', villages: 22, community: true },
  { code: 'BY', name: '白云街道', villages: 18, community: true },
  { code: 'JZ', name: '葭沚街道', villages: 20, community: true },
  { code: 'HJ', name: '洪家街道', villages: 26, community: false },
  { code: 'SJ', name: '三甲街道', villages: 24, community: false },
  { code: 'XC', name: '下陈街道', villages: 25, community: false },
  { code: 'QS', name: '前所街道', villages: 23, community: false },
  { code: 'ZA', name: '章安街道', villages: 27, community: false },
  { code: 'DC', name: '大陈镇', villages: 6, community: false },
];

/** Stems for invented village names; combined with a street they give names that read like the area's. */
export const villageStems = [
  '东山', '西岙', '南洋', '北岸', '塘头', '江口', '新河', '后洋', '前岙', '上蒋', '下洋', '章家', '王家', '李家',
  '陈家', '杨家', '黄礁', '沙头', '岩头', '枫林', '石桥', '柏树', '里洋', '外沙', '洪浦', '滨海', '望江', '长浦',
  '新塘', '三山', '横河', '海城', '光明', '永丰', '和平', '红旗', '金星', '双桥', '徐家', '蒋家', '屿头', '浦西',
];

export interface DemoItem {
  code: string;
  name: string;
  spec: string;
  unit: string;
  category: ItemCategory;
  shelfLifeDays?: number;
  priceYuan: number;
  /** Share of the district's stock, and how much of it sits in the two district warehouses. */
  weight: number;
  atShelters: boolean;
}

export const items: DemoItem[] = [
  { code: 'WZ001', name: '帐篷', spec: '12m² 单帐篷', unit: '顶', category: 'shelter', priceYuan: 1280, weight: 2, atShelters: false },
  { code: 'WZ002', name: '折叠床', spec: '190×70cm 钢架', unit: '张', category: 'shelter', priceYuan: 168, weight: 5, atShelters: true },
  { code: 'WZ003', name: '棉被', spec: '2×2.3m 3kg', unit: '条', category: 'textile', priceYuan: 115, weight: 9, atShelters: true },
  { code: 'WZ004', name: '毛巾被', spec: '1.5×2m', unit: '条', category: 'textile', priceYuan: 45, weight: 0.5, atShelters: true },
  { code: 'WZ005', name: '毛毯', spec: '1.5×2m 腈纶', unit: '条', category: 'textile', priceYuan: 78, weight: 6, atShelters: true },
  { code: 'WZ006', name: '睡袋', spec: '信封式 -5℃', unit: '个', category: 'textile', priceYuan: 96, weight: 3, atShelters: false },
  { code: 'WZ007', name: '棉大衣', spec: '军绿 L/XL', unit: '件', category: 'textile', priceYuan: 135, weight: 3, atShelters: false },
  { code: 'WZ008', name: '应急生活包', spec: '洗漱用品 10 件套', unit: '包', category: 'shelter', priceYuan: 58, weight: 6, atShelters: true },
  { code: 'WZ009', name: '场地照明灯', spec: 'LED 200W 升降式', unit: '台', category: 'lighting', priceYuan: 2600, weight: 0.3, atShelters: true },
  { code: 'WZ010', name: '应急灯', spec: '充电式 LED', unit: '个', category: 'lighting', priceYuan: 65, weight: 0.4, atShelters: true },
  { code: 'WZ011', name: '手电筒', spec: '强光充电', unit: '个', category: 'lighting', priceYuan: 32, weight: 4, atShelters: false },
  { code: 'WZ012', name: '净水器', spec: '便携式 1t/h', unit: '台', category: 'water', priceYuan: 4800, weight: 0.1, atShelters: false },
  { code: 'WZ013', name: '方便食品', spec: '压缩干粮 24 袋/箱', unit: '箱', category: 'food', shelfLifeDays: 730, priceYuan: 120, weight: 5, atShelters: true },
  { code: 'WZ014', name: '瓶装饮用水', spec: '550ml×24 瓶/箱', unit: '箱', category: 'water', shelfLifeDays: 540, priceYuan: 28, weight: 8, atShelters: true },
  { code: 'WZ015', name: '急救包', spec: '家庭型 30 件', unit: '套', category: 'medicine', shelfLifeDays: 1095, priceYuan: 150, weight: 1.5, atShelters: true },
  { code: 'WZ016', name: '救生衣', spec: '成人 船用', unit: '件', category: 'rescue', priceYuan: 85, weight: 5, atShelters: false },
  { code: 'WZ017', name: '救生圈', spec: '2.5kg 船用', unit: '个', category: 'rescue', priceYuan: 70, weight: 1.5, atShelters: false },
  { code: 'WZ018', name: '编织袋', spec: '55×95cm', unit: '条', category: 'flood', priceYuan: 1.2, weight: 24, atShelters: false },
  { code: 'WZ019', name: '麻袋', spec: '60×100cm', unit: '条', category: 'flood', priceYuan: 4.5, weight: 8, atShelters: false },
];

/** A measured item (by length, 3 decimals) so that decimals are exercised by the demo too. */
export const measuredItem: DemoItem = {
  code: 'WZ020', name: '彩条布', spec: '宽 4m', unit: '米', category: 'flood', priceYuan: 3.8, weight: 0, atShelters: false,
};

export const warehouses = [
  { code: 'WH01', name: '椒江区救灾物资储备库（一号库）', street: 'HM', address: '海门街道（演示地址）' },
  { code: 'WH02', name: '椒江区防汛物资储备库（二号库）', street: 'HJ', address: '洪家街道（演示地址）' },
];

export const suppliers = ['台州市应急物资供应有限公司', '椒江区供销合作社', '浙江某防汛器材厂', '台州某商贸有限公司'];
export const donors = ['椒江区慈善总会', '台州市红十字会', '某企业爱心捐赠', '椒江区工商联'];
export const handlers = ['张建国', '李秀英', '王海峰', '陈丽娟', '林志强', '周晓燕'];
export const approvers = ['郑卫东', '黄美华'];

/** What each street store must hold (demo norms, absolute). */
export const streetStoreNorms: Record<string, number> = { WZ003: 200, WZ013: 100, WZ014: 150, WZ016: 100, WZ018: 3000, WZ011: 100 };

/** The default shelter norms of settings `norms.shelterDefaults`, by demo item code (kept in step by a test). */
export const shelterNormsByItem: Record<string, { basis: 'per_person'; factor: number } | { basis: 'absolute'; quantity: number }> = {
  WZ003: { basis: 'per_person', factor: 1 },
  WZ004: { basis: 'per_person', factor: 1 },
  WZ002: { basis: 'per_person', factor: 0.5 },
  WZ008: { basis: 'per_person', factor: 1 },
  WZ014: { basis: 'per_person', factor: 0.682 },
  WZ013: { basis: 'per_person', factor: 0.5 },
  WZ010: { basis: 'per_person', factor: 0.05 },
  WZ009: { basis: 'absolute', quantity: 1 },
  WZ015: { basis: 'absolute', quantity: 1 },
};

/** Evacuation population per street/town (转移安置人数), invented for the demo. */
export const evacuationPopulation: Record<string, number> = { HM: 12000, BY: 8000, JZ: 9000, HJ: 10000, SJ: 9000, XC: 9500, QS: 8500, ZA: 11000, DC: 2500 };
