import type { Catalog } from '../types';
import type { jobsResourcesEn, jobsUiEn } from './jobs.en';

/** 通知（铃铛）、任务运行记录与节日的文字。 */
export const jobsResourcesZh: Catalog<typeof jobsResourcesEn> = {
  notifications: {
    name: '通知',
    fields: { id: '编号', q: '搜索', title: '标题', body: '内容', read: '已读', readAt: '阅读时间', createdAt: '接收时间', linkResource: '相关记录' },
  },
  'job-runs': {
    name: '任务运行记录',
    fields: { id: '编号', q: '搜索', job: '任务', slot: '时段', trigger: '触发方式', startedAt: '开始时间', finishedAt: '结束时间', counts: '计数', error: '错误', instance: '实例' },
  },
  holidays: {
    name: '节日',
    fields: { id: '编号', q: '搜索', date: '日期', name: '名称', kind: '类型', greeting: '祝福模板', active: '启用' },
  },
};

export const jobsUiZh: Catalog<typeof jobsUiEn> = {
  notifications: {
    bell: '通知（%{count} 条未读）',
    mark_read: '标为已读',
    marked: '已标为已读',
    unread_only: '只看未读',
  },
  jobs: {
    names: { 'reminders': '跟进提醒', 'greetings': '节日与生日祝福', 'pool-return': '退回公海', 'assignment-deadline': '分配超时提醒', 'return-visits': '回访提醒', 'complaint-deadlines': '投诉超时提醒', 'dispatch': '发送消息' },
    triggers: { 'schedule': '定时', 'manual': '手动' },
    counts: { 'leads': '线索', 'queued': '已排队', 'duplicates': '已在队列', 'greetings': '祝福', 'returned': '已退回', 'failed': '失败', 'digests': '摘要', 'due': '到期', 'lost': '租约过期', 'sent': '已发送', 'wait': '等待', 'retry': '待重试', 'skipped': '已跳过', 'late': '超时' },
    run_now: '立即运行',
    ran: '任务已运行',
  },
  holidays: {
    greeting_help: '可选。{{name}} 为客户称呼，{{festival}} 为节日名称；留空则用默认祝福语',
    kinds: { lunar: '农历节日', statutory: '法定节假日', custom: '自定义' },
  },
};
