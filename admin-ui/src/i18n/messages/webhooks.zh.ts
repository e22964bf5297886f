import type { Catalog } from '../types';
import type { webhooksResourcesEn, webhooksUiEn } from './webhooks.en';

/** 集成推送（Webhook）的文字。 */
export const webhooksResourcesZh: Catalog<typeof webhooksResourcesEn> = {
  'webhook-subscriptions': {
    name: '集成推送',
    fields: {
      id: '编号', q: '搜索', name: '名称', url: '推送地址', events: '事件', active: '启用', description: '说明',
      secret: '签名密钥', createdAt: '创建时间', updatedAt: '修改时间',
    },
  },
};

export const webhooksUiZh: Catalog<typeof webhooksUiEn> = {
  webhooks: {
    events: {
      'lead.created': '新建线索', 'lead.converted': '线索转化', 'opportunity.won': '商机赢单',
      'opportunity.lost': '商机输单', 'complaint.opened': '新建投诉', 'complaint.closed': '投诉关闭',
    },
    url_help: '事件以 POST 请求推送到的 http(s) 地址',
    secret_title: '签名密钥',
    secret_once: '请立即复制：密钥只显示这一次。接收方用它校验 X-CRM-Signature 请求头。',
    deliveries: '推送记录',
    no_deliveries: '暂无推送',
    delivery: '推送',
    event: '事件',
    queued_at: '排队时间',
    attempts: '尝试',
    next_retry: '下次重试',
    response: '响应码',
    error: '错误',
    outcome: { sent: '已送达', retry: '失败，待重试', failed: '失败' },
    redeliver: '重新发送',
    redelivered: '已重新排队：下次发送时推送',
    header_help: '每次 POST 带有 X-CRM-Event、X-CRM-Delivery、X-CRM-Timestamp 与 X-CRM-Signature（对“时间戳.正文”的 sha256 HMAC）请求头',
  },
};
