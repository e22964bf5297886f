import type { Catalog } from '../types';
import type { reportsEn } from './reports.en';

/** 仪表盘图表与导入页面文字（`crm.reports.*`、`crm.import.*`）。 */
export const reportsZh: Catalog<typeof reportsEn> = {
  reports: {
    funnel: '销售漏斗',
    funnel_leads: '线索',
    funnel_qualified: '已转化',
    funnel_opportunities: '销售机会',
    funnel_won: '赢单',
    count: '数量',
    empty: '暂无数据',
    none: '（未填写）',
    sources: '线索来源',
    follow_ups: '顾问跟进情况',
    follow_ups_planned: '计划跟进',
    follow_ups_done: '已完成',
    follow_ups_overdue: '逾期',
    won_by_month: '每月赢单',
    won_value: '赢单金额',
    traffic_today: '今日客流',
    traffic_visits: '登记',
    traffic_walkIns: '到店',
    traffic_calls: '来电',
    traffic_people: '人数',
    traffic_withContact: '留下联系方式',
    traffic_converted: '转为线索',
    complaint_queue: '投诉处理队列',
    complaints_open: '待处理',
    complaints_processing: '处理中',
    severity_urgent: '紧急',
    severity_high: '高',
    severity_medium: '中',
    severity_low: '低',
  },
};
