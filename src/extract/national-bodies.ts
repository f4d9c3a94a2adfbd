/**
 * China's national bodies by every name running text gives them — the State Council and its
 * offices, the ministries and commissions, the national administrations — with what became of
 * those that were merged or renamed (卫生部 → 国家卫生计生委 in 2013 → 国家卫健委 in 2018;
 * 人事部 and 劳动和社会保障部 → 人社部 in 2008; 国家医保局 formed in 2018). General knowledge of
 * Chinese public administration, whatever the field of a corpus. A body is filed under `name`;
 * a renamed body keeps its own entry, with a note saying what it became.
 */

export interface NationalBody {
  name: string;
  /** Every way of writing it (simplified; traditional text is matched folded). */
  forms: string[];
  /** What became of it, or when it was formed. */
  note?: string;
}

export const NATIONAL_BODIES: readonly NationalBody[] = [
  { name: '中共中央', forms: ['中共中央', '党中央'] },
  { name: '中共中央办公厅', forms: ['中共中央办公厅'] },
  { name: '全国人大常委会', forms: ['全国人民代表大会常务委员会', '全国人大常委会'] },
  { name: '全国人大', forms: ['全国人民代表大会', '全国人大'] },
  { name: '全国政协', forms: ['中国人民政治协商会议全国委员会', '全国政协'] },
  { name: '国务院办公厅', forms: ['国务院办公厅'] },
  { name: '国务院常务会议', forms: ['国务院常务会议', '国务院常务会'] },
  { name: '国务院医改领导小组', forms: ['国务院医改领导小组', '国务院深化医药卫生体制改革领导小组'] },
  { name: '国务院医改办', forms: ['国务院医改办', '国务院深化医药卫生体制改革领导小组办公室'] },
  { name: '国务院深改组', forms: ['国务院深改组'] },
  { name: '国务院国资委', forms: ['国务院国有资产监督管理委员会', '国务院国资委', '国资委'] },
  { name: '国务院', forms: ['国务院'] },
  { name: '卫生部', forms: ['中华人民共和国卫生部', '卫生部'], note: '2013年与国家人口计生委合并为国家卫生计生委' },
  { name: '国家人口计生委', forms: ['国家人口和计划生育委员会', '国家人口计生委', '国家计生委'], note: '2013年与卫生部合并为国家卫生计生委' },
  {
    name: '国家卫生计生委',
    forms: ['国家卫生和计划生育委员会', '国家卫生计生委', '国家卫计委', '卫计委', '卫生计生委'],
    note: '2018年改组为国家卫生健康委员会(卫健委)',
  },
  { name: '国家卫健委', forms: ['国家卫生健康委员会', '国家卫生健康委', '国家卫健委', '卫健委'], note: '2018年组建,承接国家卫生计生委的职责' },
  { name: '国家发展改革委', forms: ['国家发展和改革委员会', '国家发展与改革委员会', '国家发展改革委', '国家发改委'] },
  { name: '国家中医药管理局', forms: ['国家中医药管理局', '国家中医药局'] },
  { name: '国家医保局', forms: ['国家医疗保障局', '国家医保局'], note: '2018年组建,承接人社部、国家卫生计生委、国家发展改革委、民政部的医疗保障职责' },
  { name: '国家疾控局', forms: ['国家疾病预防控制局', '国家疾控局'], note: '2021年组建' },
  { name: '国家药监局', forms: ['国家药品监督管理局', '国家药监局'], note: '2018年组建,此前为国家食品药品监督管理总局' },
  { name: '国家食品药品监督管理总局', forms: ['国家食品药品监督管理总局', '国家食药监总局', '食药监总局'], note: '2018年改组,药品监管由国家药监局承担' },
  { name: '国家市场监管总局', forms: ['国家市场监督管理总局', '国家市场监管总局', '市场监管总局'], note: '2018年组建' },
  { name: '人社部', forms: ['人力资源和社会保障部', '人力资源社会保障部', '人社部'], note: '2008年由人事部与劳动和社会保障部组建' },
  { name: '劳动和社会保障部', forms: ['劳动和社会保障部', '劳动保障部'], note: '2008年并入人力资源和社会保障部(人社部)' },
  { name: '人事部', forms: ['人事部'], note: '2008年并入人力资源和社会保障部(人社部)' },
  { name: '民政部', forms: ['民政部'] },
  { name: '财政部', forms: ['财政部'] },
  { name: '教育部', forms: ['教育部'] },
  { name: '科技部', forms: ['科学技术部', '科技部'] },
  { name: '工业和信息化部', forms: ['工业和信息化部', '工信部'] },
  { name: '公安部', forms: ['公安部'] },
  { name: '司法部', forms: ['司法部'] },
  { name: '自然资源部', forms: ['自然资源部'], note: '2018年组建,此前为国土资源部' },
  { name: '生态环境部', forms: ['生态环境部'], note: '2018年组建,此前为环境保护部' },
  { name: '住房和城乡建设部', forms: ['住房和城乡建设部', '住建部'] },
  { name: '交通运输部', forms: ['交通运输部'] },
  { name: '水利部', forms: ['水利部'] },
  { name: '农业农村部', forms: ['农业农村部'], note: '2018年组建,此前为农业部' },
  { name: '商务部', forms: ['商务部'] },
  { name: '文化和旅游部', forms: ['文化和旅游部', '文旅部'], note: '2018年组建' },
  { name: '退役军人事务部', forms: ['退役军人事务部'], note: '2018年组建' },
  { name: '应急管理部', forms: ['应急管理部'], note: '2018年组建' },
  { name: '审计署', forms: ['审计署'] },
  { name: '海关总署', forms: ['海关总署'] },
  { name: '国家税务总局', forms: ['国家税务总局', '税务总局'] },
  { name: '国家统计局', forms: ['国家统计局'] },
  { name: '中国人民银行', forms: ['中国人民银行', '人民银行', '央行'] },
  { name: '银保监会', forms: ['中国银行保险监督管理委员会', '中国银保监会', '银保监会'], note: '2018年由银监会与保监会组建,2023年改组为国家金融监督管理总局' },
  { name: '国家金融监督管理总局', forms: ['国家金融监督管理总局', '金融监管总局'], note: '2023年组建' },
  { name: '证监会', forms: ['中国证券监督管理委员会', '中国证监会', '证监会'] },
  { name: '国家乡村振兴局', forms: ['国家乡村振兴局'], note: '2021年由国务院扶贫办改组' },
  { name: '国家数据局', forms: ['国家数据局'], note: '2023年组建' },
];
