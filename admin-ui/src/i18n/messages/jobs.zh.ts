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
  messages: {
    name: '消息',
    fields: { id: '编号', q: '搜索', createdAt: '排队时间', channel: '渠道', purpose: '用途', subject: '主题', body: '内容', status: '状态', sentAt: '发送时间', to: '收件人' },
  },
  campaigns: {
    name: '群发',
    fields: {
      id: '编号', q: '搜索', name: '名称', channel: '渠道', subject: '邮件主题', template: '消息模板', sendAt: '发送时间',
      status: '状态', counts: '计数', filter: '目标客户', skipped: '跳过', createdAt: '创建时间', author: '创建人',
    },
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
    names: { 'reminders': '跟进提醒', 'greetings': '节日与生日祝福', 'pool-return': '退回公海', 'assignment-deadline': '分配超时提醒', 'return-visits': '回访提醒', 'complaint-deadlines': '投诉超时提醒', 'campaigns': '群发', 'dispatch': '发送消息' },
    triggers: { 'schedule': '定时', 'manual': '手动' },
    counts: { 'leads': '线索', 'queued': '已排队', 'duplicates': '已在队列', 'greetings': '祝福', 'returned': '已退回', 'failed': '失败', 'digests': '摘要', 'due': '到期', 'lost': '租约过期', 'sent': '已发送', 'wait': '等待', 'retry': '待重试', 'skipped': '已跳过', 'late': '超时', 'campaigns': '群发' },
    run_now: '立即运行',
    ran: '任务已运行',
  },
  messages: {
    channels: { sms: '短信', email: '邮件', wecom: '企业微信', dingtalk: '钉钉', inapp: '站内通知', webhook: '集成推送' },
    purposes: { reminder: '提醒', greeting: '祝福', campaign: '群发', notification: '通知', webhook: '集成推送' },
    statuses: { queued: '待发送', sent: '已发送', failed: '发送失败', skipped: '已跳过' },
  },
  campaigns: {
    template_help: '占位符：{{name}} 客户姓名，{{salutation}} 姓名加先生/女士，{{custom_字段键}} 自定义字段',
    filter_help: '发给哪些客户（都不填：您能看到的全部客户）',
    custom_filter: '自定义字段：%{label}',
    preview_title: '接收人预览',
    recipients: '%{total} 位客户中 %{recipients} 位将收到，跳过 %{skipped} 位',
    sample: '示例消息',
    quiet: '发送时间处于免打扰时段：短信将于 %{time} 发出',
    skipped_title: '跳过的客户',
    counts_title: '发送情况',
    reasons: { opt_out: '已退订', no_mobile: '无手机号', no_email: '无邮箱', no_address: '无地址', no_channel: '渠道未配置' },
    counts: { audience: '选中', queued: '已排队', pending: '待发送', sent: '已发送', failed: '失败', skipped: '已跳过' },
    channels: { sms: '短信', email: '邮件' },
  },
  holidays: {
    greeting_help: '可选。{{name}} 为客户称呼，{{festival}} 为节日名称；留空则用默认祝福语',
    kinds: { lunar: '农历节日', statutory: '法定节假日', custom: '自定义' },
  },
};
